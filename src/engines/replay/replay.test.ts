import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import type { SearchSettings } from '../../core/search';
import { collectEvents, DEFAULT_SEARCH, runSearch } from '../../core/search';
import type { Problem } from '../../core/tasks/task';
import { game24Task, PUZZLES } from '../../core/tasks/game24';
import type { ScriptedProblem } from '../../core/testing/scripted';
import {
  createSyntheticDomain,
  scriptedJudge,
  scriptedProposer,
  scriptedTask,
} from '../../core/testing/scripted';
import type { TraceEvent } from '../../core/tree/events';
import { game24Entry } from '../../core/tasks/game24/entry';
import { createSimulatedEngine } from '../simulated';
import type { JudgeRequests } from './accountant';
import { ReplayAccountant } from './accountant';
import { replayGame24 } from './game24';
import { TINY_PROMPTS } from './tinyPrompts';
import { arbitrarySearchSettings } from '../../core/testing/arbitraries';
import { PAPER_MCTS_SETTINGS, PAPER_MCTS_TREE } from '../../core/testing/paperTrees';

type Order = 'naive' | 'cache-aware';

/** The events without their costs: the part that must not depend on the order of requests. */
const decided = (events: TraceEvent[]) =>
  JSON.stringify(events, (key, value: unknown) => (key === 'cost' ? undefined : value));

function scripted(
  problem: ScriptedProblem,
  settings: SearchSettings,
  order: Order,
  judge: JudgeRequests,
) {
  const acc = new ReplayAccountant<Problem>({ prompts: TINY_PROMPTS, delimiter: '\n\n', seed: 1 });
  const ctx = {
    task: scriptedTask,
    problem,
    proposer: acc.proposer(scriptedProposer),
    judge: acc.judge(scriptedJudge, judge),
    rng: createRng(1),
    cache: acc.probe,
    schedule: order,
  };
  return { events: collectEvents(runSearch(ctx, settings)), usage: acc.usage() };
}

describe('prefilled tokens on searches worked out by hand', () => {
  // mcts.test.ts's tree: R → A (0.6), B (0.4); A → A1 (0.9), A2 (0.2); B → B1 (0.5), B2 (0.7).
  const paper = PAPER_MCTS_TREE;

  it('MCTS with a self-judge: 302 tokens naive, 227 cache-aware', () => {
    const settings: SearchSettings = PAPER_MCTS_SETTINGS;
    // Turns cost (tinyPrompts.ts): system 6, user 6, next 6, judge 6, 'A'/'B' 5, 'B1' etc. 6.
    // The iterations expand R, B, A; the fourth stops at max depth (mcts.test.ts).
    // Naive:
    //   R: two step requests [sys, user] 12 + 12; judge A, judge B [sys, user, X, judge] 23 + 23
    //      (the cache holds B's conversation, which judging A does not extend)       =  70
    //   B: two step requests [sys, user, B, next] 23 + 23; judge B1, B2 35 + 35      = 116
    //   A: the same shape                                                             = 116
    //   total 302.
    // Cache-aware: after each expansion the cache holds the second child, so judging it first
    //   prefills only the judge turn: R 12 + 12 + 6 + 23 = 53; B 23 + 23 + 6 + 35 = 87; A 87;
    //   total 227 — 17 + 29 + 29 = 75 tokens fewer.
    // Generated: steps A, B (1 token each), A1, A2, B1, B2 (2 each) and 6 judge answers = 16.
    const naive = scripted(paper, settings, 'naive', 'judge-turn');
    const aware = scripted(paper, settings, 'cache-aware', 'judge-turn');
    expect(naive.usage).toEqual({
      requests: 12,
      reused: 0,
      prefilled: 302,
      generated: 16,
      steps: 6,
    });
    expect(aware.usage).toEqual({
      requests: 12,
      reused: 3,
      prefilled: 227,
      generated: 16,
      steps: 6,
    });
    expect(decided(aware.events)).toBe(decided(naive.events));
    // The trace records each request's prefill: the run's total is the accountant's.
    const total = (events: TraceEvent[]) =>
      events.reduce((sum, e) => sum + ('cost' in e ? e.cost.prefilled : 0), 0);
    expect([total(naive.events), total(aware.events)]).toEqual([302, 227]);
  });

  it('beam search with a free judge: 116 tokens naive, 99 cache-aware', () => {
    // beam.test.ts's tree: R → A (0.9), B (0.8); A → A1, A2; B → B1 (24), B2 (7).
    const tree: ScriptedProblem = {
      id: 'beam',
      root: ['A', 'B'],
      steps: {
        A: { children: ['A1', 'A2'], score: 0.9 },
        B: { children: ['B1', 'B2'], score: 0.8 },
        A1: { children: ['z'], score: 0.1 },
        A2: { children: ['z'], score: 0.2 },
        B1: { score: 0.7, end: { answer: '24', correct: true } },
        B2: { score: 0.6, end: { answer: '7', correct: false } },
      },
    };
    const settings: SearchSettings = {
      algorithm: 'beam',
      beamWidth: 2,
      expansionsPerBeam: 2,
      maxDepth: 3,
      aggregation: 'min',
    };
    // Depth 1: [sys, user] twice, 24; the cache then holds B. Depth 2 (beams A, B; depth 3
    // only finds finished lines): naive 23 + 23 for A, 23 + 23 for B = 92, total 116.
    // Cache-aware expands B first: its first request extends B (next turn only, 6), then
    // 23 + 23 + 23 = 75 for the rest, total 99.
    const naive = scripted(tree, settings, 'naive', 'none');
    const aware = scripted(tree, settings, 'cache-aware', 'none');
    expect([naive.usage.prefilled, aware.usage.prefilled]).toEqual([116, 99]);
    expect(decided(aware.events)).toBe(decided(naive.events));
  });
});

