import type { EngineDefinition } from '../definition';
import { createSimulatedEngine } from './index';
import type { SimulatedEngineSettings } from './settings';
import { DEFAULT_SIMULATED_ENGINE, SIMULATED_TABLE } from './settings';

/** The simulated engine as the registry lists it. */
export const simulatedEngine: EngineDefinition<SimulatedEngineSettings> = {
  kind: 'simulated',
  label: 'Simulated engine — no language model',
  describe: () => 'Simulated engine — no language model',
  defaults: DEFAULT_SIMULATED_ENGINE,
  table: SIMULATED_TABLE,
  capabilities: {
    reproducible: true,
    linkable: true,
    simulated: true,
    logprobs: false,
    kvCacheProbe: false,
    parallelRequests: false,
  },
  // Every task has a rule verifier (on word problems it sees the arithmetic only).
  judgesFor: () => ['simulated-prm', 'rule', 'rollout'],
  create: (settings, task) => createSimulatedEngine(task, settings),
};
