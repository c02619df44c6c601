import type { LogFit } from '../../../lab/logFit';
import { logComputeFit } from '../../../lab/logFit';
import type { ComputeMetric } from '../../../lab/types';
import type { PlotDatum, PlotPanelData } from './plotFrame';

/**
 * The log-compute law in words and per line: each line's least-squares fit of accuracy
 * against log₂ compute (`lab/logFit.ts`), and the sentence that states it —
 * "+6.1 points per doubling of tokens (95 % interval +1.0 to +11.2; 3 budgets, 72 runs)".
 */

/** The fit of every line of the panels that has one (at least three budgets), by line id. */
export function lineFits<D extends PlotDatum>(
  panels: readonly PlotPanelData<D>[],
): Map<string, LogFit> {
  const fits = new Map<string, LogFit>();
  for (const line of panels.flatMap((p) => p.lines)) {
    const fit = logComputeFit(line.data.map((d) => ({ x: d.x, y: d.y, n: d.n ?? 1 })));
    if (fit) fits.set(line.id, fit);
  }
  return fits;
}

/** Points of accuracy with a sign and one decimal. @example signedPoints(0.0614) // "+6.1" */
export function signedPoints(share: number): string {
  const v = Math.round(share * 1000) / 10;
  if (v === 0) return '0.0';
  return `${v > 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}`;
}

const UNIT: Record<ComputeMetric, string> = { generated: 'tokens', calls: 'model calls' };

/**
 * A fit as a sentence.
 * @example fitSentence({ slope: 0.2, slopeLo: -0.0218, slopeHi: 0.4218, points: 3, runs: 30, … }, 'generated')
 * // "+20.0 points per doubling of tokens (95 % interval −2.2 to +42.2; 3 budgets, 30 runs)"
 */
export function fitSentence(fit: LogFit, metric: ComputeMetric): string {
  return `${signedPoints(fit.slope)} points per doubling of ${UNIT[metric]} (95 % interval ${signedPoints(fit.slopeLo)} to ${signedPoints(fit.slopeHi)}; ${fit.points} budgets, ${fit.runs} runs)`;
}
