import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE } from '../run/settings';
import { aggregateGrid, problemTable, seriesId, seriesLabel, variableCurve } from './aggregate';
import { planAllocated, planGrid } from './grid';
import type { CellResult, CellStatus, CurvePoint, GridSpec } from './types';

function res(
  cellId: string,
  status: CellStatus,
  generated: number,
  calls: number,
  votes?: Record<string, number>,
): CellResult {
  const r: CellResult = {
    cellId,
    status,
    answer: status === 'solved' ? '24' : status === 'wrong' ? '7' : null,
    cost: { generated, prefilled: 1, proposerCalls: calls / 2, judgeCalls: calls / 2 },
    events: 3,
    ms: 0,
  };
  if (votes) r.votes = votes;
  return r;
}

const spec: GridSpec = {
  task: 'game24',
  problemIds: ['g24-001', 'g24-002', 'g24-003'],
  engine: DEFAULT_ENGINE,
  strategies: ['beam-min'],
  budgets: [2, 8],
  seeds: [1, 2],
  experiment: { kind: 'budget' },
};
const id = (k: number, seed: number, p: string) => `-|-|beam-min|${k}|${seed}|g24-00${p}|run`;
const cells = planGrid(spec);
// k = 2: seed 1 solves 1, gets 2 wrong and 3 fails; seed 2 solves 1 and 2, 3 still running.
// k = 8: only seed 1's problem 1 has finished (solved).
const results = new Map(
  [
    res(id(2, 1, '1'), 'solved', 10, 4),
    res(id(2, 1, '2'), 'wrong', 20, 6),
    res(id(2, 1, '3'), 'failed', 6, 2),
    res(id(2, 2, '1'), 'solved', 12, 4),
    res(id(2, 2, '2'), 'solved', 18, 6),
    res(id(8, 1, '1'), 'solved', 40, 10),
  ].map((r) => [r.cellId, r]),
);

describe('aggregateGrid on a hand-worked example', () => {
  it('counts finished runs, failed ones as unsolved, and the spread across seeds', () => {
    const [low, high, ...rest] = aggregateGrid(spec, cells, results);
    expect(rest).toEqual([]);
    // Seed 1: 1 of 3 (the failed run unsolved); seed 2: 2 of 2 finished. Mean 2/3, sd 1/3.
    expect(low).toMatchObject({
      series: { strategy: 'beam-min', variant: null, arm: '' },
      budget: 2,
      min: 1 / 3,
      max: 1,
      runs: 5,
      solved: 3,
      failed: 1,
      completeSeeds: 1,
    });
    expect(low?.accuracy).toBeCloseTo(2 / 3, 12);
    expect(low?.sd).toBeCloseTo(1 / 3, 12);
    // Mean compute per finished run: (10+20+6+12+18)/5 tokens, (4+6+2+4+6)/5 calls.
    expect(low?.generated).toBeCloseTo(13.2, 12);
    expect(low?.calls).toBeCloseTo(4.4, 12);
    expect(low?.cellIds).toEqual([
      id(2, 1, '1'),
      id(2, 1, '2'),
      id(2, 1, '3'),
      id(2, 2, '1'),
      id(2, 2, '2'),
    ]);
    expect(high).toMatchObject({ budget: 8, accuracy: 1, min: 1, max: 1, sd: 0, runs: 1 });
    expect(high?.completeSeeds).toBe(0);
    expect(aggregateGrid(spec, cells, new Map())).toEqual([]);
  });

  it('tabulates each problem per budget, with the first budget that solved it', () => {
    const rows = problemTable(spec, cells, results, {
      strategy: 'beam-min',
      variant: null,
      arm: '',
    });
    expect(rows.map((r) => [r.problemId, r.firstSolvedBudget])).toEqual([
      ['g24-001', 2],
      ['g24-002', 2],
      ['g24-003', null],
    ]);
    expect(rows[0]?.cells).toEqual([
      { budget: 2, solved: 2, runs: 2, failed: 0, cellIds: [id(2, 1, '1'), id(2, 2, '1')] },
      { budget: 8, solved: 1, runs: 1, failed: 0, cellIds: [id(8, 1, '1'), id(8, 2, '1')] },
    ]);
    expect(rows[2]?.cells[0]).toMatchObject({ solved: 0, runs: 1, failed: 1 });
  });
});

