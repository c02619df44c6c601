/**
 * Loads the tiny model in the page: reads its manifest, starts the worker (`worker.ts`,
 * onnxruntime-web on wasm), which fetches the ONNX file with progress and checks its sha256,
 * and gives a forward pass that asks the worker. Loaded by `tinySession.load()` with
 * `import()`, so none of this (nor onnxruntime-web) is in the first paint.
 */
import type { TinyModel } from '../engine';
import type { TinyForward, TinyForwardResult } from '../forward';
import type { TinyManifest } from '../manifest';
import { parseTinyManifest } from '../manifest';
import type { FromTinyWorker, ToTinyWorker } from './protocol';

/** Where the shipped model lives in the build (public/models/tiny24/). */
export const TINY_MODEL_DIR = `${import.meta.env.BASE_URL}models/tiny24/`;

/** The slice of a Worker this needs (a fake in tests). */
export interface TinyWorkerLike {
  postMessage(message: ToTinyWorker): void;
  onmessage: ((event: MessageEvent<FromTinyWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

const startWorker = (): TinyWorkerLike =>
  new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'arbor-tiny-model',
  }) as unknown as TinyWorkerLike;

/** Reads and checks the shipped manifest. */
export async function fetchTinyManifest(fetchFn: typeof fetch = fetch): Promise<TinyManifest> {
  const url = `${TINY_MODEL_DIR}manifest.json`;
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`fetching ${url} gave HTTP ${String(response.status)}`);
  return parseTinyManifest(await response.json());
}

/**
 * The forward pass over a worker that has loaded the model: each call posts the new tokens
 * and the prefix's KV and resolves with the worker's answer. A worker that dies rejects every
 * pass in flight and every later one.
 */
function forwardOver(
  worker: TinyWorkerLike,
  dead: () => string | null,
): {
  forward: TinyForward;
  answer: (message: FromTinyWorker) => void;
  fail: (why: string) => void;
} {
  let next = 0;
  const waiting = new Map<
    number,
    { resolve: (r: TinyForwardResult) => void; reject: (e: Error) => void }
  >();
  return {
    forward: (ids, past) =>
      new Promise((resolve, reject) => {
        const why = dead();
        if (why !== null) {
          reject(new Error(`the tiny model's worker stopped: ${why}`));
          return;
        }
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ type: 'forward', id, ids: [...ids], past });
      }),
    answer: (message) => {
      if (message.type !== 'result' && message.type !== 'forward-failed') return;
      const call = waiting.get(message.id);
      waiting.delete(message.id);
      if (!call) return;
      if (message.type === 'result') {
        call.resolve({ logits: message.logits, sprm: message.sprm, kv: message.kv });
      } else call.reject(new Error(`tiny model: ${message.message}`));
    },
    fail: (why) => {
      for (const call of waiting.values())
        call.reject(new Error(`the tiny model's worker stopped: ${why}`));
      waiting.clear();
    },
  };
}

/**
 * Loads the shipped tiny model in a worker.
 * @param progress bytes of the model file fetched so far, and its size
 * @throws Error when the manifest or the model cannot be fetched, the file's hash differs, or
 *   onnxruntime-web cannot start (the message says which)
 */
export async function loadTinyInBrowser(
  progress: (fetched: number, total: number | null) => void,
  deps: { fetch?: typeof fetch; createWorker?: () => TinyWorkerLike } = {},
): Promise<{ model: TinyModel; backend: string }> {
  const manifest = await fetchTinyManifest(deps.fetch);
  progress(0, manifest.bytes);
  const worker = (deps.createWorker ?? startWorker)();
  let stopped: string | null = null;
  const pass = forwardOver(worker, () => stopped);
  const modelUrl = new URL(`${TINY_MODEL_DIR}${manifest.file}`, location.href).href;
  const backend = await new Promise<string>((resolve, reject) => {
    worker.onerror = (event) => {
      stopped = event.message || 'its script failed to load';
      pass.fail(stopped);
      reject(new Error(`the tiny model's worker failed: ${stopped}`));
    };
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') progress(data.fetched, data.total);
      else if (data.type === 'ready') resolve(data.backend);
      else if (data.type === 'load-failed') reject(new Error(data.message));
      else pass.answer(data);
    };
    worker.postMessage({ type: 'load', manifest, modelUrl });
  }).catch((error: unknown) => {
    worker.terminate();
    throw error;
  });
  return { model: { manifest, forward: pass.forward }, backend };
}
