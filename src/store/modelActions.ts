import type { ModelRecord } from '@mlc-ai/web-llm';
import type { GpuNavigator } from '../engines/webllm/gpu';
import type * as LoaderModule from '../engines/webllm/loader';
import type { LoadedModel } from '../engines/webllm/loader';
import { modelSession } from '../engines/webllm/session';
import type { DownloadSize, ModelSlice } from './modelSlice';
import { setEngineKind } from './settingsActions';
import { useArbor } from './store';

/**
 * Model actions as module functions: detecting WebGPU, loading a model (with cancel), the
 * cache and download sizes, and the model's live usage. A load carries a token; a result for
 * an older token (cancelled, or replaced by another load) is dropped and its model unloaded.
 * The loader (and with it the model list, the load errors and the cache helpers) is imported
 * on first use, so it stays out of the first paint; WebGPU detection, which the folded panel
 * shows, is not.
 */

/** The web-llm loader, imported on first use (one import shared by every caller). */
let loaderModule: Promise<typeof LoaderModule> | null = null;
const loader = () => (loaderModule ??= import('../engines/webllm/loader'));

const get = useArbor.getState;
const set = (patch: Partial<ModelSlice>) => useArbor.setState(patch);

/** The token of the load in flight (0: none yet). */
let loadToken = 0;
/** Aborts the load in flight. */
let loadAbort: AbortController | null = null;

/** Detects WebGPU and stores what it offers (the detector loads with the first check). */
export async function detectGpu(nav?: GpuNavigator): Promise<void> {
  const { detectWebGpu } = await import('../engines/webllm/gpu');
  const status = await detectWebGpu(nav);
  set({ gpu: status });
}

function current(token: number): boolean {
  const s = get().modelLoad;
  return s.phase === 'loading' && s.token === token;
}

/**
 * Loads a model in a Web Worker. The run and its tree are untouched whatever happens; when
 * the model is ready it goes into `modelSession` (the model held before is unloaded) and the
 * engine can switch to it. A load started while another is in flight cancels that one.
 * @param custom the record of a custom model (from `validateCustomModel`)
 * @returns whether this load ended with the model ready
 */
export async function loadModelById(modelId: string, custom?: ModelRecord): Promise<boolean> {
  cancelLoad();
  const token = ++loadToken;
  const abort = new AbortController();
  loadAbort = abort;
  set({
    modelLoad: {
      phase: 'loading',
      token,
      modelId,
      custom: custom ?? null,
      startedAt: Date.now(),
      progress: null,
    },
  });
  let loaded: LoadedModel;
  const { classifyLoadError, isLoadError, loadModel } = await loader();
  if (!current(token)) return false; // cancelled, or replaced, while the loader arrived
  try {
    loaded = await loadModel(modelId, {
      ...(custom ? { custom } : {}),
      signal: abort.signal,
      onProgress: (progress) => {
        const s = get().modelLoad;
        if (s.phase === 'loading' && s.token === token) set({ modelLoad: { ...s, progress } });
      },
    });
  } catch (error) {
    if (!current(token)) return false;
    loadAbort = null;
    const e = isLoadError(error) ? error : classifyLoadError(error);
    set({
      modelLoad:
        e.kind === 'cancelled'
          ? { phase: 'idle' }
          : { phase: 'error', modelId, custom: custom ?? null, error: e },
    });
    return false;
  }
  if (!current(token)) {
    // Cancelled or replaced while the last bytes arrived: free the GPU memory it took.
    void loaded.unload().catch(() => undefined);
    return false;
  }
  loadAbort = null;
  const previous = modelSession.current();
  modelSession.set(loaded);
  if (previous && previous !== loaded) void previous.unload().catch(() => undefined);
  set({
    modelLoad: { phase: 'ready', modelId: loaded.modelId, custom: custom ?? null },
    loadedModelId: loaded.modelId,
    modelCached: { ...get().modelCached, [modelId]: true },
  });
  return true;
}

/** Cancels the load in flight (its worker is terminated) and returns to idle. */
export function cancelLoad(): void {
  if (get().modelLoad.phase !== 'loading') return;
  loadToken += 1;
  loadAbort?.abort();
  loadAbort = null;
  set({ modelLoad: { phase: 'idle' } });
}

/** Forgets a load error (the panel goes back to the picker). */
export function dismissLoadError(): void {
  if (get().modelLoad.phase === 'error') set({ modelLoad: { phase: 'idle' } });
}

/** Uses the loaded model for the search (resets the run, like every engine change). */
export function switchToLoadedModel(): void {
  const id = get().loadedModelId;
  if (id !== null && modelSession.current()) setEngineKind('webllm', id);
}

/**
 * Switches back to the simulated engine (one click from any model state); it writes both
 * tasks, so the task stays.
 */
export function switchToSimulated(): void {
  setEngineKind('simulated');
}

/** Unloads the model held in the session; a run on it goes back to the simulated engine. */
export async function unloadModel(): Promise<void> {
  const held = modelSession.current();
  modelSession.set(null);
  set({ loadedModelId: null });
  if (get().modelLoad.phase === 'ready') set({ modelLoad: { phase: 'idle' } });
  if (get().settings.engine.kind === 'webllm') setEngineKind('simulated');
  await held?.unload().catch(() => undefined);
}

/** Checks whether a model's files are in the browser's cache. */
export async function refreshCached(modelId: string, custom?: ModelRecord): Promise<void> {
  set({ modelCached: { ...get().modelCached, [modelId]: null } });
  let cached: boolean | null;
  try {
    cached = await (await loader()).isModelCached(modelId, custom);
  } catch {
    cached = null;
  }
  set({ modelCached: { ...get().modelCached, [modelId]: cached } });
}

/** Deletes a model's files from the browser's cache (the UI asks first), then re-checks. */
export async function deleteCached(modelId: string, custom?: ModelRecord): Promise<void> {
  try {
    await (await loader()).deleteCachedModel(modelId, custom);
  } finally {
    await refreshCached(modelId, custom);
  }
}

/**
 * Fetches a model's download size (once; a failure is remembered as unknown and can be
 * retried with `force`). Never invents a number: offline, the size is unknown.
 */
export async function checkDownloadSize(modelId: string, force = false): Promise<void> {
  const known = get().modelSizes[modelId];
  if (known && !force && known.state !== 'unknown') return;
  set({ modelSizes: { ...get().modelSizes, [modelId]: { state: 'checking' } } });
  let size: DownloadSize;
  try {
    size = { state: 'known', bytes: await (await loader()).fetchDownloadSize(modelId) };
  } catch (error) {
    size = { state: 'unknown', why: error instanceof Error ? error.message : String(error) };
  }
  set({ modelSizes: { ...get().modelSizes, [modelId]: size } });
}
