/**
 * Pause for server requests, as web-llm's gate does for its one request: no request starts
 * while the gate is closed, and a request in flight when it closes is dropped (aborted) and
 * sent again after resume. The same request gets the same seeded reply, so the tree is as the
 * search would have left it.
 */
import type { PauseGate } from '../webllm/gate';
import type { GenerateOptions, ReplySource } from './client';
import type { GenerationRequest, GenerationResult } from './wire';

function whenOpen(gate: PauseGate, signal: AbortSignal | undefined): Promise<void> {
  if (!gate.paused) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = (): void => reject(signal?.reason as Error);
    signal?.addEventListener('abort', onAbort, { once: true });
    void gate.whenOpen().then(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

/** `inner` behind the gate. */
export function pausable(inner: ReplySource, gate: PauseGate): ReplySource {
  return {
    family: inner.family,
    async generate(req: GenerationRequest, opts: GenerateOptions = {}): Promise<GenerationResult> {
      const { signal } = opts;
      for (;;) {
        await whenOpen(gate, signal);
        if (gate.paused) continue;
        const controller = new AbortController();
        const onAbort = (): void => controller.abort(signal?.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        let paused = false;
        const off = gate.onPause(() => {
          paused = true;
          controller.abort();
        });
        try {
          return await inner.generate(req, { ...opts, signal: controller.signal });
        } catch (error) {
          if (signal?.aborted || !paused) throw error;
        } finally {
          off();
          signal?.removeEventListener('abort', onAbort);
        }
      }
    },
  };
}
