import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import type { ScriptedProblem } from '../testing/scripted';
import { scriptedJudge, scriptedProposer, scriptedTask } from '../testing/scripted';
import type { BackpropEvent, SelectEvent, TraceEvent } from '../tree/events';
import { reduce } from '../tree/reduce';
import { mcts } from './mcts';
import { collectEvents } from './program';
import type { MctsSettings } from './settings';
import { PAPER_MCTS_SETTINGS, PAPER_MCTS_TREE } from '../testing/paperTrees';

/**
 * The tree worked out on paper (c = 1, UCT, PRM-as-value, two children per expansion,
 * max depth 2):
 *
 *            R
 *       A (0.6)     B (0.4)
 *   A1 (0.9) A2 (0.2)   B1 (0.5) B2 (0.7)
 */
const problem = PAPER_MCTS_TREE;

const settings: MctsSettings = PAPER_MCTS_SETTINGS;

function collect(s: MctsSettings, p = problem, task = scriptedTask): TraceEvent[] {
  const ctx = {
    task,
    problem: p,
    proposer: scriptedProposer,
    judge: scriptedJudge,
    rng: createRng(1),
  };
  return collectEvents(mcts(ctx, s));
}

const ofType = <T extends TraceEvent['type']>(events: TraceEvent[], type: T) =>
  events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);

// Node ids: R 0, A 1, B 2, B1 3, B2 4, A1 5, A2 6 (ids are given in order of creation).
const [R, A, B, B1, B2, A1] = [0, 1, 2, 3, 4, 5];

