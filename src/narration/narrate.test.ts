import { describe, expect, it } from 'vitest';
import { DEFAULT_BEAM, DEFAULT_BEST_OF_N, DEFAULT_MCTS } from '../core/search/settings';
import type { TraceEvent } from '../core/tree/events';
import { emptyTree } from '../core/tree/tree';
import { NOTHING_YET, narrate } from './narrate';
import { ROOT_TEXT, cand, child, cost, narrateLast, rootExpanded, start } from './testRuns';

/** Narration of start, select, expand, simulate, backprop and backtrack events. */

const MCTS = { search: DEFAULT_MCTS };
const BEAM = { search: DEFAULT_BEAM };
const BON = { search: DEFAULT_BEST_OF_N };

/** Root expanded, then iteration 1's simulate + backprop through node 1 (value 0.5). */
function afterIteration1(): TraceEvent[] {
  return [
    ...rootExpanded(),
    {
      type: 'simulate',
      iteration: 1,
      from: 1,
      mode: 'prm',
      steps: [],
      answer: null,
      reward: 0.5,
      cost: cost(),
    },
    {
      type: 'backprop',
      iteration: 1,
      value: 0.5,
      updates: [
        { id: 1, N: 1, W: 0.5 },
        { id: 0, N: 1, W: 0.5 },
      ],
    },
  ];
}

describe('narrate: no event', () => {
  it('says nothing has happened yet', () => {
    expect(narrate(null, emptyTree(), emptyTree())).toBe(NOTHING_YET);
  });
});

describe('narrate: start', () => {
  it('names the algorithm, its settings and the problem', () => {
    expect(narrateLast([start()], MCTS)).toBe(
      `Start: Monte Carlo Tree Search (UCT, c = 1.41, 30 iterations, PRM score as value) on the problem '${ROOT_TEXT}'. Each iteration has four phases: select a path by the rule, expand its leaf, simulate a value, back it up to the root.`,
    );
    expect(narrateLast([start('beam')])).toBe(
      `Start: step-level beam search on the problem '${ROOT_TEXT}'. At each depth every beam is expanded, the PRM scores each new step, and the best-scored lines are kept.`,
    );
    expect(narrateLast([start('best-of-n')], BON)).toBe(
      `Start: best-of-N (N = 8, pick by best geometric-mean score) on the problem '${ROOT_TEXT}'. The model writes complete samples from the root, the PRM scores each step, and one answer is picked.`,
    );
  });
});

describe('narrate: select', () => {
  it('says when the root has no children yet', () => {
    const events: TraceEvent[] = [
      start(),
      { type: 'select', iteration: 1, rule: 'uct', c: Math.SQRT2, path: [0], levels: [] },
    ];
    expect(narrateLast(events)).toBe(
      'Iteration 1 — selection: the root has no children yet, so the path is just the root.',
    );
  });

  it('says an unvisited child wins with UCB +∞', () => {
    const events: TraceEvent[] = [
      ...afterIteration1(),
      {
        type: 'select',
        iteration: 2,
        rule: 'uct',
        c: Math.SQRT2,
        path: [0, 2],
        levels: [
          {
            parent: 0,
            parentN: 1,
            winner: 2,
            decidedBy: 'unvisited',
            candidates: [cand(1, 1, 0.5, 0), cand(2, 0, 0, null), cand(3, 0, 0, null)],
          },
        ],
      },
    ];
    expect(narrateLast(events)).toBe(
      "Iteration 2 — selection at depth 1: child '8 * 3 = 24 (left: 3 8 24)' wins because it is unvisited (UCB +∞, the first of 2 unvisited children). The path ends at '8 * 3 = 24 (left: 3 8 24)' (1 step deep).",
    );
  });

  it('splits the winner’s UCB into its terms and says which term decided', () => {
    const events: TraceEvent[] = [
      ...afterIteration1(),
      {
        type: 'select',
        iteration: 5,
        rule: 'uct',
        c: Math.SQRT2,
        path: [0, 2],
        levels: [
          {
            parent: 0,
            parentN: 4,
            winner: 2,
            decidedBy: 'explore',
            candidates: [cand(1, 3, 2.1, 0.96), cand(2, 1, 0.67, 1.665)],
          },
        ],
      },
    ];
    expect(narrateLast(events)).toBe(
      "Iteration 5 — selection at depth 1: child '8 * 3 = 24 (left: 3 8 24)' wins with UCB 2.33 = 0.67 exploit + 1.67 explore (explore decided: by Q alone '8 / 3 = 8/3 (left: 3 8 8/3)' would win, 0.70 vs 0.67). The path ends at '8 * 3 = 24 (left: 3 8 24)' (1 step deep).",
    );
    const exploit = {
      ...events[events.length - 1],
      iteration: 6,
      levels: [
        {
          parent: 0,
          parentN: 4,
          winner: 1,
          decidedBy: 'exploit',
          candidates: [cand(1, 3, 2.1, 0.96), cand(2, 1, 0.3, 1.665)],
        },
      ],
      path: [0, 1],
    } as TraceEvent;
    expect(narrateLast([...events.slice(0, -1), exploit])).toBe(
      "Iteration 6 — selection at depth 1: child '8 / 3 = 8/3 (left: 3 8 8/3)' wins with UCB 1.66 = 0.70 exploit + 0.96 explore (exploit decided: it also has the best Q). The path ends at '8 / 3 = 8/3 (left: 3 8 8/3)' (1 step deep).",
    );
  });
});

