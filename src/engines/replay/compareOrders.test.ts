import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import type { SearchSettings } from '../../core/search';
import { collectEvents, DEFAULT_SEARCH, runSearch } from '../../core/search';
import type { Game24Problem } from '../../core/tasks/game24';
import { game24Task, getPuzzle } from '../../core/tasks/game24';
import type { Problem } from '../../core/tasks/task';
import type { ScriptedProblem } from '../../core/testing/scripted';
import { scriptedJudge, scriptedProposer, scriptedTask } from '../../core/testing/scripted';
import type { TraceEvent } from '../../core/tree/events';
import { game24Entry } from '../../core/tasks/game24/entry';
import { createSimulatedPrm, createSimulatedProposer } from '../simulated';
import { GAME24_PROMPTS } from '../webllm/conversation';
import type { ReplaySetup } from './compareOrders';
import { compareOrders, lastWholeUnit } from './compareOrders';
import { asSelfJudge, recordedPrefill, recordThroughAccountant } from './testing/recorded';
import { TINY_PROMPTS } from './tinyPrompts';
import { PAPER_MCTS_SETTINGS, PAPER_MCTS_TREE } from '../../core/testing/paperTrees';

describe('the saving on a search worked out by hand', () => {
  // replay.test.ts's MCTS example: R → A (0.6), B (0.4); A → A1 (0.9), A2 (0.2); B → B1 (0.5),
  // B2 (0.7); 4 iterations, self-judge requests. By hand there: 302 tokens naive, 227
  // cache-aware (after each expansion the cache holds the second child; judging it first
  // prefills only the judge turn: 17 + 29 + 29 = 75 tokens fewer).
  const paper = PAPER_MCTS_TREE;
  const search: SearchSettings = PAPER_MCTS_SETTINGS;
  const setup: ReplaySetup<readonly string[], ScriptedProblem> = {
    task: scriptedTask,
    problem: paper,
    search,
    prompts: TINY_PROMPTS as ReplaySetup<readonly string[], Problem>['prompts'],
    delimiter: '\n\n',
    seed: 1,
    judge: 'judge-turn',
  };
  // The run as the scripted engine recorded it: costs are the engine's, not a model's.
  const events = collectEvents(
    runSearch(
      {
        task: scriptedTask,
        problem: paper,
        proposer: scriptedProposer,
        judge: scriptedJudge,
        rng: createRng(1),
      },
      search,
    ),
  );

  it('naive 302, cache-aware 227: saved 75', () => {
    expect(compareOrders(setup, events)).toEqual({
      naive: 302,
      cacheAware: 227,
      saved: 75,
      answers: 'recorded',
    });
  });

  it('with a judge that sends no request there is nothing to reorder: 99 each', () => {
    // Only the step requests are left, one proposal per iteration (MCTS reorders only judge
    // calls). R: [sys, user] twice = 24, leaving B held; B: its first request extends
    // [sys, user, B] (the next turn only, 6), its second is [sys, user, B, next] = 23; A:
    // 23 + 23. Total 24 + 29 + 46 = 99 in both orders.
    expect(compareOrders({ ...setup, judge: 'none' }, events)).toEqual({
      naive: 99,
      cacheAware: 99,
      saved: 0,
      answers: 'recorded',
    });
  });

  it('refuses a run of another algorithm', () => {
    expect(compareOrders({ ...setup, search: DEFAULT_SEARCH.beam }, events)).toMatchObject({
      unavailable: expect.stringMatching(/searched with mcts/),
    });
  });
});

