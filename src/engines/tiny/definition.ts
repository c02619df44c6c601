import type { EngineDefinition, EngineParts } from '../definition';
import { createTinyEngine } from './engine';
import { tinySession } from './session';
import type { TinyEngineSettings } from './settings';
import { DEFAULT_TINY_ENGINE, TINY_TABLE } from './settings';

/** What the UI calls the tiny engine (never "simulated": a real model writes every token). */
export const TINY_ENGINE_LABEL =
  'Tiny model — 0.8M parameters, trained on Game of 24, runs in your browser';

/** Why the tiny model cannot run a task other than Game of 24. */
export const TINY_WORD_PROBLEMS =
  'The tiny model was trained on Game of 24 only: word problems need a larger model (web-llm or a server).';

/**
 * The tiny model engine as the registry lists it: the model loaded in `tinySession`, its
 * SPRM head (MetaStone-S1's shared-backbone process reward model), the exact rule or rollouts
 * as judge, and a prefix-tree KV cache it reports to the cache-aware scheduler.
 */
export const tinyEngine: EngineDefinition<TinyEngineSettings> = {
  kind: 'tiny',
  label: TINY_ENGINE_LABEL,
  describe: () => {
    const m = tinySession.current()?.manifest;
    return m
      ? `${TINY_ENGINE_LABEL} — ${m.name} (sha256 ${m.sha256.slice(0, 12)})`
      : TINY_ENGINE_LABEL;
  },
  defaults: DEFAULT_TINY_ENGINE,
  table: TINY_TABLE,
  capabilities: {
    // Seeded per path, but only with the model loaded (a link alone does not re-make it).
    reproducible: false,
    simulated: false,
    logprobs: true,
    kvCacheProbe: true,
    parallelRequests: false,
  },
  judgesFor: (task) => (task.id === 'game24' ? ['sprm', 'rule', 'rollout'] : []),
  taskProblem: (task) => (task.id === 'game24' ? null : TINY_WORD_PROBLEMS),
  judgeNames: { sprm: 'the SPRM head' },
  create(settings, task, run) {
    if (task.id !== 'game24') throw new Error(TINY_WORD_PROBLEMS);
    const model = tinySession.current();
    if (!model) {
      throw new Error('The tiny model is not loaded yet: choose it in the Engine settings.');
    }
    return createTinyEngine(model, settings, { seed: run.seed }) as unknown as EngineParts<
      never,
      never
    >;
  },
};
