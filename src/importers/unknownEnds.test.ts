import { describe, expect, it } from 'vitest';
import { eventMarks } from '../components/timeline/buckets';
import { describeEvent } from '../components/timeline/describe';
import { nodeName, tooltipLines } from '../components/tree/describe';
import { cardLook, nodeLook } from '../components/tree/encodings';
import { hasUnknownEnds, legendItems } from '../components/tree/legend';
import { PALETTES } from '../components/tree/palette';
import type { TraceEvent } from '../core/tree/events';
import { reduce } from '../core/tree/reduce';
import { cardOutcome } from '../layout/card';
import { phaseOverlay } from '../layout/overlay';
import { prmDisagrees } from '../layout/prmTruth';
import { tidyTree } from '../layout/tidyTree';
import { answerSoFar } from '../store/selectors';
import { importRunText } from './index';
import { sampleText } from './samples.testing';

/**
 * OpenR's sample, read end to end: its two `terminated` steps (ids 3 and 4, "The answer is 72."
 * and "… 62.") are ends of lines whose correctness the file does not say. Every view says so
 * and none counts them as solved or wrong.
 */
const result = importRunText(sampleText('openr'), 'openr.json');
if (!result.ok) throw new Error(result.error);
const events = result.file.events;
const tree = reduce(events);
const ends = events.filter(
  (e): e is Extract<TraceEvent, { type: 'terminal' }> => e.type === 'terminal',
);
const light = PALETTES.light;

describe('ends of unknown correctness (OpenR sample)', () => {
  it('the cards write "? answer" in their own colour, not ✓ or ✗', () => {
    expect(cardOutcome(tree.nodes[3]!)).toEqual({ kind: 'unknown', text: '? 72' });
    expect(cardOutcome(tree.nodes[4]!)).toEqual({ kind: 'unknown', text: '? 62' });
    expect(nodeLook(tree.nodes[3]!, false, light).glyph).toBe('?');
    const look = cardLook(tree.nodes[3]!, false, light, false);
    expect(look.outcomeColor).toBe(light.unknown);
    expect([light.solved, light.wrong, light.invalid]).not.toContain(light.unknown);
  });

  it('names and tooltips say "correctness unknown"', () => {
    expect(nodeName(tree.nodes[3]!)).toMatch(/, answer 72, correctness unknown$/);
    expect(tooltipLines(tree.nodes[4]!)).toContain('Ends the line, correctness unknown: 62');
  });

  it('the legend lists the mark only for a tree that has such ends', () => {
    expect(hasUnknownEnds(tree)).toBe(true);
    const labels = (unknown: boolean) => legendItems(light, 'mcts', unknown).map((i) => i.label);
    expect(labels(true)).toContain('correctness unknown');
    expect(labels(false)).not.toContain('correctness unknown');
  });

  it('the timeline marks neither a right nor a wrong answer, and says why', () => {
    expect(ends).toHaveLength(2);
    expect(ends.map((e) => eventMarks(e))).toEqual([0, 0]);
    expect(describeEvent(ends[0]!)).toBe('terminal node 3: 72 (correctness unknown)');
  });

  it('the overlay writes the answer in a plain label, neither good nor bad', () => {
    const overlay = phaseOverlay(ends[0], tidyTree(tree, { dx: 40, dy: 80 }), tree);
    expect(overlay).toMatchObject({
      labels: [{ id: 3, text: '= 72 · correctness unknown', tone: 'plain' }],
    });
  });

  it('the summary shows the best answer so far with no verdict, and the PRM is not judged against it', () => {
    // Node 3 has the higher Q (0.95 against 0.5).
    expect(answerSoFar(tree)).toEqual({ answer: '72', correct: null, node: 3, final: false });
    expect(prmDisagrees(tree.nodes[4]!, false)).toBeNull();
  });
});
