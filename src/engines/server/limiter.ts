/**
 * The concurrency limit on requests to one server: at most `limit` in flight, the rest queued
 * in the order they asked (first come, first served, so the order requests start in follows
 * the order the search made them). It also keeps when each request was in flight, for the
 * "requests in flight over time" of the benchmark and the UI.
 */

/** When one request was in flight (ms on the clock given). */
export interface FlightSpan {
  start: number;
  end: number;
}

export class RequestLimiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  readonly spans: FlightSpan[] = [];

  constructor(
    private limit: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Changes the limit (at least 1); queued requests start if there is room. */
  setLimit(limit: number): void {
    this.limit = Math.max(1, Math.floor(limit));
    this.drain();
  }

  /** Requests in flight now. */
  get inFlight(): number {
    return this.active;
  }

  private drain(): void {
    while (this.active < this.limit && this.queue.length > 0) {
      this.active += 1;
      this.queue.shift()?.();
    }
  }

  /** Runs `task` once a slot is free; the slot is freed when it settles. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const go = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const i = this.queue.indexOf(go);
        if (i >= 0) this.queue.splice(i, 1);
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(go);
      this.drain();
    });
    const start = this.now();
    try {
      return await task();
    } finally {
      this.spans.push({ start, end: this.now() });
      this.active -= 1;
      this.drain();
    }
  }
}

/**
 * Requests in flight over time: the most at once in each `bucketMs` window from `from`.
 * @example inFlightOverTime([{start: 0, end: 150}, {start: 50, end: 100}], 0, 100) // [2, 1]
 */
export function inFlightOverTime(
  spans: readonly FlightSpan[],
  from: number,
  bucketMs: number,
): number[] {
  if (spans.length === 0) return [];
  const to = Math.max(...spans.map((s) => s.end));
  const buckets = Math.max(1, Math.ceil((to - from) / bucketMs));
  const out: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const lo = from + b * bucketMs;
    const hi = lo + bucketMs;
    // The most at once inside the window: check at each start within it, and at its start.
    const points = [lo, ...spans.map((s) => s.start).filter((t) => t > lo && t < hi)];
    out.push(Math.max(...points.map((t) => spans.filter((s) => s.start <= t && s.end > t).length)));
  }
  return out;
}