describe('beam order with a free judge is greedy', () => {
  it('can cost more than the naive order: 239 against 227 tokens, by hand', () => {
    // R → X (0.9), Y (0.8); X → X1 (0.1), X2 (0.05); Y → Y1 (0.8), Y2 (0.9); 'last' ranks
    // by the last step. Beam width 2, 2 expansions, depth 3, rule-like judge (no requests).
    const tree: ScriptedProblem = {
      id: 'greedy',
      root: ['X', 'Y'],
      steps: {
        X: { children: ['X1', 'X2'], score: 0.9 },
        Y: { children: ['Y1', 'Y2'], score: 0.8 },
        X1: { children: ['a', 'b'], score: 0.1 },
        X2: { children: ['a', 'b'], score: 0.05 },
        Y1: { children: ['a', 'b'], score: 0.8 },
        Y2: { children: ['c', 'd'], score: 0.9 },
        a: {},
        b: {},
        c: {},
        d: {},
      },
    };
    const settings: SearchSettings = {
      algorithm: 'beam',
      beamWidth: 2,
      expansionsPerBeam: 2,
      maxDepth: 3,
      aggregation: 'last',
    };
    // Depth 1: [sys, user] twice = 24; Y is held. Depth 2 (beams X, Y):
    //   naive: X 23 + 23, Y 23 + 23 = 92; Y2 is held.   cache-aware: Y 6 + 23, X 23 + 23 = 75; X2 held.
    // Depth 3 (beams Y2, Y1 — X's children are pruned); a step request below Y2 or Y1 is
    //   [sys, user, Y, next, Y_, next] = 6 + 6 + 5 + 6 + 6 + 6 = 35:
    //   naive: Y2 extends (6) + 35, Y1 35 + 35 = 111;   cache-aware: X2 is no beam, 4 × 35 = 140.
    // Totals: naive 24 + 92 + 111 = 227; cache-aware 24 + 75 + 140 = 239.
    const naive = scripted(tree, settings, 'naive', 'none');
    const aware = scripted(tree, settings, 'cache-aware', 'none');
    expect([naive.usage.prefilled, aware.usage.prefilled]).toEqual([227, 239]);
    expect([naive.usage.reused, aware.usage.reused]).toEqual([1, 1]);
    expect(decided(aware.events)).toBe(decided(naive.events));
  });
});

const anySettings = arbitrarySearchSettings({ iterations: 30, n: 6 });

