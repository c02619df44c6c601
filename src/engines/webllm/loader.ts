import type * as WebLlm from '@mlc-ai/web-llm';
import { createWebLlmEngine } from './adapter';
import type { ChatEngine } from './requests';
import type { InitProgressReport, MLCEngineInterface, ModelRecord } from '@mlc-ai/web-llm';
import { appConfigFor } from './cache';
import type { GpuStatus } from './gpu';
import { detectWebGpu } from './gpu';
import type { LoadContext, LoadError } from './loadErrors';
import { cancelledError, classifyLoadError } from './loadErrors';
import { curatedModel } from './models';
import type { LoadProgress } from './progress';
import { ProgressTracker } from './progress';

/**
 * Loading a model: web-llm is imported on demand (Vite puts it in its own chunk, out of the
 * first-paint bundle) and runs in a Web Worker (worker.ts), so the page stays responsive while
 * hundreds of MB download and the GPU compiles. Progress arrives as {@link LoadProgress};
 * every failure as a classified {@link LoadError}; cancelling terminates the worker.
 */

export type { LoadContext, LoadError, LoadErrorKind } from './loadErrors';
export { classifyLoadError, isLoadError } from './loadErrors';
export type { LoadProgress, LoadStage } from './progress';
export { CACHE_BACKEND, deleteCachedModel, isModelCached } from './cache';
export { fetchDownloadSize } from './models';

/** How search engines are made over a loaded model (the adapter, loaded with the model). */
export type WebLlmEngineFactory = typeof createWebLlmEngine;

/** A loaded model: its engine (web-llm's worker engine), how to search with it, how to free it. */
export interface LoadedModel {
  /** The part of web-llm's engine the search uses (a narrower type lets tests pass a fake). */
  engine: ChatEngine;
  modelId: string;
  /**
   * Makes the proposer and judges over `engine` (`createWebLlmEngine`): its code comes with
   * the loader, on the first model load, so none of it is in the first paint.
   */
  createEngine: WebLlmEngineFactory;
  /** Unloads the model and terminates its worker (idempotent; never rejects). */
  unload(): Promise<void>;
}

/** What one load needs from the caller. */
export interface LoadOptions {
  /** The record of a custom model (from `validateCustomModel`). */
  custom?: ModelRecord;
  onProgress(progress: LoadProgress): void;
  /** Aborting cancels the load: the worker is terminated, the promise rejects 'cancelled'. */
  signal: AbortSignal;
}

/** The part of web-llm the loader uses. */
export type WebLlmModule = Pick<typeof WebLlm, 'CreateWebWorkerMLCEngine' | 'prebuiltAppConfig'>;

