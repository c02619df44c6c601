/**
 * The tiny model engine for Game of 24: its proposer and chosen judge over one loaded model
 * and one prefix-tree KV cache (so the SPRM judge reads the score the proposer's forward pass
 * already computed). Game of 24 only: the model was trained on nothing else.
 */
import type { StepJudge, StepProposer } from '../../core/engine';
import type { Game24Problem, Game24State } from '../../core/tasks/game24/state';
import type { TinyForward } from './forward';
import { createSprmJudge } from './judges';
import type { TinyKit } from './kit';
import { KvTreeCache } from './kvTree';
import type { TinyManifest } from './manifest';
import { createTinyProposer } from './proposer';
import type { TinyEngineSettings } from './settings';
import { tinyTokenizer } from './tokenizer';

/** A loaded tiny model: its manifest and a forward pass on some onnxruntime. */
export interface TinyModel {
  manifest: TinyManifest;
  forward: TinyForward;
}

/** KV cache budget of one run: 64 MB holds ~300 lines of ~50 tokens (4 KB per token). */
export const TINY_KV_BUDGET_BYTES = 64 * 1024 * 1024;

export interface TinyEngineParts {
  proposer: StepProposer<Game24State, Game24Problem>;
  judge: StepJudge<Game24State, Game24Problem>;
  cache: KvTreeCache;
}

/** "tiny model, 817k parameters, trained on Game of 24, runs in your browser". */
export function tinyModelLabel(manifest: TinyManifest): string {
  const k = Math.round(manifest.parameters / 1000);
  return `tiny model, ${String(k)}k parameters, trained on Game of 24, runs in your browser`;
}

export function createTinyEngine(
  model: TinyModel,
  settings: TinyEngineSettings,
  run: { seed: number },
  kit: TinyKit,
  budgetBytes = TINY_KV_BUDGET_BYTES,
): TinyEngineParts {
  const tokenizer = tinyTokenizer(model.manifest);
  const cache = new KvTreeCache(model.forward, model.manifest, tokenizer, budgetBytes);
  const proposer = createTinyProposer(
    cache,
    model.manifest,
    tokenizer,
    {
      label: tinyModelLabel(model.manifest),
      temperature: settings.temperature,
      seed: run.seed,
    },
    kit,
  );
  const judge =
    settings.judge === 'sprm'
      ? createSprmJudge(cache, model.manifest.name)
      : settings.judge === 'rule'
        ? kit.ruleJudge()
        : kit.createRolloutJudge(
            proposer,
            kit.game24Task,
            settings.rolloutK,
            (s) => s.numbers.length - 1,
          );
  return { proposer, judge, cache };
}
