import type { EngineDefinition, EngineParts } from '../definition';
import { deferredTinyEngine } from './deferred';
import { TINY_ENGINE_LABEL, TINY_WORD_PROBLEMS } from './labels';
import { tinySession } from './session';
import type { TinyEngineSettings } from './settings';
import { DEFAULT_TINY_ENGINE, TINY_TABLE } from './settings';

export { TINY_ENGINE_LABEL, TINY_WORD_PROBLEMS } from './labels';

/**
 * The tiny model engine as the registry lists it: Arbor's own small transformer, shipped
 * with the app and loaded on demand (`tinySession`), its SPRM head (MetaStone-S1's
 * shared-backbone process reward model), the exact rule or rollouts as judge, and a
 * prefix-tree KV cache it reports to the cache-aware scheduler. Nothing of the model or its
 * runtime is imported here: the parts load at the run's first call (`deferred.ts`).
 */
export const tinyEngine: EngineDefinition<TinyEngineSettings> = {
  kind: 'tiny',
  label: TINY_ENGINE_LABEL,
  describe: () => {
    const s = tinySession.status();
    return s.phase === 'ready'
      ? `${TINY_ENGINE_LABEL} — ${s.name} (sha256 ${s.sha256.slice(0, 12)}…)`
      : TINY_ENGINE_LABEL;
  },
  defaults: DEFAULT_TINY_ENGINE,
  table: TINY_TABLE,
  capabilities: {
    // Seeded per path, so the same settings make the same run, but only once the model has
    // loaded: a lab point or Continue goes through the loaded model like any model's.
    reproducible: false,
    // The model ships with the app: a link names the run, and the page loads the model.
    linkable: true,
    simulated: false,
    logprobs: true,
    kvCacheProbe: true,
    parallelRequests: false,
  },
  judgesFor: (task) => (task.id === 'game24' ? ['sprm', 'rule', 'rollout'] : []),
  taskProblem: (task) => (task.id === 'game24' ? null : TINY_WORD_PROBLEMS),
  judgeNames: { sprm: 'the SPRM head' },
  model: () => {
    const manifest = tinySession.current()?.manifest;
    return manifest ? { name: manifest.name, sha256: manifest.sha256 } : null;
  },
  create(settings, task, run) {
    if (task.id !== 'game24') throw new Error(TINY_WORD_PROBLEMS);
    // Game of 24 is the only task it takes, so its parts are that task's.
    return deferredTinyEngine(settings, run) as unknown as EngineParts<never, never>;
  },
};
