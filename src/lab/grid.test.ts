import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE, DEFAULT_WEBLLM_ENGINE } from '../run/settings';
import { countRuns, planAllocated, planGrid, validateSpec } from './grid';
import type { CellResult, CellStatus, GridSpec } from './types';

const base: GridSpec = {
  task: 'game24',
  problemIds: ['g24-001', 'g24-002'],
  engine: DEFAULT_ENGINE,
  strategies: ['bon-majority', 'beam-min'],
  budgets: [2, 8],
  seeds: [1, 2],
  experiment: { kind: 'budget' },
};

function result(cellId: string, status: CellStatus, votes?: Record<string, number>): CellResult {
  const r: CellResult = {
    cellId,
    status,
    answer: status === 'solved' ? '24' : null,
    cost: { generated: 10, prefilled: 0, proposerCalls: 2, judgeCalls: 2 },
    events: 5,
    ms: 1,
  };
  if (votes) r.votes = votes;
  return r;
}

describe('planGrid', () => {
  it('lists every run in the order strategy, budget, seed, problem', () => {
    const cells = planGrid(base);
    expect(cells).toHaveLength(16);
    expect(cells.slice(0, 5).map((c) => c.id)).toEqual([
      '-|-|bon-majority|2|1|g24-001|run',
      '-|-|bon-majority|2|1|g24-002|run',
      '-|-|bon-majority|2|2|g24-001|run',
      '-|-|bon-majority|2|2|g24-002|run',
      '-|-|bon-majority|8|1|g24-001|run',
    ]);
    expect(cells[8]?.id).toBe('-|-|beam-min|2|1|g24-001|run');
    expect(cells[15]?.settings).toEqual({
      task: 'game24',
      problemId: 'g24-002',
      search: {
        algorithm: 'beam',
        beamWidth: 2,
        expansionsPerBeam: 4,
        maxDepth: 4,
        aggregation: 'min',
      },
      engine: DEFAULT_ENGINE,
      seed: 2,
    });
    expect(countRuns(base)).toBe(16);
  });

  it('varies the PRM noise, the hint level or the thinking budget per variant', () => {
    const noise = planGrid({ ...base, experiment: { kind: 'prm-noise', noises: [0, 0.6] } });
    expect(noise).toHaveLength(32);
    expect(noise[0]?.id).toBe('0|-|bon-majority|2|1|g24-001|run');
    expect(noise[16]).toMatchObject({ variant: 0.6, settings: { engine: { prmNoise: 0.6 } } });
    const hints = planGrid({ ...base, experiment: { kind: 'step-hints', levels: [0, 2] } });
    expect(hints[0]?.settings).not.toHaveProperty('hintSteps');
    expect(hints[16]).toMatchObject({ variant: 2, settings: { hintSteps: 2 } });
    const forcing: GridSpec = {
      ...base,
      engine: DEFAULT_WEBLLM_ENGINE,
      experiment: { kind: 'budget-forcing', mode: 'extend', thinkingBudgets: [256, 1024] },
    };
    const forced = planGrid(forcing);
    expect(forced).toHaveLength(8);
    expect(forced[4]).toMatchObject({
      id: '1024|-|forcing|1|1|g24-001|run',
      budget: 1,
      forcing: { mode: 'extend', thinkingTokens: 1024 },
      settings: { search: { algorithm: 'best-of-n', n: 1 } },
    });
    expect(countRuns(forcing)).toBe(8);
  });
});