describe('MCTS on a tree worked out by hand', () => {
  it('yields select, expand, simulate, backprop in order each iteration', () => {
    const phases = collect(settings).filter((e) =>
      ['select', 'expand', 'simulate', 'backprop'].includes(e.type),
    );
    expect(phases.map((e) => e.type)).toEqual(
      Array.from({ length: 4 }, () => ['select', 'expand', 'simulate', 'backprop']).flat(),
    );
  });

  it('matches N, W, Q and every UCB value after each of the first four iterations', () => {
    const events = collect(settings);
    const selects = ofType(events, 'select');
    const backprops = ofType(events, 'backprop');
    const level = (s: SelectEvent | undefined, i: number) => s?.levels[i];

    // Iteration 1: the root has no children; expand R into A, B; simulate A (first
    // unvisited) with its PRM 0.6. A: N 1, W 0.6; R: N 1, W 0.6.
    expect(selects[0]?.path).toEqual([R]);
    expect(selects[0]?.levels).toEqual([]);
    expect(backprops[0]?.updates).toEqual([
      { id: A, N: 1, W: 0.6 },
      { id: R, N: 1, W: 0.6 },
    ]);

    // Iteration 2: at R (N 1): A = 0.6 + 1·sqrt(ln 1 / 1) = 0.6; B unvisited = +∞ → B.
    const l2 = level(selects[1], 0);
    expect(l2?.parentN).toBe(1);
    expect(l2?.candidates[0]).toMatchObject({
      id: A,
      N: 1,
      W: 0.6,
      Q: 0.6,
      exploit: 0.6,
      explore: 0,
      total: 0.6,
    });
    expect(l2?.candidates[1]).toMatchObject({ id: B, N: 0, explore: null, total: null });
    expect(l2).toMatchObject({ winner: B, decidedBy: 'unvisited' });
    expect(selects[1]?.path).toEqual([R, B]);
    // B expands into B1, B2; B1 is simulated with 0.5.
    expect(backprops[1]?.updates).toEqual([
      { id: B1, N: 1, W: 0.5 },
      { id: B, N: 1, W: 0.5 },
      { id: R, N: 2, W: 1.1 },
    ]);

    // Iteration 3: at R (N 2): sqrt(ln 2) = 0.832555; A = 0.6 + 0.832555 = 1.432555;
    // Q(B) = 0.5 (its child B1's value, not its own PRM 0.4), B = 1.332555 → A, which also
    // has the larger Q.
    const l3 = level(selects[2], 0);
    expect(l3?.candidates[0]?.explore).toBeCloseTo(0.832555, 6);
    expect(l3?.candidates[0]?.total).toBeCloseTo(1.432555, 6);
    expect(l3?.candidates[1]?.Q).toBeCloseTo(0.5, 12);
    expect(l3?.candidates[1]?.total).toBeCloseTo(1.332555, 6);
    expect(l3).toMatchObject({ winner: A, decidedBy: 'exploit' });
    // A expands into A1, A2; A1 is simulated with 0.9: A N 2 W 1.5, R N 3 W 2.0.
    expect(backprops[2]?.updates).toEqual([
      { id: A1, N: 1, W: 0.9 },
      { id: A, N: 2, W: 1.5 },
      { id: R, N: 3, W: expect.closeTo(2.0, 12) as number },
    ]);

    // Iteration 4: at R (N 3): A = 0.75 + sqrt(ln 3 / 2) = 0.75 + 0.741152 = 1.491152;
    // B = 0.5 + sqrt(ln 3 / 1) = 0.5 + 1.048147 = 1.548147 → B, by exploration.
    const l4 = level(selects[3], 0);
    expect(l4?.candidates[0]?.Q).toBeCloseTo(0.75, 12);
    expect(l4?.candidates[0]?.explore).toBeCloseTo(0.741152, 6);
    expect(l4?.candidates[0]?.total).toBeCloseTo(1.491152, 6);
    expect(l4?.candidates[1]?.explore).toBeCloseTo(1.048147, 6);
    expect(l4?.candidates[1]?.total).toBeCloseTo(1.548147, 6);
    expect(l4).toMatchObject({ winner: B, decidedBy: 'explore' });
    // At B (N 1): B1 = 0.5 + 0 = 0.5; B2 unvisited → B2. B2 sits at max depth 2: it is
    // not expanded and backs up its PRM 0.7. B N 2 W 1.2; R N 4 W 2.7.
    const l4b = level(selects[3], 1);
    expect(l4b?.candidates[0]).toMatchObject({ id: B1, total: 0.5 });
    expect(l4b).toMatchObject({ winner: B2, decidedBy: 'unvisited' });
    expect(selects[3]?.path).toEqual([R, B, B2]);
    expect(backprops[3]?.updates).toEqual([
      { id: B2, N: 1, W: 0.7 },
      { id: B, N: 2, W: expect.closeTo(1.2, 12) as number },
      { id: R, N: 4, W: expect.closeTo(2.7, 12) as number },
    ]);

    const tree = reduce(events);
    expect(tree.nodes[R]).toMatchObject({ N: 4 });
    expect(tree.nodes[A]).toMatchObject({ N: 2, W: 1.5 });
  });

  it('marks backtracking points where the path leaves the line the last iteration grew', () => {
    const events = collect(settings);
    // Iteration 3 leaves B (grown in iteration 2) for A; iteration 4 leaves A for B. Both at R.
    expect(ofType(events, 'backtrack')).toEqual([
      { type: 'backtrack', iteration: 3, at: R, abandoned: B },
      { type: 'backtrack', iteration: 4, at: R, abandoned: A },
    ]);
    // Neither is a setback (core/tree/backtracks.ts): the values left behind, B's 0.5 and A1's
    // 0.9, are not below 0.5. Both count as changes of line.
    expect(reduce(events).nodes[R]?.backtracks).toBe(0);
    expect(reduce(events).lineChangeCount).toBe(2);
  });

  it('skips expansion at max depth and says why', () => {
    const events = collect(settings);
    const last = ofType(events, 'expand')[3];
    expect(last).toMatchObject({ node: B2, skipped: 'max-depth', children: [] });
  });

  it('does not expand a terminal node again and backs up its known reward', () => {
    const p: ScriptedProblem = {
      id: 'ends',
      root: ['W', 'L'],
      steps: {
        W: { end: { answer: '24', correct: true }, score: 0.3 },
        L: { end: { answer: '7', correct: false }, score: 0.9 },
      },
    };
    const events = collect({ ...settings, iterations: 5, valueMode: 'rollout' }, p);
    const expands = ofType(events, 'expand');
    expect(expands[0]?.children.map((c) => c.text)).toEqual(['W', 'L']);
    expect(expands.slice(1).every((e) => e.skipped === 'terminal' && e.children.length === 0)).toBe(
      true,
    );
    const sims = ofType(events, 'simulate');
    // The solved line always backs up 1 and the wrong one 0 (its PRM 0.9 is not used).
    for (const s of sims) expect(s).toMatchObject({ mode: 'known', reward: s.from === 1 ? 1 : 0 });
    const tree = reduce(events);
    expect(tree.nodes[0]?.N).toBe(5);
    expect(tree.nodes[1]?.W).toBe(tree.nodes[1]?.N);
    expect(tree.done).toMatchObject({ answer: '24', correct: true, reason: 'most-visited' });
  });

  it('values a rollout whose answer it may not check by the judge score of its last step', () => {
    // R → A → A1 → A1x (ends, answer 7); the answer is hidden from the search, as in word
    // problems, so the rollout's reward is the judge's 0.8 for A1x, at one more judge call.
    const p: ScriptedProblem = {
      id: 'hidden',
      root: ['A'],
      steps: {
        A: { children: ['A1'], score: 0.5 },
        A1: { children: ['A1x'], score: 0.6 },
        A1x: { end: { answer: '7', correct: true }, score: 0.8 },
      },
    };
    const rollout: MctsSettings = { ...settings, iterations: 1, maxDepth: 3, valueMode: 'rollout' };
    const hidden = collect(rollout, p, { ...scriptedTask, selfVerifying: false });
    expect(ofType(hidden, 'simulate')[0]).toMatchObject({
      mode: 'rollout',
      from: 1,
      steps: ['A1', 'A1x'],
      answer: '7',
      reward: 0.8,
      cost: { proposerCalls: 1, judgeCalls: 1, generated: 2 },
    });
    // Where the answer checks itself, the rollout is worth its grade and nobody is asked.
    expect(ofType(collect(rollout, p), 'simulate')[0]).toMatchObject({
      reward: 1,
      cost: { proposerCalls: 1, judgeCalls: 0, generated: 2 },
    });
  });

  it('backprop lists every node on the path with its new N and W', () => {
    const events = collect(settings);
    const selects = ofType(events, 'select');
    ofType(events, 'backprop').forEach((b: BackpropEvent, i) => {
      const ids = b.updates.map((u) => u.id).reverse();
      expect(ids.slice(0, selects[i]?.path.length)).toEqual(selects[i]?.path);
    });
  });
});

