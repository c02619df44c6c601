import type { ModelRecord } from '@mlc-ai/web-llm';
import { createWebLlmEngine } from '../engines/webllm/adapter';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as LoaderModule from '../engines/webllm/loader';
import type { LoadError, LoadProgress, LoadedModel } from '../engines/webllm/loader';
import type * as ModelsModule from '../engines/webllm/models';
import { modelSession } from '../engines/webllm/session';
import { DEFAULT_SETTINGS } from '../run/settings';
import {
  cancelLoad,
  checkDownloadSize,
  deleteCached,
  detectGpu,
  dismissLoadError,
  loadModelById,
  refreshCached,
  switchToLoadedModel,
  switchToSimulated,
  unloadModel,
} from './modelActions';
import { recordModelUsage, resetModelStats, setDraft, setPrefillSaved } from './modelStats';
import { createModelSlice } from './modelSlice';
import { setSettings } from './runActions';
import { setTask } from './settingsActions';
import { useArbor } from './store';

/** One scripted load: the test settles it and reads what `loadModel` was given. */
interface PendingLoad {
  modelId: string;
  custom: ModelRecord | undefined;
  signal: AbortSignal;
  progress: (p: LoadProgress) => void;
  resolve: (m: LoadedModel) => void;
  reject: (e: unknown) => void;
}

const h = vi.hoisted(() => ({
  loads: [] as PendingLoad[],
  cached: new Map<string, boolean | Error>(),
  deleted: [] as string[],
  sizes: new Map<string, number | Error>(),
  sizeCalls: 0,
}));

vi.mock('../engines/webllm/loader', async (importOriginal) => ({
  ...(await importOriginal<typeof LoaderModule>()),
  loadModel: (
    modelId: string,
    opts: { custom?: ModelRecord; onProgress(p: LoadProgress): void; signal: AbortSignal },
  ) =>
    new Promise<LoadedModel>((resolve, reject) => {
      h.loads.push({
        modelId,
        custom: opts.custom,
        signal: opts.signal,
        progress: opts.onProgress,
        resolve,
        reject,
      });
    }),
  isModelCached: (id: string) => {
    const c = h.cached.get(id);
    return c instanceof Error ? Promise.reject(c) : Promise.resolve(c ?? false);
  },
  deleteCachedModel: (id: string) => {
    h.deleted.push(id);
    h.cached.set(id, false);
    return Promise.resolve();
  },
}));

vi.mock('../engines/webllm/models', async (importOriginal) => ({
  ...(await importOriginal<typeof ModelsModule>()),
  fetchDownloadSize: (id: string) => {
    h.sizeCalls += 1;
    const s = h.sizes.get(id);
    return s instanceof Error || s === undefined
      ? Promise.reject(s ?? new Error('offline'))
      : Promise.resolve(s);
  },
}));

const get = useArbor.getState;
const ID = 'SmolLM2-360M-Instruct-q4f32_1-MLC';

function fakeModel(modelId: string): LoadedModel & { unloaded: number } {
  const m = {
    unloaded: 0,
    modelId,
    engine: {} as LoadedModel['engine'],
    createEngine: createWebLlmEngine,
    unload: () => {
      m.unloaded += 1;
      return Promise.resolve();
    },
  };
  return m;
}

/**
 * The latest load, once `loadModel` has been called for it (`loadModelById` imports the
 * loader first, so the call comes a few ticks after it).
 */
async function lastLoad(): Promise<PendingLoad> {
  await vi.dynamicImportSettled();
  return vi.waitFor(() => {
    const l = h.loads.at(-1);
    if (!l) throw new Error('no load started');
    return l;
  });
}

const progress = (fraction: number): LoadProgress => ({
  stage: 'weights',
  fraction,
  loadedMB: 100 * fraction,
  totalMB: 100,
  text: `${fraction}`,
  elapsedS: 1,
});

const offline: LoadError = {
  kind: 'offline',
  message: 'You are offline.',
  advice: 'Connect and try again.',
  detail: 'TypeError: Failed to fetch',
};

