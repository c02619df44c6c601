import type { ComputeMetric, GridCell } from '../../lab/types';

/**
 * How the effort lab writes its numbers: accuracy as a percentage, compute with its unit,
 * durations in minutes and seconds, a run as one line. Pure, so the plot, its tooltip, the
 * table and the exported files say the same thing.
 */

/** Accuracy in [0, 1] as a whole percentage. @example percent(0.625) // "63%" */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The x-axis title of a metric. */
export const METRIC_AXIS: Record<ComputeMetric, string> = {
  generated: 'Tokens generated per problem (log scale)',
  calls: 'Model calls per problem (log scale)',
};

/**
 * A compute amount, rounded for reading: whole numbers from 10 up, one decimal below.
 * @example computeText(1234.4) // "1,234"
 */
export function computeText(value: number): string {
  const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return rounded.toLocaleString('en-US');
}

/**
 * A duration for the progress line.
 * @example duration(75_000) // "1 min 15 s"
 */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** A run of the grid in one line: problem, strategy, budget, seed, and the variable. */
export function runLabel(cell: GridCell, strategyName: string, variableName?: string): string {
  const parts = [cell.problemId, strategyName, `k = ${cell.budget}`, `seed ${cell.seed}`];
  if (cell.variant !== null) parts.push(`${variableName ?? 'variable'} ${cell.variant}`);
  if (cell.role !== 'run') parts.push(cell.role);
  return parts.join(' · ');
}
