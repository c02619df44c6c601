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
