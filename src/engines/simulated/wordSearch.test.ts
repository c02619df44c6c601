import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import type { SearchSettings } from '../../core/search';
import { collectEvents, runSearch } from '../../core/search';
import type { WordProblem } from '../../core/tasks/wordProblems';
import { WORD_PROBLEMS, wordProblemTask } from '../../core/tasks/wordProblems';
import type { TraceEvent } from '../../core/tree/events';
import type { SimulatedEngineOptions } from './index';
import { wordProblemsEntry } from '../../core/tasks/wordProblems/entry';
import { createSimulatedEngine } from './index';

const ENGINE: SimulatedEngineOptions = {
  skill: 0.7,
  slipRate: 0.05,
  judge: 'simulated-prm',
  prmNoise: 0.2,
  rolloutK: 2,
};

const SEARCHES: Record<string, SearchSettings> = {
  'mcts-prm': {
    algorithm: 'mcts',
    rule: 'uct',
    c: Math.SQRT2,
    iterations: 10,
    maxDepth: 8,
    childrenPerExpansion: 3,
    valueMode: 'prm',
  },
  'mcts-rollout': {
    algorithm: 'mcts',
    rule: 'puct',
    c: 1.5,
    iterations: 10,
    maxDepth: 8,
    childrenPerExpansion: 2,
    valueMode: 'rollout',
  },
  beam: { algorithm: 'beam', beamWidth: 2, expansionsPerBeam: 3, maxDepth: 8, aggregation: 'min' },
  'best-of-n': {
    algorithm: 'best-of-n',
    n: 4,
    maxDepth: 8,
    pick: 'weighted-vote',
    aggregation: 'geomean',
  },
};

function run(
  problem: WordProblem,
  search: SearchSettings,
  engine: SimulatedEngineOptions,
  seed: number,
): TraceEvent[] {
  const { proposer, judge } = createSimulatedEngine(wordProblemsEntry, engine);
  const ctx = { task: wordProblemTask, problem, proposer, judge, rng: createRng(seed) };
  return collectEvents(runSearch(ctx, search));
}

function solved(events: readonly TraceEvent[]): boolean {
  const done = events.at(-1);
  return done?.type === 'done' && done.correct;
}

/** Problems solved out of the 48, over the given seeds. */
function solveCount(search: SearchSettings, engine: SimulatedEngineOptions, seeds: number[]) {
  let count = 0;
  for (const seed of seeds)
    for (const p of WORD_PROBLEMS) if (solved(run(p, search, engine, seed))) count++;
  return count;
}

describe('searching the word problems with the simulated engine', () => {
  for (const [name, search] of Object.entries(SEARCHES)) {
    for (const judge of ['rule', 'simulated-prm', 'rollout'] as const) {
      it(`${name} with the ${judge} judge runs over all 48 problems, the same per seed`, () => {
        let differs = 0;
        for (const p of WORD_PROBLEMS) {
          const engine = { ...ENGINE, judge };
          const events = run(p, search, engine, 11);
          expect(events[0]?.type).toBe('start');
          expect(events.at(-1)?.type).toBe('done');
          expect(run(p, search, engine, 11)).toEqual(events);
          if (JSON.stringify(run(p, search, engine, 12)) !== JSON.stringify(events)) differs++;
          // Every child is either valid or rejected for its arithmetic (a slip).
          for (const e of events) {
            if (e.type !== 'expand') continue;
            for (const c of e.children) {
              if (!c.valid) expect(c.invalidReason).toMatch(/ is .*, not /);
            }
          }
        }
        expect(differs).toBeGreaterThan(24);
      });
    }
  }

  it('skill 1 without slips solves every problem with any search and judge', () => {
    const sure = { ...ENGINE, skill: 1, slipRate: 0 };
    const small: SearchSettings[] = [
      { ...SEARCHES['mcts-prm'], iterations: 8 } as SearchSettings,
      { algorithm: 'beam', beamWidth: 1, expansionsPerBeam: 1, maxDepth: 8, aggregation: 'last' },
      { algorithm: 'best-of-n', n: 1, maxDepth: 8, pick: 'majority', aggregation: 'min' },
    ];
    for (const search of small) {
      for (const judge of ['rule', 'simulated-prm', 'rollout'] as const) {
        for (const p of WORD_PROBLEMS) {
          expect(solved(run(p, search, { ...sure, judge, prmNoise: 1 }, 3)), p.id).toBe(true);
        }
      }
    }
  });

  it('a line shorter than the reference leaves the problem unsolved (maxDepth 2)', () => {
    const search = { ...SEARCHES['best-of-n'], maxDepth: 2 } as SearchSettings;
    const sure = { ...ENGINE, skill: 1, slipRate: 0 };
    const long = WORD_PROBLEMS.filter((p) => p.steps.length > 2);
    for (const p of long) expect(solved(run(p, search, sure, 1))).toBe(false);
    expect(long.length).toBeGreaterThan(30);
  });

  it('best-of-N with the exact PRM gains with N; majority voting is fooled by recurring wrong answers', () => {
    const exact = { ...ENGINE, prmNoise: 0 };
    const bon = (n: number, pick: 'prm' | 'majority'): SearchSettings => ({
      algorithm: 'best-of-n',
      n,
      maxDepth: 8,
      pick,
      aggregation: 'geomean',
    });
    const seeds = [1, 2, 3];
    const prm = [2, 8, 32].map((n) => solveCount(bon(n, 'prm'), exact, seeds));
    expect(prm[0]).toBeLessThan(prm[1] ?? 0);
    expect(prm[1]).toBeLessThan(prm[2] ?? 0);
    expect(prm[2]).toBeGreaterThanOrEqual(135); // of 144
    const majority = solveCount(bon(32, 'majority'), exact, seeds);
    expect(majority).toBeLessThan((prm[2] ?? 0) - 20);
    // A noisy PRM (0.6) loses much of the exact PRM's gain at N = 32.
    const noisy = solveCount(bon(32, 'prm'), { ...exact, prmNoise: 0.6 }, seeds);
    expect(noisy).toBeLessThan((prm[2] ?? 0) - 20);
  });
});
