import type { Cost, ExpandedChild, TraceEvent } from '../../core/tree/events';
import { ZERO_COST } from '../../core/tree/events';

/**
 * Two small hand-made runs of the puzzle 4 7 8 8 for the compare view's tests (not used by
 * the app). Worked out by hand:
 * - left: root → 1 '8 - 4 = 4' → 3 '7 - 4 = 3' → 4 '3 * 8 = 24' (solved, the answer);
 *   root → 2 '8 * 7 = 56'. Compute: 25 generated, 30 prefilled, 3 proposer + 2 judge calls.
 * - right: root → 1 '8  -  4 = 4' (other spacing) → 4 '4 * 7 = 28' → 5 '28 - 8 = 20'
 *   (wrong, the answer); root → 2 '8 * 7 = 56\n'; root → 3 '\t8 - 4 = 4' (a second copy).
 *   Compute: 30 generated, 0 prefilled, 3 proposer + 1 judge calls.
 * Same nodes: left 0 ↔ right 0; left 1 ↔ right 1 and 3; left 2 ↔ right 2; left 3, 4 and
 * right 4, 5 have none.
 */

const cost = (generated: number, proposerCalls: number, judgeCalls = 0, prefilled = 0): Cost => ({
  generated,
  prefilled,
  proposerCalls,
  judgeCalls,
});

/** A valid step. */
export function step(id: number, text: string, tokens = 5): ExpandedChild {
  return { id, text, tokens, logProb: -1, prior: 0.5, valid: true, inTextBacktrack: false };
}

/** An expansion event. */
export function expand(node: number, children: ExpandedChild[], c: Cost = ZERO_COST): TraceEvent {
  return { type: 'expand', iteration: 1, node, children, cost: c };
}

/** A simulated-PRM score event costing one judge call. */
export function score(node: number, value: number): TraceEvent {
  return {
    type: 'score',
    node,
    score: value,
    evidence: { judge: 'simulated-prm', truth: value, noise: 0 },
    cost: cost(0, 0, 1),
  };
}

export const LEFT_EVENTS: TraceEvent[] = [
  { type: 'start', algorithm: 'mcts', rootText: '4 7 8 8' },
  expand(0, [step(1, '8 - 4 = 4'), step(2, '8 * 7 = 56')], cost(12, 1, 0, 30)),
  score(1, 0.9),
  score(2, 0.2),
  expand(1, [step(3, '7 - 4 = 3')], cost(6, 1)),
  expand(3, [step(4, '3 * 8 = 24')], cost(7, 1)),
  { type: 'terminal', node: 4, answer: '(7 - (8 - 4)) * 8', correct: true, kind: 'solved' },
  {
    type: 'backprop',
    iteration: 1,
    value: 1,
    updates: [
      { id: 4, N: 1, W: 1 },
      { id: 3, N: 1, W: 1 },
      { id: 1, N: 1, W: 1 },
      { id: 0, N: 1, W: 1 },
    ],
  },
  {
    type: 'done',
    node: 4,
    answer: '(7 - (8 - 4)) * 8',
    correct: true,
    reason: 'most-visited',
  },
];

export const RIGHT_EVENTS: TraceEvent[] = [
  { type: 'start', algorithm: 'best-of-n', rootText: '4 7 8 8' },
  expand(0, [step(1, '8  -  4 = 4'), step(2, '8 * 7 = 56\n'), step(3, '\t8 - 4 = 4')], cost(20, 1)),
  expand(1, [step(4, '4 * 7 = 28')], cost(5, 1)),
  score(4, 0.3),
  expand(4, [step(5, '28 - 8 = 20')], cost(5, 1)),
  { type: 'terminal', node: 5, answer: '20', correct: false, kind: 'wrong-answer' },
  { type: 'done', node: 5, answer: '20', correct: false, reason: 'best-prm' },
];

/** A run whose second event names a node that does not exist. */
export const CORRUPT_EVENTS: TraceEvent[] = [
  { type: 'start', algorithm: 'mcts', rootText: '4 7 8 8' },
  expand(7, [step(1, 'x')]),
];

/** A root with `n` lines of `depth` steps each (best-of-N's fan), every text distinct. */
export function fanEvents(n: number, depth: number): TraceEvent[] {
  const events: TraceEvent[] = [{ type: 'start', algorithm: 'best-of-n', rootText: 'root' }];
  let next = 1;
  for (let line = 0; line < n; line++) {
    let parent = 0;
    for (let d = 0; d < depth; d++) {
      events.push(expand(parent, [step(next, `line ${line} step ${d}`)]));
      parent = next++;
    }
  }
  return events;
}
