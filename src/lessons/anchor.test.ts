import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../core/tree/events';
import { resolveAnchor } from './anchor';

const cost = { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 0 };

/** Two MCTS iterations: start (0), select (1), expand (2), score (3), simulate (4), backprop (5), select (6), … */
const events: TraceEvent[] = [
  { type: 'start', algorithm: 'mcts', rootText: '4 6 8 8' },
  ...[1, 2].flatMap((iteration): TraceEvent[] => [
    { type: 'select', iteration, rule: 'uct', c: 1, path: [0], levels: [] },
    { type: 'expand', iteration, node: 0, children: [], skipped: 'no-proposals', cost },
    {
      type: 'score',
      node: 0,
      score: 0.5,
      evidence: { judge: 'rule', valid: true, solvable: true },
      cost,
    },
    {
      type: 'simulate',
      iteration,
      from: 0,
      mode: 'prm',
      steps: [],
      answer: null,
      reward: 0.5,
      cost,
    },
    {
      type: 'backprop',
      iteration,
      value: 0.5,
      updates: [{ id: 0, N: iteration, W: 0.5 * iteration }],
    },
  ]),
  { type: 'done', node: null, answer: null, correct: false, reason: 'none' },
];

describe('resolveAnchor', () => {
  it('puts start after the start event and end after the last one', () => {
    expect(resolveAnchor(events, 'start')).toEqual({ ok: true, cursor: 1 });
    expect(resolveAnchor(events, 'end')).toEqual({ ok: true, cursor: 12 });
  });

  it('takes a count of events as it is, and refuses one past the end with the run length', () => {
    expect(resolveAnchor(events, 7)).toEqual({ ok: true, cursor: 7 });
    expect(resolveAnchor(events, 13)).toEqual({
      ok: false,
      error: "event 13 is past the run's end (12 events)",
    });
  });

  it('stands before or after a phase of an iteration; the score event belongs to the expansion', () => {
    const at = (iteration: number, phase: 'select' | 'expand', edge: 'before' | 'after') =>
      resolveAnchor(events, { iteration, phase, edge });
    expect(at(2, 'select', 'before')).toEqual({ ok: true, cursor: 6 });
    expect(at(2, 'select', 'after')).toEqual({ ok: true, cursor: 7 });
    expect(at(1, 'expand', 'after')).toEqual({ ok: true, cursor: 4 });
  });

  it('says which phase is missing', () => {
    expect(resolveAnchor(events, { iteration: 3, phase: 'select', edge: 'after' })).toEqual({
      ok: false,
      error: 'the run has no select phase in iteration 3',
    });
    expect(resolveAnchor(events, { iteration: 1, phase: 'prune', edge: 'after' }).ok).toBe(false);
  });
});
