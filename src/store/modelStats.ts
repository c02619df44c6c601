import type { ModelDraft, ModelSlice } from './modelSlice';
import { emptyModelStats } from './modelSlice';
import { useArbor } from './store';

/**
 * What a model run reports as it goes: its usage, what the cache-aware order saved, and the
 * step being written. Written by the engine's hooks and the run's end, read by the speed
 * readout; they depend on nothing but the model slice, so any action may call them.
 */

const get = useArbor.getState;
const set = (patch: Partial<ModelSlice>) => useArbor.setState(patch);

/** Clears the model's usage (a new run starts from zero). */
export function resetModelStats(): void {
  set({ modelStats: null, draft: null });
}

/** Adds one request's usage (the adapter's `onUsage` hook). Rates keep the latest reported. */
export function recordModelUsage(u: {
  generated: number;
  prefilled: number;
  prefillTokensPerS?: number;
  decodeTokensPerS?: number;
}): void {
  const s = get().modelStats ?? emptyModelStats();
  set({
    modelStats: {
      ...s,
      generated: s.generated + u.generated,
      prefilled: s.prefilled + u.prefilled,
      requests: s.requests + 1,
      prefillTokensPerS: u.prefillTokensPerS ?? s.prefillTokensPerS,
      decodeTokensPerS: u.decodeTokensPerS ?? s.decodeTokensPerS,
    },
  });
}

/** Records what the cache-aware order saved in this run (null: not known). */
export function setPrefillSaved(tokens: number | null): void {
  set({ modelStats: { ...(get().modelStats ?? emptyModelStats()), prefillSaved: tokens } });
}

/** The step being written (the adapter's `onDraft` hook); null when it is done. */
export function setDraft(draft: { parentSteps: readonly string[]; text: string } | null): void {
  const next: ModelDraft | null = draft && {
    parentSteps: [...draft.parentSteps],
    text: draft.text,
  };
  set({ draft: next });
}