describe('narrate: expand', () => {
  it('lists the new children, the invalid ones with why', () => {
    expect(narrateLast(rootExpanded())).toBe(
      "Iteration 1 — expansion of the root: the proposer gave 3 children: '8 / 3 = 8/3 (left: 3 8 8/3)', '8 * 3 = 24 (left: 3 8 24)' and '3 * 3 = 10 (left: 8 8 10)' (36 tokens generated). 1 is invalid: '3 * 3 = 10 (left: 8 8 10)' (3 * 3 is 9, not 10).",
    );
  });

  it('flags in-text backtracking', () => {
    const events: TraceEvent[] = [
      start(),
      {
        type: 'expand',
        iteration: 1,
        node: 0,
        children: [child(1, 'Wait, 8 / 3 is not whole; 8 * 3 = 24', { inTextBacktrack: true })],
        cost: cost(12),
      },
    ];
    expect(narrateLast(events)).toBe(
      "Iteration 1 — expansion of the root: the proposer gave 1 child: 'Wait, 8 / 3 is not whole; 8 * 3 = 24' (12 tokens generated). 1 corrects itself in its text (in-text backtracking): 'Wait, 8 / 3 is not whole; 8 * 3…'.",
    );
  });

  it('says why an expansion was skipped', () => {
    const base = rootExpanded();
    const skip = (
      skipped: 'terminal' | 'max-depth' | 'no-proposals',
      node: number,
      extra: TraceEvent[] = [],
    ) =>
      narrateLast([
        ...base,
        ...extra,
        { type: 'expand', iteration: 2, node, children: [], skipped, cost: cost() },
      ]);
    expect(
      skip('terminal', 3, [
        { type: 'terminal', node: 3, answer: '', correct: false, kind: 'invalid-step' },
      ]),
    ).toBe(
      "Iteration 2 — expansion skipped: '3 * 3 = 10 (left: 8 8 10)' already ends a line (an invalid step), so it gets no children.",
    );
    expect(skip('max-depth', 1)).toBe(
      "Iteration 2 — expansion skipped: '8 / 3 = 8/3 (left: 3 8 8/3)' is at depth 1, the depth limit, so it gets no children.",
    );
    expect(skip('no-proposals', 1)).toBe(
      "Iteration 2 — expansion skipped: the proposer gave no new steps for '8 / 3 = 8/3 (left: 3 8 8/3)'.",
    );
  });

  it('speaks of beams in beam search and of samples in best-of-N', () => {
    expect(narrateLast(rootExpanded('beam'), BEAM)).toBe(
      "Depth 1 — expanding the beam at the root: the proposer gave 3 candidate steps: '8 / 3 = 8/3 (left: 3 8 8/3)', '8 * 3 = 24 (left: 3 8 24)' and '3 * 3 = 10 (left: 8 8 10)' (36 tokens generated). 1 is invalid: '3 * 3 = 10 (left: 8 8 10)' (3 * 3 is 9, not 10).",
    );
    const sample: TraceEvent[] = [
      start('best-of-n'),
      {
        type: 'expand',
        iteration: 1,
        node: 0,
        children: [child(1, '8 / 3 = 8/3 (left: 3 8 8/3)')],
        cost: cost(30),
      },
      {
        type: 'expand',
        iteration: 1,
        node: 1,
        children: [child(2, '3 * 8/3 = 8 (left: 8 8)')],
        cost: cost(),
      },
    ];
    expect(narrateLast(sample, BON)).toBe(
      "Sample 1 of 8, step 2: the model writes '3 * 8/3 = 8 (left: 8 8)' (10 tokens).",
    );
  });
});

