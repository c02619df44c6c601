/**
 * web-llm's per-model lock, copied for the fake engine: `CustomLock` (@mlc-ai/web-llm 0.2.86,
 * lib/index.js 11509–11547). Each loaded model has one (`loadedModelIdToLock`, lib 18329); a
 * non-streaming request takes it before it prefills (`chatCompletion`, lib 18641–18642), a
 * streaming one when its stream is first read (`asyncGenerate`, lib 18558–18559), and both
 * give it back when the generation ends (lib 18604, and the `finally` after 18700). So
 * requests never overlap: a second one waits, in order, until the first has finished.
 */
export class FakeLock {
  private acquired = false;
  private readonly queue: (() => void)[] = [];

  /** Resolves at once when free, else when every earlier holder has released it. */
  acquire(): Promise<void> {
    if (!this.acquired) {
      this.acquired = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  /** Hands the lock to the next waiter, or frees it. */
  release(): void {
    if (!this.acquired) throw new Error('InternalError: expect lock is acquired upon release()');
    const next = this.queue.shift();
    if (next) next();
    else this.acquired = false;
  }

  /** Requests waiting for the lock. */
  get waiting(): number {
    return this.queue.length;
  }
}
