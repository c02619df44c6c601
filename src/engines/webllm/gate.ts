/**
 * The pause switch between the run's controls and the model engine. Before each request the
 * engine waits until the gate is open; when the gate closes during a request, the engine
 * interrupts the generation, drops its partial reply and issues the same request again after
 * resume, so the tree stays as the algorithm would have left it. A reply the interrupt did not
 * cut short (a one-token judge answer, which web-llm cannot stop) is kept, not asked twice.
 */
export class PauseGate {
  private closed = false;
  private waiters: (() => void)[] = [];
  private readonly listeners = new Set<() => void>();

  /** Closes the gate and tells every `onPause` listener (once per pause). */
  pause(): void {
    if (this.closed) return;
    this.closed = true;
    for (const cb of [...this.listeners]) cb();
  }

  /** Opens the gate and releases everyone waiting in `whenOpen`. */
  resume(): void {
    if (!this.closed) return;
    this.closed = false;
    const waiters = this.waiters;
    this.waiters = [];
    for (const release of waiters) release();
  }

  /** Whether the gate is closed. */
  get paused(): boolean {
    return this.closed;
  }

  /** Resolves at once when open, else at the next `resume()`. */
  whenOpen(): Promise<void> {
    if (!this.closed) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Calls `cb` whenever the gate closes; returns the function that stops that. */
  onPause(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => {
      this.listeners.delete(cb);
    };
  }
}
