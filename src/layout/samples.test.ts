import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../core/tree/events';
import { reduce } from '../core/tree/reduce';
import { LABEL_BELOW } from './overlay';
import { sampleScoreLabels, voteTallyLabel } from './samples';
import { expand, score } from './testTrees';
import { tidyTree } from './tidyTree';

describe('sampleScoreLabels', () => {
  it('writes each sample’s aggregated PRM score under its last node and marks the answer', () => {
    const events: TraceEvent[] = [
      { type: 'start', algorithm: 'best-of-n', rootText: 'root' },
      expand(0, [1]),
      score(1, 0.5),
      expand(1, [2]),
      score(2, 0.8),
      expand(0, [3], 2),
      score(3, 0.9),
      { type: 'done', node: 3, answer: '24', correct: true, reason: 'best-prm' },
    ];
    const tree = reduce(events);
    const layout = tidyTree(tree, { dx: 40, dy: 80 });
    const labels = sampleScoreLabels(tree, layout, 'geomean');
    expect(labels.map((l) => [l.id, l.text, l.tone])).toEqual([
      [2, Math.sqrt(0.4).toFixed(2), 'plain'],
      [3, '0.90', 'good'],
    ]);
    expect(sampleScoreLabels(tree, layout, 'min')[0]?.text).toBe('0.50');
    // In the gap under the last node's card.
    expect(labels[0]?.at).toEqual({ x: -20, y: 160 + LABEL_BELOW });
  });
});

describe('sampleScoreLabels with GRPO advantages', () => {
  it('writes each sample’s advantage over the group beside its score, with the working', () => {
    // Three samples of one step each, scored 0.9, 0.6, 0.3: mean 0.6, population std
    // √((0.09 + 0 + 0.09) / 3) = √0.06 = 0.244949; A = +1.224745, 0, −1.224745.
    const events: TraceEvent[] = [
      { type: 'start', algorithm: 'best-of-n', rootText: 'root' },
      expand(0, [1]),
      score(1, 0.9),
      expand(0, [2], 2),
      score(2, 0.6),
      expand(0, [3], 3),
      score(3, 0.3),
    ];
    const tree = reduce(events);
    const layout = tidyTree(tree, { dx: 40, dy: 80 });
    const labels = sampleScoreLabels(tree, layout, 'geomean', { advantages: true });
    expect(labels.map((l) => l.text)).toEqual([
      '0.90 · A +1.22',
      '0.60 · A 0.00',
      '0.30 · A −1.22',
    ]);
    expect(labels[0]?.title).toContain('(0.90 − 0.60) / 0.24 = +1.22');
    expect(labels[0]?.title).toContain('push this sample up');
    expect(labels[2]?.title).toContain('push this sample down');
    // Off by default: the score alone, no tooltip.
    expect(sampleScoreLabels(tree, layout, 'geomean')[0]).not.toHaveProperty('title');
  });

  it('gives every sample A 0 and says why when the rewards are all equal', () => {
    const events: TraceEvent[] = [
      { type: 'start', algorithm: 'best-of-n', rootText: 'root' },
      expand(0, [1]),
      score(1, 0.8),
      expand(0, [2], 2),
      score(2, 0.8),
    ];
    const tree = reduce(events);
    const labels = sampleScoreLabels(tree, tidyTree(tree, { dx: 40, dy: 80 }), 'min', {
      advantages: true,
    });
    expect(labels.map((l) => l.text)).toEqual(['0.80 · A 0.00', '0.80 · A 0.00']);
    expect(labels[0]?.title).toContain('std = 0, so A = 0');
  });
});

describe('voteTallyLabel', () => {
  it('writes the vote over the root, most votes first, and the chosen answer', () => {
    const events: TraceEvent[] = [
      { type: 'start', algorithm: 'best-of-n', rootText: 'root' },
      expand(0, [1, 2, 3]),
      {
        type: 'done',
        node: 1,
        answer: '24',
        correct: true,
        reason: 'majority',
        votes: { '20': 1, '24': 2 },
      },
    ];
    const tree = reduce(events);
    const layout = tidyTree(tree, { dx: 40, dy: 80 });
    expect(voteTallyLabel(tree, layout)).toEqual({
      id: 0,
      at: { x: 0, y: -LABEL_BELOW },
      text: 'votes: 24 ×2 · 20 ×1 → 24',
      tone: 'good',
    });
    const weighted = reduce([
      ...events.slice(0, 2),
      {
        type: 'done',
        node: 2,
        answer: '20',
        correct: false,
        reason: 'weighted-vote',
        votes: { '20': 1.5, '24': 0.4 },
      },
    ]);
    expect(voteTallyLabel(weighted, layout)?.text).toBe(
      'PRM-weighted vote: 20 1.50 · 24 0.40 → 20',
    );
    expect(voteTallyLabel(reduce(events.slice(0, 2)), layout)).toBeNull();
  });
});
