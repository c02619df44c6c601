/**
 * Retrying a busy server: 429 (too many requests) and 503 (unavailable, e.g. vLLM's queue is
 * full or a model is still loading) are retried after `Retry-After` when the server sends it
 * (seconds or an HTTP date), else after an exponential backoff. Nothing else is retried.
 */

/** How retries are paced. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** The first backoff, doubled on each retry. */
  baseMs: number;
  /** The longest wait, whatever the server asks. */
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseMs: 500, maxMs: 30_000 };

/** Whether a status is worth retrying. */
export function retryable(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * `Retry-After` in milliseconds, or null when absent or unreadable.
 * @example retryAfterMs('2', 0) // 2000
 * @example retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:58 GMT')) // 2000
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The wait before retry `attempt` (0-based): the server's ask, else the backoff; capped. */
export function backoffMs(policy: RetryPolicy, attempt: number, asked: number | null): number {
  const wait = asked ?? policy.baseMs * 2 ** attempt;
  return Math.min(policy.maxMs, Math.max(0, wait));
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
