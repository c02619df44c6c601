import type { ComputeMetric, CurvePoint, IntervalKind } from '../../../lab/types';
import { wilson } from '../../../lab/wilson';
import { computeText, percent } from '../format';

/**
 * What a plot point means, in words: the screen reader's label of the point (one line) and
 * the tooltip (a few lines that explain accuracy, spread and compute, and say when the point
 * is still partial or counts failed runs).
 */

/** The accessible name of a point. */
export function pointLabel(
  seriesLabel: string,
  point: CurvePoint,
  metric: ComputeMetric,
  xName = `k = ${point.budget}`,
): string {
  const compute =
    metric === 'generated'
      ? `${computeText(point.generated)} tokens per problem`
      : `${computeText(point.calls)} model calls per problem`;
  const spread =
    point.min === point.max ? '' : ` (seeds ${percent(point.min)}–${percent(point.max)})`;
  const failed = point.failed > 0 ? `, ${point.failed} failed` : '';
  return `${seriesLabel}, ${xName}: accuracy ${percent(point.accuracy)}${spread}, ${compute}, ${point.solved} of ${point.runs} runs solved${failed}`;
}

/**
 * The tooltip's lines: accuracy, the runs behind the point, its Wilson interval, the seeds'
 * spread (one of the two is the whisker), compute, and failed or missing runs.
 * @param seeds how many seeds the grid runs (to say when a point is not complete yet)
 * @param interval what the whisker shows
 */
export function pointTooltip(
  point: CurvePoint,
  seeds: number,
  interval: IntervalKind = 'wilson',
): string[] {
  const whisker = (kind: IntervalKind) => (interval === kind ? ', drawn as the whisker' : '');
  const lines = [
    `Accuracy ${percent(point.accuracy)}: the share of problems solved, averaged over seeds (${point.solved} of ${point.runs} runs solved).`,
    `${point.runs} run${point.runs === 1 ? '' : 's'} behind this point.`,
  ];
  if (point.runs > 0) {
    const w = wilson(point.solved, point.runs);
    lines.push(
      `95 % interval (Wilson, on ${point.solved} of ${point.runs}): ${percent(w.lo)} to ${percent(w.hi)}${whisker('wilson')}.`,
    );
  }
  lines.push(
    point.min === point.max
      ? `Spread: every seed gave ${percent(point.min)}.`
      : `Spread across seeds: ${percent(point.min)} to ${percent(point.max)} (standard deviation ${(point.sd * 100).toFixed(1)} points)${whisker('seeds')}.`,
    `Compute: ${computeText(point.generated)} tokens generated and ${computeText(point.calls)} model calls per problem, on average over the runs.`,
  );
  if (point.failed > 0) {
    lines.push(
      `${point.failed} run${point.failed === 1 ? '' : 's'} failed: counted as unsolved, their compute included.`,
    );
  }
  if (point.completeSeeds < seeds) {
    lines.push(
      `Partial: ${point.completeSeeds} of ${seeds} seeds have all their runs; the rest are still to come or were cancelled.`,
    );
  }
  lines.push('Click to list the runs behind this point.');
  return lines;
}