describe('PUCT by hand', () => {
  it('uses Q + c·P·sqrt(N(parent))/(1 + N) with priors from step probabilities', () => {
    // Priors: softmax of log-probabilities per token (1 token each): e^-1 : e^-2 → 0.731, 0.269.
    const p: ScriptedProblem = {
      ...problem,
      steps: {
        ...problem.steps,
        A: { ...problem.steps.A, logProb: -2 },
        B: { ...problem.steps.B, logProb: -1 },
      },
    };
    const events = collect({ ...settings, rule: 'puct', iterations: 2 }, p);
    const [expand] = ofType(events, 'expand');
    expect(expand?.children[0]?.prior).toBeCloseTo(1 / (1 + Math.E), 9); // A: 0.268941
    expect(expand?.children[1]?.prior).toBeCloseTo(Math.E / (1 + Math.E), 9); // B: 0.731059
    // Iteration 1 simulates B (the larger prior wins among unvisited): R N 1, W 0.4.
    expect(ofType(events, 'simulate')[0]).toMatchObject({ from: B, reward: 0.4 });
    // Iteration 2 at R (N 1): A = 0 + 1·0.268941·1/1 = 0.268941; B = 0.4 + 0.731059/2 = 0.765529.
    const level = ofType(events, 'select')[1]?.levels[0];
    expect(level?.candidates[0]?.total).toBeCloseTo(0.268941, 6);
    expect(level?.candidates[1]?.explore).toBeCloseTo(0.365529, 6);
    expect(level?.candidates[1]?.total).toBeCloseTo(0.765529, 6);
    expect(level).toMatchObject({ winner: B, decidedBy: 'exploit' });
  });
});
