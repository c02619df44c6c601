/**
 * The tiny engine's parts before the model has loaded: a proposer, a judge and a KV cache
 * probe that wait for the model (loading it, `tinySession.load()`) at their first call, then
 * hand every call to the real engine (`engine.ts`, fetched then too). So a run can start the
 * moment the tiny model is chosen, or from a link, and nothing of the engine is in the first
 * paint.
 */
import type { StepJudge, StepProposer } from '../../core/engine';
import type { KvCacheProbe } from '../../core/search/schedule';
import type { Game24Problem, Game24State } from '../../core/tasks/game24/state';
import type { TinyEngineParts } from './engine';
import { TINY_ENGINE_LABEL } from './labels';
import { tinySession } from './session';
import type { TinyEngineSettings } from './settings';

/** The tiny engine's parts, made at their first call from the loaded model. */
export function deferredTinyEngine(
  settings: TinyEngineSettings,
  run: { seed: number },
): {
  proposer: StepProposer<Game24State, Game24Problem>;
  judge: StepJudge<Game24State, Game24Problem>;
  cache: KvCacheProbe;
} {
  let parts: TinyEngineParts | null = null;
  let making: Promise<TinyEngineParts> | null = null;
  const ready = (): Promise<TinyEngineParts> =>
    (making ??= Promise.all([tinySession.load(), import('./engine'), import('./kit')]).then(
      ([model, { createTinyEngine }, { tinyKit }]) =>
        (parts = createTinyEngine(model, settings, run, tinyKit)),
    ));
  return {
    proposer: {
      label: TINY_ENGINE_LABEL,
      simulated: false,
      propose: async (ctx, n) => (await ready()).proposer.propose(ctx, n),
      rollout: async (ctx, maxSteps) => (await ready()).proposer.rollout(ctx, maxSteps),
    },
    judge: {
      kind: settings.judge,
      label: `${settings.judge} judge of the tiny model`,
      score: async (ctx) => (await ready()).judge.score(ctx),
    },
    cache: { heldSteps: () => parts?.cache.heldSteps() ?? null },
  };
}