beforeEach(() => {
  h.loads.length = 0;
  h.cached.clear();
  h.deleted.length = 0;
  h.sizes.clear();
  h.sizeCalls = 0;
  modelSession.set(null);
  cancelLoad();
  useArbor.setState(createModelSlice());
  setSettings(DEFAULT_SETTINGS);
});

describe('loading a model', () => {
  it('goes idle → loading → ready, with progress, and puts the model in the session', async () => {
    expect(get().modelLoad).toEqual({ phase: 'idle' });
    const done = loadModelById(ID);
    const s = get().modelLoad;
    expect(s.phase === 'loading' && s.modelId === ID && s.progress === null).toBe(true);
    (await lastLoad()).progress(progress(0.25));
    const p = get().modelLoad;
    expect(p.phase === 'loading' ? p.progress?.fraction : null).toBe(0.25);

    const model = fakeModel(ID);
    (await lastLoad()).resolve(model);
    expect(await done).toBe(true);
    expect(get().modelLoad).toEqual({ phase: 'ready', modelId: ID, custom: null });
    expect(modelSession.current()).toBe(model);
    expect(get().loadedModelId).toBe(ID);
    expect(get().modelCached[ID]).toBe(true);
    // Loading does not touch the run's settings: the engine switches only when asked.
    expect(get().settings.engine.kind).toBe('simulated');
  });

  it('passes a custom record through and keeps it for "Try again"', async () => {
    const record: ModelRecord = {
      model: 'http://127.0.0.1:1/m/resolve/main/',
      model_id: 'mine',
      model_lib: 'http://127.0.0.1:1/m.wasm',
    };
    const done = loadModelById('mine', record);
    expect((await lastLoad()).custom).toBe(record);
    (await lastLoad()).reject(offline);
    expect(await done).toBe(false);
    const s = get().modelLoad;
    expect(s.phase === 'error' ? s.custom : null).toBe(record);
  });

  it('goes to error with the classified LoadError and leaves the session and run as they were', async () => {
    const held = fakeModel('held');
    modelSession.set(held);
    const before = get().settings;
    const done = loadModelById(ID);
    (await lastLoad()).reject(offline);
    expect(await done).toBe(false);
    expect(get().modelLoad).toEqual({ phase: 'error', modelId: ID, custom: null, error: offline });
    expect(modelSession.current()).toBe(held);
    expect(held.unloaded).toBe(0);
    expect(get().settings).toBe(before);
  });

  it('classifies an error that is not a LoadError', async () => {
    const done = loadModelById(ID);
    (await lastLoad()).reject(new Error('boom'));
    await done;
    const s = get().modelLoad;
    expect(s.phase === 'error' ? [s.error.kind, s.error.detail] : null).toEqual([
      'unknown',
      'Error: boom',
    ]);
  });

  it('treats a rejection of kind "cancelled" as a return to idle, not an error', async () => {
    const done = loadModelById(ID);
    (await lastLoad()).reject({ ...offline, kind: 'cancelled', message: 'Cancelled.' });
    await done;
    expect(get().modelLoad).toEqual({ phase: 'idle' });
  });

  it('dismissing an error returns to idle; dismissing otherwise does nothing', async () => {
    const done = loadModelById(ID);
    (await lastLoad()).reject(offline);
    await done;
    dismissLoadError();
    expect(get().modelLoad).toEqual({ phase: 'idle' });
    dismissLoadError();
    expect(get().modelLoad).toEqual({ phase: 'idle' });
  });

  it('unloads the model held before once the new one is ready', async () => {
    const first = fakeModel('first');
    modelSession.set(first);
    const done = loadModelById(ID);
    expect(first.unloaded).toBe(0); // still usable while the new one loads
    const second = fakeModel(ID);
    (await lastLoad()).resolve(second);
    await done;
    expect(modelSession.current()).toBe(second);
    expect(first.unloaded).toBe(1);
  });
});