describe('the difficulty preview arm, by hand', () => {
  const pspec: GridSpec = {
    ...spec,
    problemIds: ['g24-001', 'g24-002'],
    seeds: [1],
    experiment: { kind: 'difficulty-preview' },
  };
  const pid = (p: string) => `-|preview|preview|2|1|g24-00${p}|preview`;
  const fixed = (k: number, p: string) => `-|fixed|beam-min|${k}|1|g24-00${p}|run`;
  const first = planGrid(pspec);
  const stage1 = new Map(
    [
      res(pid('1'), 'solved', 8, 4, { '24': 2 }), // samples agree: easy
      res(pid('2'), 'wrong', 9, 4, { '7': 1, '24': 1 }), // disagree: hard
      res(fixed(2, '1'), 'solved', 8, 4),
      res(fixed(2, '2'), 'wrong', 9, 4),
      res(fixed(8, '1'), 'solved', 30, 12),
      res(fixed(8, '2'), 'wrong', 35, 12),
    ].map((r) => [r.cellId, r]),
  );
  // k = 8: 8·2 − 2·2 = 12 units left for the one hard problem.
  const second = planAllocated(pspec, first, stage1);
  const alloc = '-|preview|beam-min|12|1|g24-002|allocated';

  it('answers easy problems by the preview and hard ones by the allocated run', () => {
    expect(second.map((c) => c.id)).toEqual([alloc]);
    const all = [...first, ...second];
    const pending = aggregateGrid(pspec, all, stage1);
    const arm = (points: CurvePoint[], k: number) =>
      points.find((p) => p.series.arm === 'preview' && p.budget === k);
    // k = 2 leaves nothing: the hard problem keeps the preview's (wrong) answer.
    expect(arm(pending, 2)).toMatchObject({ accuracy: 0.5, generated: 8.5, calls: 4, runs: 2 });
    // k = 8 before the allocated run finished: only the easy problem counts yet.
    expect(arm(pending, 8)).toMatchObject({ accuracy: 1, runs: 1, completeSeeds: 0 });
    const done = new Map(stage1).set(alloc, res(alloc, 'solved', 100, 30));
    const points = aggregateGrid(pspec, all, done);
    // Easy: preview (8 tokens, 4 calls); hard: preview + run (9 + 100, 4 + 30).
    expect(arm(points, 8)).toMatchObject({
      accuracy: 1,
      generated: 58.5,
      calls: 19,
      runs: 2,
      solved: 2,
      completeSeeds: 1,
      cellIds: [pid('1'), pid('2'), alloc],
    });
    const fixedHigh = points.find((p) => p.series.arm === 'fixed' && p.budget === 8);
    expect(fixedHigh).toMatchObject({ accuracy: 0.5, generated: 32.5, calls: 12 });
    expect(points).toHaveLength(4);
    const rows = problemTable(pspec, all, done, {
      strategy: 'beam-min',
      variant: null,
      arm: 'preview',
    });
    expect(rows[1]).toMatchObject({
      problemId: 'g24-002',
      firstSolvedBudget: 8,
      cells: [
        { budget: 2, solved: 0, runs: 1, cellIds: [pid('2')] },
        { budget: 8, solved: 1, runs: 1, cellIds: [pid('2'), alloc] },
      ],
    });
  });

  it("keeps the preview's answer when the allocated run finds none", () => {
    const all = [...first, ...second];
    const right = new Map(stage1)
      .set(pid('2'), res(pid('2'), 'solved', 9, 4, { '24': 1, '7': 1 }))
      .set(alloc, res(alloc, 'no-answer', 100, 30));
    const point = aggregateGrid(pspec, all, right).find(
      (p) => p.series.arm === 'preview' && p.budget === 8,
    );
    // Both problems end solved (the hard one by its preview), at the cost of the run as well.
    expect(point).toMatchObject({ accuracy: 1, solved: 2, generated: 58.5, calls: 19 });
  });
});

describe('series names and the variable curve', () => {
  it('names a series by its strategy, value and arm', () => {
    const noise: GridSpec = { ...spec, experiment: { kind: 'prm-noise', noises: [0.6] } };
    expect(seriesId({ strategy: 'beam-min', variant: 0.6, arm: '' })).toBe('beam-min|0.6|-');
    expect(seriesLabel({ strategy: 'beam-min', variant: 0.6, arm: '' }, noise)).toBe(
      'Beam search (minimum), PRM noise 0.6',
    );
    const hints: GridSpec = { ...spec, experiment: { kind: 'step-hints', levels: [2] } };
    expect(seriesLabel({ strategy: 'mcts-prm', variant: 2, arm: '' }, hints)).toBe(
      'MCTS, PRM as value, hint j = 2',
    );
    expect(seriesLabel({ strategy: 'bon-majority', variant: null, arm: 'preview' }, spec)).toBe(
      'Best-of-N, majority vote, budget by preview',
    );
    expect(seriesLabel({ strategy: 'x', variant: null, arm: 'fixed' }, spec)).toBe(
      'x, fixed budget',
    );
  });

  it('picks one budget and orders by the variable', () => {
    const noise: GridSpec = { ...spec, experiment: { kind: 'prm-noise', noises: [0.6, 0] } };
    const c = planGrid(noise);
    const r = new Map(
      c.map((cell) => [cell.id, res(cell.id, cell.variant === 0 ? 'solved' : 'wrong', 1, 2)]),
    );
    const curve = variableCurve(aggregateGrid(noise, c, r), 8);
    expect(curve.map((p) => [p.series.variant, p.budget, p.accuracy])).toEqual([
      [0, 8, 1],
      [0.6, 8, 0],
    ]);
    expect(variableCurve(aggregateGrid(spec, cells, results), 2)).toEqual([]);
  });
});

describe('aggregation invariants', () => {
  const statuses: CellStatus[] = ['solved', 'wrong', 'no-answer', 'failed'];
  it('bounds every point and, once all runs finished, counts each exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom(...statuses), { nil: undefined }), {
          minLength: cells.length,
          maxLength: cells.length,
        }),
        (draw) => {
          const r = new Map<string, CellResult>();
          cells.forEach((c, i) => {
            const s = draw[i];
            if (s) r.set(c.id, res(c.id, s, i, 2));
          });
          const points = aggregateGrid(spec, cells, r);
          for (const p of points) {
            expect(p.min).toBeLessThanOrEqual(p.accuracy + 1e-12);
            expect(p.accuracy).toBeLessThanOrEqual(p.max + 1e-12);
            expect(p.solved + p.failed).toBeLessThanOrEqual(p.runs);
            expect(p.cellIds).toHaveLength(p.runs);
            expect(p.completeSeeds).toBeLessThanOrEqual(spec.seeds.length);
          }
          expect(points.reduce((t, p) => t + p.runs, 0)).toBe(r.size);
          expect(points.reduce((t, p) => t + p.failed, 0)).toBe(
            [...r.values()].filter((x) => x.status === 'failed').length,
          );
        },
      ),
    );
  });
});
