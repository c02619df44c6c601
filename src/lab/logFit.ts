/**
 * The log-compute law, measured: the least-squares line of accuracy against log₂ of the
 * compute a series measured — the Blueprint's (arXiv 2501.11223) "performance ∝
 * log(compute)" and MetaStone-S1's (arXiv 2507.01951) scaling observation, checked on the
 * user's own grid. The slope reads as "points of accuracy per doubling of compute".
 *
 * The fit is ordinary least squares over the runs (each run a 0/1 outcome at its point's
 * log₂ compute — a linear probability model), which is the fit over the points weighted by
 * the runs behind each. Its interval is the usual t interval on the slope with N − 2 degrees
 * of freedom. It counts runs as independent; the same problems recur at every budget, so
 * read it as the uncertainty of a line through these points, not of a law.
 */

/** One point of a series: mean compute per run (> 0), accuracy in [0, 1], runs behind it. */
export interface FitPoint {
  x: number;
  y: number;
  n: number;
}

/** A fitted line y = intercept + slope · log₂ x, with a 95 % interval on the slope. */
export interface LogFit {
  /** Accuracy gained per doubling of compute (a share: 0.05 = 5 points). */
  slope: number;
  intercept: number;
  /** The 95 % interval on the slope. */
  slopeLo: number;
  slopeHi: number;
  /** Points (budgets) and runs behind the fit. */
  points: number;
  runs: number;
  /** The compute range the fit covers (its line is drawn over this range only). */
  xMin: number;
  xMax: number;
}

/** The fewest points (budgets) a fit needs: through two points any line fits exactly. */
export const MIN_FIT_POINTS = 3;

/** Student's t 0.975 quantiles for 1–30 degrees of freedom. */
const T975 = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788,
  2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639,
  2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
];

/**
 * Student's t 0.975 quantile at `df` degrees of freedom: the table up to 30, beyond it the
 * Cornish–Fisher expansion z + (z³ + z)/4df + (5z⁵ + 16z³ + 3z)/96df² (within 10⁻⁴ there).
 */
export function t975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`df must be ≥ 1, not ${df}`);
  const tabled = T975[df - 1];
  if (tabled !== undefined) return tabled;
  const z = 1.959963984540054;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/**
 * The least-squares fit of accuracy against log₂ compute, or null when it cannot be made:
 * fewer than {@link MIN_FIT_POINTS} points with compute > 0, all at one compute, or no more
 * than two runs. Points with compute ≤ 0 or no runs are left out.
 * @example logComputeFit([{ x: 2, y: 0.2, n: 10 }, { x: 4, y: 0.5, n: 10 }, { x: 8, y: 0.6, n: 10 }])
 * // slope 0.2 (20 points per doubling), intercept 1/30, slope interval ±0.2218
 */
export function logComputeFit(points: readonly FitPoint[]): LogFit | null {
  const usable = points.filter((p) => p.x > 0 && Number.isFinite(p.x) && p.n > 0);
  if (usable.length < MIN_FIT_POINTS) return null;
  const runs = usable.reduce((s, p) => s + p.n, 0);
  if (runs <= 2) return null;
  const u = usable.map((p) => Math.log2(p.x));
  const uMean = usable.reduce((s, p, i) => s + p.n * (u[i] ?? 0), 0) / runs;
  const yMean = usable.reduce((s, p) => s + p.n * p.y, 0) / runs;
  let sxx = 0;
  let sxy = 0;
  usable.forEach((p, i) => {
    const du = (u[i] ?? 0) - uMean;
    sxx += p.n * du * du;
    sxy += p.n * du * (p.y - yMean);
  });
  if (sxx <= 1e-12) return null;
  const slope = sxy / sxx;
  const intercept = yMean - slope * uMean;
  // Residuals of the 0/1 runs: within a point, n·y(1−y) around its share; plus the share's
  // distance from the line.
  let rss = 0;
  usable.forEach((p, i) => {
    const fitted = intercept + slope * (u[i] ?? 0);
    rss += p.n * p.y * (1 - p.y) + p.n * (p.y - fitted) ** 2;
  });
  const df = runs - 2;
  const half = t975(df) * Math.sqrt(rss / df / sxx);
  const xs = usable.map((p) => p.x);
  return {
    slope,
    intercept,
    slopeLo: slope - half,
    slopeHi: slope + half,
    points: usable.length,
    runs,
    xMin: Math.min(...xs),
    xMax: Math.max(...xs),
  };
}

/** The fitted accuracy at compute `x` (> 0). */
export function fitAt(fit: LogFit, x: number): number {
  return fit.intercept + fit.slope * Math.log2(x);
}