describe('a model already loaded', () => {
  async function loadFirst(): Promise<LoadedModel & { unloaded: number }> {
    const done = loadModelById('first');
    const model = fakeModel('first');
    (await lastLoad()).resolve(model);
    await done;
    return model;
  }

  it('stays loaded and usable when the next load fails', async () => {
    const first = await loadFirst();
    const done = loadModelById(ID);
    (await lastLoad()).reject(offline);
    await done;
    expect(get().modelLoad.phase).toBe('error');
    expect(get().loadedModelId).toBe('first');
    expect(modelSession.current()).toBe(first);
    switchToLoadedModel();
    const e = get().settings.engine;
    expect(e.kind === 'webllm' ? e.modelId : null).toBe('first');
  });

  it('stays loaded when the next load is cancelled', async () => {
    const first = await loadFirst();
    void loadModelById(ID);
    await lastLoad();
    cancelLoad();
    expect(get().modelLoad).toEqual({ phase: 'idle' });
    expect(get().loadedModelId).toBe('first');
    expect(modelSession.current()).toBe(first);
    expect(first.unloaded).toBe(0);
  });
});

describe('cancelling', () => {
  it('returns to idle at once and aborts the load', async () => {
    void loadModelById(ID);
    const load = await lastLoad();
    cancelLoad();
    expect(get().modelLoad).toEqual({ phase: 'idle' });
    expect(load.signal.aborted).toBe(true);
  });

  it('ignores a stale success after cancel and unloads that model', async () => {
    const done = loadModelById(ID);
    const load = await lastLoad();
    cancelLoad();
    load.progress(progress(0.9));
    const late = fakeModel(ID);
    load.resolve(late);
    expect(await done).toBe(false);
    expect(get().modelLoad).toEqual({ phase: 'idle' });
    expect(modelSession.current()).toBeNull();
    expect(late.unloaded).toBe(1);
  });

  it('ignores a stale failure after cancel', async () => {
    const done = loadModelById(ID);
    const load = await lastLoad();
    cancelLoad();
    load.reject(offline);
    expect(await done).toBe(false);
    expect(get().modelLoad).toEqual({ phase: 'idle' });
  });

  it('a second load cancels the first; only the second one counts', async () => {
    const first = loadModelById('a');
    const a = await lastLoad();
    const second = loadModelById('b');
    const b = await lastLoad();
    expect(a.signal.aborted).toBe(true);
    expect(b.signal.aborted).toBe(false);
    a.reject(offline);
    const ma = fakeModel('a');
    a.resolve(ma);
    expect(await first).toBe(false);
    expect(get().modelLoad.phase).toBe('loading');
    const mb = fakeModel('b');
    b.resolve(mb);
    expect(await second).toBe(true);
    expect(get().modelLoad).toEqual({ phase: 'ready', modelId: 'b', custom: null });
    expect(modelSession.current()).toBe(mb);
  });

  it('does nothing when nothing is loading', () => {
    cancelLoad();
    expect(get().modelLoad).toEqual({ phase: 'idle' });
    expect(h.loads).toHaveLength(0);
  });
});

describe('switching engines', () => {
  it('uses the loaded model for the search, and goes back to the simulated engine', async () => {
    switchToLoadedModel(); // nothing loaded: no change
    expect(get().settings.engine.kind).toBe('simulated');
    const done = loadModelById(ID);
    (await lastLoad()).resolve(fakeModel(ID));
    await done;
    switchToLoadedModel();
    const e = get().settings.engine;
    expect(e.kind === 'webllm' ? e.modelId : null).toBe(ID);
    switchToSimulated();
    expect(get().settings.engine.kind).toBe('simulated');
  });

  it('the simulated engine writes word problems too: switching to it keeps the task', async () => {
    const done = loadModelById(ID);
    (await lastLoad()).resolve(fakeModel(ID));
    await done;
    switchToLoadedModel();
    setTask('word-problems');
    expect(get().settings.task).toBe('word-problems');
    switchToSimulated();
    expect(get().settings.task).toBe('word-problems');
    expect(get().settings.engine.kind).toBe('simulated');
  });

  it('unloading frees the model and takes a run on it back to the simulated engine', async () => {
    const done = loadModelById(ID);
    const model = fakeModel(ID);
    (await lastLoad()).resolve(model);
    await done;
    switchToLoadedModel();
    await unloadModel();
    expect(modelSession.current()).toBeNull();
    expect(get().loadedModelId).toBeNull();
    expect(model.unloaded).toBe(1);
    expect(get().modelLoad).toEqual({ phase: 'idle' });
    expect(get().settings.engine.kind).toBe('simulated');
  });
});

