/**
 * The Wilson score interval (E. B. Wilson, "Probable inference, the law of succession, and
 * statistical inference", JASA 22, 1927) on a share solved: k successes of n trials. Unlike
 * the normal ("Wald") interval it stays inside [0, 1] and is not zero-width at 0 of n or
 * n of n, which is what a point of the lab with a handful of runs needs.
 */

/** The 0.975 quantile of the standard normal: a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

/** A share with its interval, all in [0, 1]. */
export interface ShareInterval {
  share: number;
  lo: number;
  hi: number;
}

/**
 * The Wilson interval of `solved` out of `runs`, at `z` (95 % by default):
 * centre (p + z²/2n) / (1 + z²/n), half-width z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
 * @example wilson(7, 10) // { share: 0.7, lo: 0.3968, hi: 0.8922 } (rounded)
 * @throws RangeError when runs is not a positive integer or solved is not in 0..runs
 */
export function wilson(solved: number, runs: number, z = Z95): ShareInterval {
  if (!Number.isInteger(runs) || runs <= 0) {
    throw new RangeError(`runs must be a positive whole number, not ${runs}`);
  }
  if (!Number.isInteger(solved) || solved < 0 || solved > runs) {
    throw new RangeError(`solved must be a whole number from 0 to ${runs}, not ${solved}`);
  }
  const p = solved / runs;
  const z2 = z * z;
  const denominator = 1 + z2 / runs;
  const centre = (p + z2 / (2 * runs)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / runs + z2 / (4 * runs * runs))) / denominator;
  // At 0 of n (n of n) the bound is exactly 0 (1); clamp the rounding error away.
  return {
    share: p,
    lo: solved === 0 ? 0 : Math.max(0, centre - half),
    hi: solved === runs ? 1 : Math.min(1, centre + half),
  };
}
