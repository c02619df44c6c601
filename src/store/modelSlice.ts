import type { ModelRecord } from '@mlc-ai/web-llm';
import type { GpuStatus } from '../engines/webllm/gpu';
import type { LoadError, LoadProgress } from '../engines/webllm/loader';

/**
 * Where loading a model stands. `token` identifies one load: a result that arrives for an
 * older token (the user cancelled or started another load) is ignored.
 */
export type ModelLoadState =
  | { phase: 'idle' }
  | {
      phase: 'loading';
      token: number;
      modelId: string;
      /** The record of a custom model (null: a curated one). */
      custom: ModelRecord | null;
      /** Date.now() when the load started (the progress bar's clock). */
      startedAt: number;
      /** The last progress report; null before the first. */
      progress: LoadProgress | null;
    }
  | { phase: 'ready'; modelId: string; custom: ModelRecord | null }
  | { phase: 'error'; modelId: string; custom: ModelRecord | null; error: LoadError };

/** A model's download size as the picker shows it: fetched on demand, never guessed. */
export type DownloadSize =
  { state: 'checking' } | { state: 'known'; bytes: number } | { state: 'unknown'; why: string };

/** Whether a model's files are in the browser's cache: null while checking or unknown. */
export type CacheState = boolean | null;

/**
 * The model's work in the current run, as the speed readout shows it. The adapter reports
 * each request's usage (`WebLlmHooks.onUsage`); `recordModelUsage` adds it up.
 */
export interface ModelStats {
  /** Tokens the model wrote (decode). */
  generated: number;
  /** Tokens the model read before writing (prefill): what the KV cache did not hold. */
  prefilled: number;
  /** Prefill rate of the last request that reported one, tokens per second. */
  prefillTokensPerS: number | null;
  /** Decode rate of the last request that reported one, tokens per second. */
  decodeTokensPerS: number | null;
  /** Chat requests sent (steps, judgements, rollouts). */
  requests: number;
  /**
   * Prefill tokens the cache-aware order saved against the naive order in this run, when
   * known (set by the run; null when not measured or the ordering is off).
   */
  prefillSaved: number | null;
}

/** The step the model is writing right now: its parent's path and the text so far. */
export interface ModelDraft {
  parentSteps: string[];
  text: string;
}

/**
 * The model side of the app: the GPU, the models' cache and size, loading, and the model's
 * live work. Not part of a run file: the run records the steps, not how they were computed.
 */
export interface ModelSlice {
  /** What WebGPU offers; null until detected. */
  gpu: GpuStatus | null;
  modelLoad: ModelLoadState;
  /**
   * The model held in `modelSession`, ready for the search; null when none. It outlives a
   * later load that fails or is cancelled (that model stays loaded).
   */
  loadedModelId: string | null;
  /** Cached or not, by model id (absent: never checked). */
  modelCached: Readonly<Record<string, CacheState>>;
  /** Download size by model id (absent: never asked). */
  modelSizes: Readonly<Record<string, DownloadSize>>;
  /** Usage in the current run; null when no model has worked in it. */
  modelStats: ModelStats | null;
  /** The step being written; null when none is. */
  draft: ModelDraft | null;
}

/** The model slice: nothing detected, nothing loaded. */
export const createModelSlice = (): ModelSlice => ({
  gpu: null,
  modelLoad: { phase: 'idle' },
  loadedModelId: null,
  modelCached: {},
  modelSizes: {},
  modelStats: null,
  draft: null,
});

/** Stats with nothing counted yet. */
export function emptyModelStats(): ModelStats {
  return {
    generated: 0,
    prefilled: 0,
    prefillTokensPerS: null,
    decodeTokensPerS: null,
    requests: 0,
    prefillSaved: null,
  };
}
