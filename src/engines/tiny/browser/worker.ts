/**
 * The Web Worker that runs the tiny model (`load.ts` starts it): onnxruntime-web's wasm
 * backend, one thread unless the page is cross-origin isolated. Its .wasm is a file of the
 * build (`?url`), so nothing is fetched from elsewhere. It fetches the model itself (with
 * progress and a sha256 check) and answers forward passes one at a time.
 */
import * as ort from 'onnxruntime-web/wasm';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import type { TinyForward } from '../forward';
import { ortForward } from '../forward';
import { fetchModelBytes } from './fetchModel';
import type { FromTinyWorker, ToTinyWorker } from './protocol';

const scope = self as unknown as {
  postMessage(message: FromTinyWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToTinyWorker>) => void) | null;
  crossOriginIsolated: boolean;
};

let forward: TinyForward | null = null;

const why = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function load(message: Extract<ToTinyWorker, { type: 'load' }>): Promise<void> {
  const { manifest, modelUrl } = message;
  const bytes = await fetchModelBytes(modelUrl, manifest, (fetched, total) =>
    scope.postMessage({ type: 'progress', fetched, total }),
  );
  const threads = scope.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
  ort.env.wasm.wasmPaths = { wasm: new URL(wasmUrl, self.location.href).href };
  ort.env.wasm.numThreads = threads;
  // No proxy worker: this is the worker already.
  ort.env.wasm.proxy = false;
  ort.env.logLevel = 'error';
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  forward = ortForward(ort, session, manifest);
  scope.postMessage({
    type: 'ready',
    backend: `onnxruntime-web ${ort.env.versions.web ?? ''} (wasm, ${String(threads)} thread${threads === 1 ? '' : 's'})`,
  });
}

/** Forward passes run one after another, in the order asked. */
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'load') {
    load(message).catch((error: unknown) =>
      scope.postMessage({ type: 'load-failed', message: why(error) }),
    );
    return;
  }
  const { id, ids, past } = message;
  queue = queue.then(async () => {
    try {
      if (!forward) throw new Error('the model has not loaded');
      const out = await forward(ids, past);
      const buffers = new Set(
        [out.logits, out.sprm, ...out.kv.tensors].map((t) => t.buffer as ArrayBuffer),
      );
      scope.postMessage({ type: 'result', id, ...out }, [...buffers]);
    } catch (error) {
      scope.postMessage({ type: 'forward-failed', id, message: why(error) });
    }
  });
};