describe('narrate: simulate', () => {
  const simulated = (
    e: Partial<Extract<TraceEvent, { type: 'simulate' }>>,
    extra: TraceEvent[] = [],
  ) =>
    narrateLast([
      ...rootExpanded(),
      { type: 'select', iteration: 2, rule: 'uct', c: Math.SQRT2, path: [0], levels: [] },
      ...extra,
      {
        type: 'simulate',
        iteration: 2,
        from: 1,
        mode: 'prm',
        steps: [],
        answer: null,
        reward: 0,
        cost: cost(),
        ...e,
      },
    ]);

  it('tells a rollout: steps, answer, reward', () => {
    expect(
      simulated({
        mode: 'rollout',
        steps: ['3 * 8/3 = 8 (left: 8 8)', '8 + 8 = 16 (left: 16)'],
        answer: '16',
        reward: 0,
      }),
    ).toBe(
      "Iteration 2 — simulation from the new child '8 / 3 = 8/3 (left: 3 8 8/3)' (the one the rule picks first): a rollout of 2 steps ('3 * 8/3 = 8 (left: 8 8)' → '8 + 8 = 16 (left: 16)') reaches the answer 16: reward 0.",
    );
  });

  it('tells the PRM value', () => {
    expect(
      simulated({ mode: 'prm', reward: 0.7 }, [
        {
          type: 'score',
          node: 1,
          score: 0.7,
          evidence: { judge: 'rule', valid: true, solvable: true },
          cost: cost(),
        },
      ]),
    ).toBe(
      "Iteration 2 — simulation from the new child '8 / 3 = 8/3 (left: 3 8 8/3)' (the one the rule picks first): no rollout in PRM-value mode; its PRM score 0.70 is the value.",
    );
  });

  it('tells the known reward of a node that ends a line', () => {
    expect(
      simulated({ mode: 'known', from: 2, answer: '24', reward: 1 }, [
        { type: 'terminal', node: 2, answer: '24', correct: true, kind: 'solved' },
      ]),
    ).toBe(
      "Iteration 2 — simulation from the new child '8 * 3 = 24 (left: 3 8 24)' (the one the rule picks first): it already ends a line (solved, answer 24), so its known reward 1 is the value; no rollout needed.",
    );
  });
});

describe('narrate: backprop', () => {
  it('gives the value and the new N and Q along the path, root last', () => {
    expect(narrateLast(afterIteration1())).toBe(
      "Iteration 1 — backpropagation of value 0.50 up the path: '8 / 3 = 8/3 (left: 3 8 8/3)' now N 1, Q 0.50; the root N 1, Q 0.50.",
    );
  });
});

describe('narrate: backtrack', () => {
  it('says a change of line after a fair value is no backtrack', () => {
    const events: TraceEvent[] = [
      ...afterIteration1(),
      { type: 'backtrack', iteration: 2, at: 0, abandoned: 1 },
    ];
    expect(narrateLast(events)).toBe(
      "Iteration 2 — change of line at the root: this selection leaves the line grown last iteration (leaf '8 / 3 = 8/3 (left: 3 8 8/3)') to explore another branch; its last result was not bad (value 0.50), so this is not a backtrack (change of line 1).",
    );
  });

  it('says which line went badly, how, and where the search went back to', () => {
    // Node 1 led with Q 0.9 (N 1); node 2 had 0.6; then node 1's new child 4, a wrong
    // answer, backed up 0: Q(1) = 0.9 / 2 = 0.45 < 0.6.
    const events: TraceEvent[] = [
      ...rootExpanded(),
      {
        type: 'backprop',
        iteration: 1,
        value: 0.9,
        updates: [
          { id: 1, N: 1, W: 0.9 },
          { id: 0, N: 1, W: 0.9 },
        ],
      },
      {
        type: 'backprop',
        iteration: 2,
        value: 0.6,
        updates: [
          { id: 2, N: 1, W: 0.6 },
          { id: 0, N: 2, W: 1.5 },
        ],
      },
      {
        type: 'expand',
        iteration: 3,
        node: 1,
        children: [child(4, '8 * 3 = 23 (left: 23)')],
        cost: cost(),
      },
      { type: 'terminal', node: 4, answer: '23', correct: false, kind: 'wrong-answer' },
      {
        type: 'backprop',
        iteration: 3,
        value: 0,
        updates: [
          { id: 4, N: 1, W: 0 },
          { id: 1, N: 2, W: 0.9 },
          { id: 0, N: 3, W: 1.5 },
        ],
      },
      { type: 'backtrack', iteration: 4, at: 0, abandoned: 1 },
    ];
    expect(narrateLast(events)).toBe(
      "Iteration 4 — backtrack to the root: the line under '8 / 3 = 8/3 (left: 3 8 8/3)' went badly — '8 * 3 = 23 (left: 23)' ended in a wrong answer (23), and the value 0 lowered its Q from 0.90 to 0.45, below '8 * 3 = 24 (left: 3 8 24)' (Q 0.60); so the search went back to the root (the run's 1st backtrack).",
    );
  });

  it('says which beam lost every child', () => {
    const events: TraceEvent[] = [
      ...rootExpanded('beam'),
      { type: 'backtrack', iteration: 2, at: 1, abandoned: 1 },
    ];
    expect(narrateLast(events, BEAM)).toBe(
      "Depth 2 — backtrack at '8 / 3 = 8/3 (left: 3 8 8/3)': every child of it was pruned, so the search abandons this line (the run's 1st backtrack).",
    );
  });
});
