/**
 * The unit the lab counts: one problem, one seed, one point of a series. Usually that is one
 * run; in the difficulty preview's preview arm it is the preview plus, for a hard problem,
 * the run its allocated budget paid for (`preview.ts`). Shared by the curve and the table.
 */
import type { Cost } from '../core/tree/events';
import { ZERO_COST, addCost } from '../core/tree/events';
import { allocatedBudget, cellId, previewCellId, seedPreview } from './preview';
import type { CellResult, CellStatus, GridCell, GridSpec, SeriesKey } from './types';

/** One problem × seed of a series at a budget: its outcome once finished. */
export interface Unit {
  problemId: string;
  seed: number;
  /** The outcome, or null while a run it needs has not finished. */
  status: CellStatus | null;
  cost: Cost;
  /** The runs behind it (finished or not). */
  cellIds: string[];
}

/** A series key from a cell. */
export function keyOf(cell: Pick<GridCell, 'strategy' | 'variant' | 'arm'>): SeriesKey {
  return { strategy: cell.strategy, variant: cell.variant, arm: cell.arm };
}

/**
 * A series' stable id: `strategy|variant|arm`, '-' for none.
 * @example seriesId({ strategy: 'beam-min', variant: 0.6, arm: '' }) // 'beam-min|0.6|-'
 */
export function seriesId(key: SeriesKey): string {
  return `${key.strategy}|${key.variant ?? '-'}|${key.arm || '-'}`;
}

/** The series of a grid's cells with their budgets, in first-appearance order. */
export function seriesOf(cells: readonly GridCell[]): { key: SeriesKey; budgets: number[] }[] {
  const out = new Map<string, { key: SeriesKey; budgets: number[] }>();
  for (const cell of cells) {
    if (cell.role !== 'run') continue;
    const id = seriesId(keyOf(cell));
    const entry = out.get(id) ?? { key: keyOf(cell), budgets: [] };
    if (!entry.budgets.includes(cell.budget)) entry.budgets.push(cell.budget);
    out.set(id, entry);
  }
  return [...out.values()];
}

function fromRun(cell: GridCell, result: CellResult | undefined): Unit {
  return {
    problemId: cell.problemId,
    seed: cell.seed,
    status: result?.status ?? null,
    cost: result?.cost ?? ZERO_COST,
    cellIds: [cell.id],
  };
}

/** The preview arm's units at budget k (easy: the preview; hard: preview + allocated run). */
function previewUnits(
  spec: GridSpec,
  strategy: string,
  k: number,
  results: ReadonlyMap<string, CellResult>,
): Unit[] {
  const units: Unit[] = [];
  for (const seed of spec.seeds) {
    const seen = seedPreview(spec, results, seed);
    const budget = allocatedBudget(k, spec.problemIds.length, seen.hard.length);
    for (const problemId of spec.problemIds) {
      const previewId = previewCellId(problemId, seed);
      const preview = results.get(previewId);
      const unit: Unit = { problemId, seed, status: null, cost: ZERO_COST, cellIds: [previewId] };
      units.push(unit);
      if (!preview) continue;
      unit.cost = preview.cost;
      if (seen.easy.has(problemId) || (seen.complete && budget === null)) {
        unit.status = preview.status;
        continue;
      }
      if (!seen.complete || budget === null) continue;
      const id = cellId({
        variant: null,
        arm: 'preview',
        strategy,
        budget,
        seed,
        problemId,
        role: 'allocated',
      });
      unit.cellIds.push(id);
      const run = results.get(id);
      if (run) {
        // A run that found no answer leaves the preview's answer standing: the preview was
        // already paid for, and a real system would not throw its answer away.
        unit.status = run.status === 'no-answer' ? preview.status : run.status;
        unit.cost = addCost(preview.cost, run.cost);
      }
    }
  }
  return units;
}

/**
 * Every unit of a series at a budget, finished or not, in seed then problem order.
 * @param cells the grid's cells (first stage and any second)
 */
export function unitsOf(
  spec: GridSpec,
  cells: readonly GridCell[],
  results: ReadonlyMap<string, CellResult>,
  key: SeriesKey,
  budget: number,
): Unit[] {
  if (key.arm === 'preview' && spec.experiment.kind === 'difficulty-preview') {
    return previewUnits(spec, key.strategy, budget, results);
  }
  const id = seriesId(key);
  return cells
    .filter((c) => c.role === 'run' && c.budget === budget && seriesId(keyOf(c)) === id)
    .map((c) => fromRun(c, results.get(c.id)));
}