describe('cache and download size', () => {
  it('records cached, not cached, and unknown when the check fails', async () => {
    h.cached.set('a', true);
    h.cached.set('c', new Error('no caches API'));
    await Promise.all([refreshCached('a'), refreshCached('b'), refreshCached('c')]);
    expect(get().modelCached).toEqual({ a: true, b: false, c: null });
  });

  it('deletes a cached model and checks again', async () => {
    h.cached.set('a', true);
    await refreshCached('a');
    await deleteCached('a');
    expect(h.deleted).toEqual(['a']);
    expect(get().modelCached.a).toBe(false);
  });

  it('fetches a size once; an offline failure is unknown, never a number, and can be retried', async () => {
    h.sizes.set('a', 380_000_000);
    await checkDownloadSize('a');
    await checkDownloadSize('a');
    expect(get().modelSizes.a).toEqual({ state: 'known', bytes: 380_000_000 });
    expect(h.sizeCalls).toBe(1);

    h.sizes.set('b', new Error('Could not reach huggingface.co'));
    await checkDownloadSize('b');
    expect(get().modelSizes.b).toEqual({
      state: 'unknown',
      why: 'Could not reach huggingface.co',
    });
    h.sizes.set('b', 1000);
    await checkDownloadSize('b'); // unknown is asked again
    expect(get().modelSizes.b).toEqual({ state: 'known', bytes: 1000 });
    await checkDownloadSize('a', true);
    expect(h.sizeCalls).toBe(4);
  });
});

describe('usage and draft', () => {
  it('adds up each request; rates are the latest reported', () => {
    expect(get().modelStats).toBeNull();
    recordModelUsage({
      generated: 12,
      prefilled: 300,
      prefillTokensPerS: 500,
      decodeTokensPerS: 20,
    });
    recordModelUsage({ generated: 1, prefilled: 40 });
    recordModelUsage({ generated: 30, prefilled: 8, decodeTokensPerS: 25.5 });
    expect(get().modelStats).toEqual({
      generated: 43,
      prefilled: 348,
      prefillTokensPerS: 500,
      decodeTokensPerS: 25.5,
      requests: 3,
      prefillSaved: null,
    });
    setPrefillSaved(120);
    expect(get().modelStats?.prefillSaved).toBe(120);
    resetModelStats();
    expect(get().modelStats).toBeNull();
  });

  it('keeps the draft as a copy and clears it with null', () => {
    const parentSteps = ['4 * 6 = 24'];
    setDraft({ parentSteps, text: 'Step' });
    parentSteps.push('changed later');
    expect(get().draft).toEqual({ parentSteps: ['4 * 6 = 24'], text: 'Step' });
    setDraft(null);
    expect(get().draft).toBeNull();
  });
});

describe('detectGpu', () => {
  it('stores why there is no WebGPU', async () => {
    await detectGpu({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0' });
    const gpu = get().gpu;
    expect(gpu?.ok).toBe(false);
    expect(gpu && !gpu.ok ? gpu.reason : null).toBe('no-api');
  });

  it('stores the adapter, fallback and shader-f16', async () => {
    await detectGpu({
      userAgent: 'Chrome/156',
      gpu: {
        requestAdapter: () =>
          Promise.resolve({
            info: {
              vendor: 'google',
              architecture: 'swiftshader',
              description: '',
              isFallbackAdapter: true,
            },
            features: { has: () => false },
            limits: { maxBufferSize: 2 ** 30, maxStorageBufferBindingSize: 2 ** 30 },
          }),
      },
    });
    const gpu = get().gpu;
    expect(gpu?.ok && [gpu.adapter.architecture, gpu.adapter.isFallback, gpu.shaderF16]).toEqual([
      'swiftshader',
      true,
      false,
    ]);
  });
});
