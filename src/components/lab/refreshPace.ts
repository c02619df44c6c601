/**
 * How often the lab's results redraw while a grid runs: no more than every
 * {@link MIN_REFRESH_MS}, and, when aggregating and drawing the results costs more, slow
 * enough that the page spends at most about a tenth of its time on it (so the page and the
 * grid's own messages stay responsive), up to {@link MAX_REFRESH_MS}.
 */

export const MIN_REFRESH_MS = 400;
export const MAX_REFRESH_MS = 3_000;
/** The refresh may cost this share of the time between refreshes. */
const SHARE = 0.1;

/**
 * The wait before the next refresh, after one that cost `costMs`.
 * @example nextDelay(10) // 400
 * @example nextDelay(80) // 800
 */
export function nextDelay(costMs: number): number {
  return Math.min(MAX_REFRESH_MS, Math.max(MIN_REFRESH_MS, costMs / SHARE));
}