describe('the difficulty preview (two stages)', () => {
  const spec: GridSpec = {
    ...base,
    problemIds: ['g24-001', 'g24-002', 'g24-003', 'g24-004'],
    strategies: ['beam-min'],
    seeds: [1],
    experiment: { kind: 'difficulty-preview' },
  };
  const cells = planGrid(spec);
  const pid = (p: string) => `-|preview|preview|2|1|${p}|preview`;

  it('plans the previews first, then the fixed arm', () => {
    expect(cells.map((c) => c.id)).toEqual([
      pid('g24-001'),
      pid('g24-002'),
      pid('g24-003'),
      pid('g24-004'),
      '-|fixed|beam-min|2|1|g24-001|run',
      '-|fixed|beam-min|2|1|g24-002|run',
      '-|fixed|beam-min|2|1|g24-003|run',
      '-|fixed|beam-min|2|1|g24-004|run',
      '-|fixed|beam-min|8|1|g24-001|run',
      '-|fixed|beam-min|8|1|g24-002|run',
      '-|fixed|beam-min|8|1|g24-003|run',
      '-|fixed|beam-min|8|1|g24-004|run',
    ]);
    expect(cells[0]?.settings.search).toMatchObject({
      algorithm: 'best-of-n',
      n: 2,
      pick: 'majority',
    });
    // 4 previews + 8 fixed + at most one allocated run per problem at k = 8 (none at k = 2).
    expect(countRuns(spec)).toBe(16);
  });

  it('shares the units left by easy problems among the hard ones', () => {
    // Easy: the two samples agree (g24-001 right, g24-004 wrong — agreement is all the
    // preview sees). Hard: g24-002 (samples disagree), g24-003 (no answer).
    const results = new Map<string, CellResult>([
      [pid('g24-001'), result(pid('g24-001'), 'solved', { '24': 2 })],
      [pid('g24-002'), result(pid('g24-002'), 'wrong', { '7': 1, '24': 1 })],
      [pid('g24-003'), result(pid('g24-003'), 'no-answer')],
      [pid('g24-004'), result(pid('g24-004'), 'wrong', { '12': 2 })],
    ]);
    // k = 8: 8·4 − 2·4 = 24 units left, 2 hard problems → 12 each. k = 2: 0 left, none.
    const second = planAllocated(spec, cells, results);
    expect(second.map((c) => c.id)).toEqual([
      '-|preview|beam-min|12|1|g24-002|allocated',
      '-|preview|beam-min|12|1|g24-003|allocated',
    ]);
    expect(second[0]?.settings.search).toMatchObject({ beamWidth: 3, expansionsPerBeam: 4 });
    // Fresh samples: the run's own seed lies 1,000,000 above the grid's; the cell keeps 1.
    expect(second[0]).toMatchObject({ seed: 1, settings: { seed: 1_000_001 } });
    expect(planAllocated(spec, [...cells, ...second], results)).toEqual([]);
    // A preview still missing: that seed gets nothing yet.
    results.delete(pid('g24-003'));
    expect(planAllocated(spec, cells, results)).toEqual([]);
    expect(planAllocated(base, planGrid(base), results)).toEqual([]);
  });
});

describe('grid invariants', () => {
  const specs = fc.record({
    problemIds: fc.uniqueArray(fc.constantFrom('g24-001', 'g24-002', 'g24-003', 'g24-060'), {
      minLength: 1,
    }),
    strategies: fc.uniqueArray(fc.constantFrom('bon-majority', 'beam-min', 'mcts-prm'), {
      minLength: 1,
    }),
    budgets: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }),
    seeds: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 3 }),
    experiment: fc.constantFrom<GridSpec['experiment']>(
      { kind: 'budget' },
      { kind: 'prm-noise', noises: [0, 0.5] },
      { kind: 'step-hints', levels: [0, 1] },
      { kind: 'difficulty-preview' },
    ),
  });
  const statuses: CellStatus[] = ['solved', 'wrong', 'no-answer', 'failed'];

  it('ids are unique, and countRuns bounds both stages whatever the previews say', () => {
    fc.assert(
      fc.property(specs, fc.array(fc.integer({ min: 0, max: 7 })), (partial, draws) => {
        const spec: GridSpec = { ...base, ...partial };
        expect(validateSpec(spec)).toEqual([]);
        const first = planGrid(spec);
        const results = new Map<string, CellResult>();
        first.forEach((c, i) => {
          const d = draws[i % Math.max(1, draws.length)] ?? 0;
          const votes = d % 2 === 0 ? { '24': 2 } : { '24': 1, '7': 1 };
          results.set(c.id, result(c.id, statuses[d % 4] ?? 'wrong', votes));
        });
        const second = planAllocated(spec, first, results);
        const ids = [...first, ...second].map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        if (spec.experiment.kind === 'difficulty-preview') {
          expect(first.length + second.length).toBeLessThanOrEqual(countRuns(spec));
        } else {
          expect(first.length).toBe(countRuns(spec));
          expect(second).toEqual([]);
        }
        expect(planGrid(spec)).toEqual(first);
      }),
      { numRuns: 60 },
    );
  });
});