/** The part of a Worker the loader uses (web-llm sets its `onmessage` and posts to it). */
export interface WorkerLike {
  terminate(): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  removeEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

/** Everything the loader reaches outside itself; tests replace any of it. */
export interface LoaderDeps {
  importWebLlm(): Promise<WebLlmModule>;
  createWorker(): WorkerLike;
  detectGpu(): Promise<GpuStatus>;
  /** Milliseconds, for elapsed time. */
  now(): number;
  /** `navigator.onLine`, when known. */
  online(): boolean | undefined;
  /** How long `unload()` waits for web-llm before terminating the worker anyway. */
  unloadTimeoutMs: number;
}

const defaultDeps: LoaderDeps = {
  importWebLlm: () => import('@mlc-ai/web-llm'),
  createWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
  detectGpu: () => detectWebGpu(),
  now: () => performance.now(),
  online: () => (typeof navigator === 'undefined' ? undefined : navigator.onLine),
  unloadTimeoutMs: 5000,
};

/**
 * Whether a model needs `shader-f16`: a custom record that requires it, a curated q4f16
 * build, or any other prebuilt build whose id says f16 (web-llm's records often do not
 * declare it, but the build fails without it).
 */
export function needsShaderF16(modelId: string, custom?: ModelRecord): boolean {
  if (custom) return custom.required_features?.includes('shader-f16') ?? false;
  return curatedModel(modelId)?.needsF16 ?? /\bq\d+f16/.test(modelId);
}

function gpuProblem(gpu: GpuStatus, needsF16: boolean): LoadError | null {
  if (!gpu.ok) {
    return {
      kind: 'no-webgpu',
      message: gpu.detail,
      advice: gpu.advice[0] ?? 'Use a browser with WebGPU.',
      detail: `WebGPU check: ${gpu.reason}`,
    };
  }
  if (needsF16 && !gpu.shaderF16) {
    return classifyLoadError('ShaderF16SupportError: this GPU does not offer shader-f16');
  }
  return null;
}

function workerEventText(event: Event): unknown {
  const e = event as Partial<ErrorEvent>;
  if (e.error !== undefined && e.error !== null) return e.error;
  if (typeof e.message === 'string' && e.message !== '') return `WorkerError: ${e.message}`;
  if (event.type === 'messageerror')
    return 'WorkerError: a message from the worker could not be read';
  return 'WorkerError: the model worker failed to start (its script did not load)';
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function loaded(
  engine: MLCEngineInterface,
  worker: WorkerLike,
  modelId: string,
  timeoutMs: number,
): LoadedModel {
  let done: Promise<void> | null = null;
  return {
    engine,
    modelId,
    createEngine: createWebLlmEngine,
    unload: () =>
      (done ??= withTimeout(engine.unload(), timeoutMs)
        .catch(() => undefined)
        .then(() => worker.terminate())),
  };
}

/**
 * Loads a model in a Web Worker. Checks WebGPU first (and `shader-f16` for f16 builds), then
 * imports web-llm, starts the worker and asks web-llm to load `modelId` from its prebuilt list
 * (plus `custom`, when given), with the Cache API as the cache (see `CACHE_BACKEND`).
 * @param deps replacements for tests (web-llm, the Worker, the GPU check, the clock)
 * @returns the loaded model; rejects with a {@link LoadError}, kind 'cancelled' on abort
 * @example
 * const model = await loadModel('SmolLM2-360M-Instruct-q4f32_1-MLC', { onProgress, signal });
 */
export async function loadModel(
  modelId: string,
  opts: LoadOptions,
  deps: Partial<LoaderDeps> = {},
): Promise<LoadedModel> {
  const d: LoaderDeps = { ...defaultDeps, ...deps };
  const { signal, onProgress, custom } = opts;
  if (signal.aborted) throw cancelledError();
  const tracker = new ProgressTracker(d.now());
  onProgress(tracker.start(d.now()));
  const context = (): LoadContext => {
    const online = d.online();
    return {
      stage: tracker.stage,
      ...(tracker.url !== undefined ? { url: tracker.url } : {}),
      ...(online !== undefined ? { online } : {}),
    };
  };
  const step = async <T>(work: () => Promise<T>): Promise<T> => {
    let value: T;
    try {
      value = await work();
    } catch (error) {
      throw classifyLoadError(error, context());
    }
    if (signal.aborted) throw cancelledError();
    return value;
  };

  const gpu = await step(d.detectGpu);
  const problem = gpuProblem(gpu, needsShaderF16(modelId, custom));
  if (problem) throw problem;
  const webllm = await step(d.importWebLlm);
  const worker = await step(async () => d.createWorker());

  return new Promise<LoadedModel>((resolve, reject) => {
    let settled = false;
    const onAbort = (): void => fail(cancelledError());
    const onWorkerError = (event: Event): void => fail(workerEventText(event));
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      worker.removeEventListener('error', onWorkerError);
      worker.removeEventListener('messageerror', onWorkerError);
      return true;
    };
    function fail(error: unknown): void {
      if (!settle()) return;
      worker.terminate();
      reject(classifyLoadError(error, context()));
    }
    signal.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('error', onWorkerError);
    worker.addEventListener('messageerror', onWorkerError);
    const initProgressCallback = (report: InitProgressReport): void => {
      if (settled) return;
      const progress = tracker.update(report, d.now());
      if (progress) onProgress(progress);
    };
    webllm
      .CreateWebWorkerMLCEngine(worker, modelId, {
        appConfig: appConfigFor(webllm.prebuiltAppConfig, custom),
        initProgressCallback,
      })
      .then(
        (engine) => {
          if (settle()) resolve(loaded(engine, worker, modelId, d.unloadTimeoutMs));
        },
        (error: unknown) => fail(error),
      );
  });
}
