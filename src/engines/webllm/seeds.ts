/**
 * Per-request seeds that depend on what is asked, not on when: the run seed, the kind of
 * request, the path and the sample's index among the samples drawn for that path and kind. So
 * reordering requests for different nodes changes no seed, and an engine whose context is the
 * request alone (the simulated engine, the replay accountant) gives every reply unchanged.
 * web-llm does not quite: a request that continues its KV cache is read without the last
 * reply's final token and end-of-turn separator, where a fresh prefill has both (kvCache.ts),
 * so on web-llm the cache-aware order may change a reply. The naive order is one setting away.
 */

/**
 * FNV-1a (32-bit) over the UTF-16 code units of `text`: a small, stable string hash.
 * @example fnv1a('') // 2166136261
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** What a request is for, as part of its seed. */
export type RequestKind = 'step' | 'judge' | 'rollout';

/**
 * The seed of one request: a hash of the run seed, the kind, every step of the path and the
 * sample index, as a non-negative 31-bit integer.
 */
export function requestSeed(
  runSeed: number,
  kind: RequestKind,
  steps: readonly string[],
  index: number,
): number {
  const key = [String(runSeed), kind, String(steps.length), ...steps, String(index)].join('\u0000');
  return fnv1a(key) & 0x7fffffff;
}

/**
 * Counts the samples drawn per (kind, path), so asking the same node again (best-of-N from
 * the root, a second rollout of a leaf) draws new samples, while the n-th sample of a path is
 * the same whatever was asked of other paths in between.
 */
export class SampleCounter {
  private readonly counts = new Map<string, number>();

  /** Reserves `count` sample indices for this path and kind; returns the first. */
  take(kind: RequestKind, steps: readonly string[], count = 1): number {
    const key = [kind, String(steps.length), ...steps].join('\u0000');
    const first = this.counts.get(key) ?? 0;
    this.counts.set(key, first + count);
    return first;
  }
}
