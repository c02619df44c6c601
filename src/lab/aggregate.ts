/**
 * A grid's results as a curve: accuracy against measured compute per strategy, with the
 * spread across seeds — the view behind the Blueprint's (arXiv 2501.11223) accuracy growing
 * with log compute and MetaStone-S1's (arXiv 2507.01951) low / medium / high points.
 * Partial results count as far as they go: only finished runs count, a failed run counts as
 * unsolved and in `failed` (never dropped), and a point appears once one of its runs has
 * finished.
 */
import { getStrategy } from './strategies';
import type { Unit } from './units';
import { seriesId, seriesOf, unitsOf } from './units';
import type { CellResult, CurvePoint, GridCell, GridSpec, SeriesKey } from './types';

export { seriesId } from './units';

function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/**
 * A series' name as a legend shows it: the strategy, the experiment's value, the arm.
 * @example seriesLabel({ strategy: 'beam-min', variant: 0.6, arm: '' }, prmNoiseSpec)
 * // 'Beam search (minimum), PRM noise 0.6'
 */
export function seriesLabel(key: SeriesKey, spec: GridSpec): string {
  const parts = [getStrategy(key.strategy)?.label ?? key.strategy];
  if (key.variant !== null) {
    const e = spec.experiment.kind;
    if (e === 'prm-noise') parts.push(`PRM noise ${fmt(key.variant)}`);
    else if (e === 'step-hints') parts.push(`hint j = ${fmt(key.variant)}`);
    else if (e === 'budget-forcing') parts.push(`${fmt(key.variant)} thinking tokens`);
    else parts.push(fmt(key.variant));
  }
  if (key.arm === 'fixed') parts.push('fixed budget');
  if (key.arm === 'preview') parts.push('budget by preview');
  return parts.join(', ');
}

/** The series a grid plots, with the budgets of each (the preview arm included). */
function gridSeries(spec: GridSpec, cells: readonly GridCell[]) {
  const series = seriesOf(cells);
  if (spec.experiment.kind === 'difficulty-preview') {
    for (const strategy of spec.strategies) {
      series.push({ key: { strategy, variant: null, arm: 'preview' }, budgets: [...spec.budgets] });
    }
  }
  return series;
}

/** Mean and population standard deviation (0 for one value). */
function meanSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance) };
}

/** The point of one series at one budget, or null while none of its runs has finished. */
function pointOf(key: SeriesKey, budget: number, units: readonly Unit[]): CurvePoint | null {
  const done = units.filter((u) => u.status !== null);
  if (done.length === 0) return null;
  const bySeed = new Map<number, { done: number; solved: number; all: number }>();
  for (const u of units) {
    const s = bySeed.get(u.seed) ?? { done: 0, solved: 0, all: 0 };
    s.all += 1;
    if (u.status !== null) s.done += 1;
    if (u.status === 'solved') s.solved += 1;
    bySeed.set(u.seed, s);
  }
  const perSeed = [...bySeed.values()].filter((s) => s.done > 0).map((s) => s.solved / s.done);
  const { mean, sd } = meanSd(perSeed);
  const sum = (f: (u: Unit) => number) => done.reduce((t, u) => t + f(u), 0);
  return {
    series: { ...key },
    budget,
    accuracy: mean,
    min: Math.min(...perSeed),
    max: Math.max(...perSeed),
    sd,
    generated: sum((u) => u.cost.generated) / done.length,
    calls: sum((u) => u.cost.proposerCalls + u.cost.judgeCalls) / done.length,
    runs: done.length,
    solved: done.filter((u) => u.status === 'solved').length,
    failed: done.filter((u) => u.status === 'failed').length,
    completeSeeds: [...bySeed.values()].filter((s) => s.done === s.all).length,
    cellIds: done.flatMap((u) => u.cellIds),
  };
}

/**
 * The plot's points: per series and budget, accuracy (mean over seeds of solved / finished,
 * failed runs unsolved), its min, max and standard deviation across seeds, and the mean
 * compute per problem. The difficulty preview's preview arm counts an easy problem by its
 * preview (result and cost) and a hard one by its allocated run plus the preview's cost.
 * @param results finished runs by cell id; missing ones are still running or never ran
 */
export function aggregateGrid(
  spec: GridSpec,
  cells: readonly GridCell[],
  results: ReadonlyMap<string, CellResult>,
): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (const { key, budgets } of gridSeries(spec, cells)) {
    for (const budget of [...budgets].sort((a, b) => a - b)) {
      const point = pointOf(key, budget, unitsOf(spec, cells, results, key, budget));
      if (point) points.push(point);
    }
  }
  return points;
}

/** One problem's row of the per-problem table for one series. */
export interface ProblemRow {
  problemId: string;
  /** Per budget of the spec: seeds solved of the finished runs, failed runs, the runs. */
  cells: { budget: number; solved: number; runs: number; failed: number; cellIds: string[] }[];
  /** The smallest budget at which some seed solved it, or null. */
  firstSolvedBudget: number | null;
}

/**
 * The per-problem table of one series: which budgets solved each problem, over the seeds.
 * `runs` counts finished runs; `cellIds` lists every run behind the cell, finished or not.
 */
export function problemTable(
  spec: GridSpec,
  cells: readonly GridCell[],
  results: ReadonlyMap<string, CellResult>,
  series: SeriesKey,
): ProblemRow[] {
  const budgets =
    gridSeries(spec, cells).find((s) => seriesId(s.key) === seriesId(series))?.budgets ?? [];
  const sorted = [...budgets].sort((a, b) => a - b);
  const byBudget = sorted.map((b) => ({
    budget: b,
    units: unitsOf(spec, cells, results, series, b),
  }));
  return spec.problemIds.map((problemId) => {
    const row: ProblemRow = { problemId, cells: [], firstSolvedBudget: null };
    for (const { budget, units } of byBudget) {
      const mine = units.filter((u) => u.problemId === problemId);
      const done = mine.filter((u) => u.status !== null);
      const solved = done.filter((u) => u.status === 'solved').length;
      row.cells.push({
        budget,
        solved,
        runs: done.length,
        failed: done.filter((u) => u.status === 'failed').length,
        cellIds: mine.flatMap((u) => u.cellIds),
      });
      if (solved > 0 && row.firstSolvedBudget === null) row.firstSolvedBudget = budget;
    }
    return row;
  });
}

/**
 * For experiments with a variable: the points at one budget, ordered by strategy, arm and
 * the variable, to plot accuracy against the variable (PRM noise, hint level j, thinking
 * budget). Budget forcing's points (one sample, budget 1) are included at any budget.
 */
export function variableCurve(points: readonly CurvePoint[], budget: number): CurvePoint[] {
  return points
    .filter(
      (p) => p.series.variant !== null && (p.budget === budget || p.series.strategy === 'forcing'),
    )
    .sort(
      (a, b) =>
        a.series.strategy.localeCompare(b.series.strategy) ||
        a.series.arm.localeCompare(b.series.arm) ||
        (a.series.variant ?? 0) - (b.series.variant ?? 0),
    );
}
