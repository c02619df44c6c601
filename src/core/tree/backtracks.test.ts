import { describe, expect, it } from 'vitest';
import { setbackReason } from './backtracks';
import { CheckpointedTrace } from './checkpoints';
import type { BackpropEvent, ExpandedChild, TraceEvent } from './events';
import { ZERO_COST } from './events';
import { reduce } from './reduce';

/**
 * A run worked by hand. R has children A (1) and B (2); B has B1 (3) and B2 (4); A has A1 (5),
 * a wrong answer, and A2 (6).
 *
 *   it 1: R → A valued 0.8.              Q(A) 0.8
 *   it 2: R → B, B1 valued 0.6.          Q(B) 0.6   (R was the last leaf: no change of line)
 *   it 3: R → A, leaving B: a change of line, but B's last value 0.6 is not bad.
 *         A1 is a wrong answer: value 0. Q(A) (0.8 + 0) / 2 = 0.4, below Q(B) 0.6.
 *   it 4: R → B → B2, leaving A: a setback. A led (0.8 ≥ 0.6) before the 0, trails after it.
 */
function kid(id: number, text: string): ExpandedChild {
  return { id, text, tokens: 1, logProb: -1, prior: 0.5, valid: true, inTextBacktrack: false };
}
const select = (iteration: number, path: number[]): TraceEvent => ({
  type: 'select',
  iteration,
  rule: 'uct',
  c: 1,
  path,
  levels: [],
});
const expand = (iteration: number, node: number, children: ExpandedChild[]): TraceEvent => ({
  type: 'expand',
  iteration,
  node,
  children,
  cost: ZERO_COST,
});
const simulate = (iteration: number, from: number, reward: number): TraceEvent => ({
  type: 'simulate',
  iteration,
  from,
  mode: 'prm',
  steps: [],
  answer: null,
  reward,
  cost: ZERO_COST,
});
const backprop = (
  iteration: number,
  value: number,
  updates: BackpropEvent['updates'],
): TraceEvent => ({ type: 'backprop', iteration, value, updates });

function run(bValue = 0.6): TraceEvent[] {
  return [
    { type: 'start', algorithm: 'mcts', rootText: 'R' },
    select(1, [0]),
    expand(1, 0, [kid(1, 'A'), kid(2, 'B')]),
    simulate(1, 1, 0.8),
    backprop(1, 0.8, [
      { id: 1, N: 1, W: 0.8 },
      { id: 0, N: 1, W: 0.8 },
    ]),
    select(2, [0, 2]),
    expand(2, 2, [kid(3, 'B1'), kid(4, 'B2')]),
    simulate(2, 3, bValue),
    backprop(2, bValue, [
      { id: 3, N: 1, W: bValue },
      { id: 2, N: 1, W: bValue },
      { id: 0, N: 2, W: 0.8 + bValue },
    ]),
    select(3, [0, 1]),
    { type: 'backtrack', iteration: 3, at: 0, abandoned: 2 },
    expand(3, 1, [kid(5, 'A1'), kid(6, 'A2')]),
    { type: 'terminal', node: 5, answer: '23', correct: false, kind: 'wrong-answer' },
    simulate(3, 5, 0),
    backprop(3, 0, [
      { id: 5, N: 1, W: 0 },
      { id: 1, N: 2, W: 0.8 },
      { id: 0, N: 3, W: 0.8 + bValue },
    ]),
    select(4, [0, 2, 4]),
    { type: 'backtrack', iteration: 4, at: 0, abandoned: 1 },
  ];
}

describe('setbacks: backtracks after a line went badly', () => {
  it('marks the run worked by hand at iteration 4 only, with the reason', () => {
    const events = run();
    expect(CheckpointedTrace.from(events).setbacks).toEqual([events.length - 1]);
    const before = reduce(events, events.length - 1);
    expect(setbackReason(before, events.at(-1) as never)).toEqual({
      kind: 'went-badly',
      branch: 1,
      valued: 5,
      outcome: { answer: '23', correct: false, kind: 'wrong-answer' },
      value: 0,
      qBefore: 0.8,
      qAfter: 0.4,
      rival: 2,
      rivalQ: 0.6,
    });
    const tree = reduce(events);
    expect(tree.lineChangeCount).toBe(2);
    expect(tree.backtrackCount).toBe(1);
    expect(tree.nodes[0]?.backtracks).toBe(1);
  });

  it('is not a setback when the abandoned line did not lead before the bad value', () => {
    // B valued 0.9 leads A (0.8) already: leaving A after its 0 is no setback.
    const events = run(0.9);
    expect(CheckpointedTrace.from(events).setbacks).toEqual([]);
    expect(reduce(events).backtrackCount).toBe(0);
  });

  it('is not a setback when the line still leads after the bad value', () => {
    // B valued 0.3: A's Q 0.4 after its 0 still beats B's 0.3.
    const events = run(0.3);
    expect(reduce(events).backtrackCount).toBe(0);
    expect(reduce(events).lineChangeCount).toBe(2);
  });

  it('counts every beam whose children were all pruned', () => {
    const events: TraceEvent[] = [
      { type: 'start', algorithm: 'beam', rootText: 'R' },
      expand(1, 0, [kid(1, 'A')]),
      { type: 'backtrack', iteration: 1, at: 0, abandoned: 0 },
    ];
    expect(CheckpointedTrace.from(events).setbacks).toEqual([2]);
  });
});