describe('a stopped run', () => {
  const puzzle = getPuzzle('g24-001') as Game24Problem;
  const search = { ...DEFAULT_SEARCH.mcts, iterations: 12 };
  const live = recordThroughAccountant({
    task: game24Task,
    problem: puzzle,
    prompts: GAME24_PROMPTS,
    proposer: createSimulatedProposer(game24Entry, { skill: 0.7, slipRate: 0.05 }),
    judge: asSelfJudge(createSimulatedPrm(game24Entry.task, game24Entry.simulated, 0.2)),
    judgeRequests: 'judge-turn',
    search,
    seed: 1,
    order: 'cache-aware',
  });
  const setup: ReplaySetup<unknown, Game24Problem> = {
    task: game24Task as ReplaySetup<unknown, Game24Problem>['task'],
    problem: puzzle,
    search,
    prompts: GAME24_PROMPTS,
    delimiter: '\n\n',
    seed: 1,
    judge: 'judge-turn',
  };
  const compare = (events: readonly TraceEvent[]) => compareOrders(setup, events);

  it('stopped at the end of an iteration: both orders over the whole prefix', () => {
    const ends = live.events.flatMap((e, i) => (e.type === 'backprop' ? [i + 1] : []));
    expect(ends.length).toBe(12);
    for (const end of ends) {
      const prefix = live.events.slice(0, end);
      const r = compare(prefix);
      if ('unavailable' in r) throw new Error(r.unavailable);
      // The cache-aware replay is the run itself, so far.
      expect(r.cacheAware).toBe(recordedPrefill(prefix));
      expect(r.saved).toBeGreaterThanOrEqual(0);
    }
  });

  it('stopped anywhere: always a number, never more than the whole run', () => {
    const whole = compare(live.events);
    if ('unavailable' in whole) throw new Error(whole.unavailable);
    for (let end = 1; end < live.events.length; end++) {
      const r = compare(live.events.slice(0, end));
      if ('unavailable' in r) throw new Error(`cut at ${end}: ${r.unavailable}`);
      expect(r.cacheAware).toBeLessThanOrEqual(whole.cacheAware);
      expect(r.naive).toBeLessThanOrEqual(whole.naive);
    }
  });

  it('stopped between the scores of one expansion: counted to the last whole iteration', () => {
    // The cache-aware order judged the held (last) child first; the trace, in child order,
    // stops after the first child's score. The naive replay would ask that score first and
    // the cache-aware one a score not recorded: they would not do the same work.
    const firstEnd = live.events.findIndex((e) => e.type === 'backprop');
    const i = live.events.findIndex(
      (e, k) => k > firstEnd && e.type === 'score' && live.events[k + 1]?.type === 'score',
    );
    expect(i).toBeGreaterThan(0);
    const cut = live.events.slice(0, i + 1);
    const whole = lastWholeUnit(cut);
    expect(whole).toBeLessThan(cut.length);
    expect(cut[whole - 1]?.type).toBe('backprop');
    const r = compare(cut);
    expect(r).toEqual(compare(cut.slice(0, whole)));
    // What the run spent past the last whole iteration is left out.
    expect(r).toMatchObject({ cacheAware: recordedPrefill(cut.slice(0, whole)) });
    expect(recordedPrefill(cut)).toBeGreaterThan(recordedPrefill(cut.slice(0, whole)));
  });

  it('a tampered stopped run is still refused before its last whole iteration', () => {
    const cut = live.events.slice(0, lastWholeUnit(live.events.slice(0, -3)) + 4);
    const i = cut.findIndex((e) => e.type === 'simulate');
    const tampered = cut.map((e, k) =>
      k === i && e.type === 'simulate' ? { ...e, reward: e.reward + 0.5 } : e,
    );
    expect(compare(tampered)).toMatchObject({ unavailable: expect.stringMatching(/differs/) });
  });
});

describe('lastWholeUnit', () => {
  const ev = (e: Partial<TraceEvent> & { type: TraceEvent['type'] }) => e as TraceEvent;
  const start = (algorithm: 'mcts' | 'beam' | 'best-of-n') =>
    ev({ type: 'start', algorithm, rootText: 'r' });

  it('ends after the last backprop (MCTS), prune (beam), before the last sample (best-of-N)', () => {
    const mcts = [start('mcts'), ev({ type: 'select' }), ev({ type: 'backprop' })];
    expect(lastWholeUnit([...mcts, ev({ type: 'select' })])).toBe(3);
    const beam = [start('beam'), ev({ type: 'expand', node: 0 }), ev({ type: 'prune' })];
    expect(lastWholeUnit([...beam, ev({ type: 'expand', node: 1 })])).toBe(3);
    const bon = [start('best-of-n'), ev({ type: 'expand', node: 0 }), ev({ type: 'score' })];
    expect(lastWholeUnit([...bon, ev({ type: 'expand', node: 0 }), ev({ type: 'score' })])).toBe(3);
  });

  it('is 1 (the start) with no whole unit, 0 without a start', () => {
    expect(lastWholeUnit([start('mcts'), ev({ type: 'select' })])).toBe(1);
    expect(lastWholeUnit([ev({ type: 'select' })])).toBe(0);
    expect(lastWholeUnit([])).toBe(0);
  });
});