describe('cache-aware order through the accountant (property)', () => {
  /**
   * Why prefill cannot rise, except for beam order with a free judge: every judge request (and
   * every one-request rollout) leaves no step path held, so a batch of judge calls ends with
   * the same cache in any order, and inside the batch the cache-aware order reuses the cache
   * whenever the naive one does. With a judge that asks the model, every beam depth starts with
   * nothing held, so the beams keep their order. With a free judge a depth may start holding
   * one beam; expanding it first saves its path now but changes which child is generated last,
   * and the naive order may then save a longer path one depth later.
   */
  it('on synthetic trees: the same decisions, and prefilled tokens drop or stay equal', () => {
    fc.assert(
      fc.property(
        anySettings,
        fc.integer(),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom<JudgeRequests>('judge-turn', 'none'),
        fc.constantFrom('one-request' as const, 'step-by-step' as const),
        (settings, seed, branching, depth, judge, rollouts) => {
          const runOnce = (order: Order) => {
            const domain = createSyntheticDomain(branching, depth);
            const acc = new ReplayAccountant<Problem>({
              prompts: TINY_PROMPTS,
              delimiter: '\n\n',
              seed,
              rollouts,
            });
            const ctx = {
              task: domain.task,
              problem: { id: 'p' },
              proposer: acc.proposer(domain.proposer),
              judge: acc.judge(domain.judge, judge),
              rng: createRng(seed),
              cache: acc.probe,
              schedule: order,
            };
            return { events: collectEvents(runSearch(ctx, settings)), usage: acc.usage() };
          };
          const naive = runOnce('naive');
          const aware = runOnce('cache-aware');
          expect(decided(aware.events)).toBe(decided(naive.events));
          expect(aware.usage.requests).toBe(naive.usage.requests);
          // Beam order with a free judge is a greedy choice that can lose (test below).
          if (settings.algorithm !== 'beam' || judge !== 'none') {
            expect(aware.usage.prefilled).toBeLessThanOrEqual(naive.usage.prefilled);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the simulated Game of 24 engine, replayed', () => {
  const configs = (['mcts', 'beam', 'best-of-n'] as const).flatMap((algorithm) =>
    (['self', 'rollout', 'rule'] as const).map((judge) => ({ algorithm, judge })),
  );

  it.each(configs)(
    '$algorithm, $judge judge: same decisions, no more prefill',
    ({ algorithm, judge }) => {
      for (const [i, problem] of PUZZLES.slice(0, 120).entries()) {
        if (i % 12 !== 0) continue;
        const runOnce = (order: Order) => {
          const engine = replayGame24({
            skill: 0.7,
            slipRate: 0.05,
            judge,
            prmNoise: 0.2,
            rolloutK: 2,
            seed: i,
          });
          const ctx = {
            task: game24Task,
            problem,
            proposer: engine.proposer,
            judge: engine.judge,
            rng: createRng(i),
            cache: engine.accountant.probe,
            schedule: order,
          };
          return {
            events: collectEvents(runSearch(ctx, DEFAULT_SEARCH[algorithm])),
            usage: engine.accountant.usage(),
          };
        };
        const naive = runOnce('naive');
        const aware = runOnce('cache-aware');
        expect(decided(aware.events)).toBe(decided(naive.events));
        expect(aware.usage.prefilled).toBeLessThanOrEqual(naive.usage.prefilled);
      }
    },
  );

  it('needs the per-path generators: the plain simulated PRM, reordered, scores differently', () => {
    // The control for the test above: the same cache probe, but the simulated PRM draws from
    // the run's generator in call order, so judging the last child first hands it other draws.
    const problem = PUZZLES[0];
    if (!problem) throw new Error('no puzzles');
    const runOnce = (order: Order) => {
      const plain = createSimulatedEngine(game24Entry, {
        skill: 0.7,
        slipRate: 0.05,
        judge: 'simulated-prm',
        prmNoise: 0.2,
        rolloutK: 2,
      });
      const replay = replayGame24({
        skill: 0.7,
        slipRate: 0.05,
        judge: 'self',
        prmNoise: 0.2,
        rolloutK: 2,
        seed: 1,
      });
      const ctx = {
        task: game24Task,
        problem,
        proposer: replay.proposer,
        judge: plain.judge,
        rng: createRng(1),
        cache: replay.accountant.probe,
        schedule: order,
      };
      return collectEvents(runSearch(ctx, DEFAULT_SEARCH.mcts));
    };
    expect(decided(runOnce('cache-aware'))).not.toBe(decided(runOnce('naive')));
  });
});
