import type { EngineDefinition } from '../definition';
import { modelSession } from '../webllm/session';
import { FAMILIES } from './families';
import { serverSession } from './session';
import type { ServerEngineSettings } from './settings';
import { DEFAULT_SERVER_ENGINE, SERVER_TABLE } from './settings';

/**
 * An OpenAI-compatible server (vLLM, SGLang, llama.cpp, Ollama) as the registry lists it: the
 * server connected in the Server panel (`serverSession`); independent requests go in flight
 * together up to the settings' concurrency, and Pause holds them at the same gate as a model's.
 */
export const serverEngine: EngineDefinition<ServerEngineSettings> = {
  kind: 'server',
  label: 'Model on a server (OpenAI-compatible)',
  describe: (s) => `${s.model || 'no model chosen'} on ${FAMILIES[s.family].label}`,
  defaults: DEFAULT_SERVER_ENGINE,
  table: SERVER_TABLE,
  capabilities: {
    reproducible: false,
    linkable: false,
    simulated: false,
    logprobs: true,
    kvCacheProbe: false,
    parallelRequests: true,
  },
  judgesFor: (task) =>
    task.rule.sees === 'exact' ? ['self', 'rollout', 'rule'] : ['self', 'rollout'],
  // A server batches independent requests: the lab keeps as many runs going as requests.
  runsAtOnce: (s) => s.concurrency,
  lastRecording: () => serverSession.recording(),
  create(settings, task, run) {
    const client = serverSession.current();
    const createServerEngine = serverSession.create();
    if (!client || !createServerEngine) {
      throw new Error(
        'No server is connected: connect one in the Server panel, or use the simulated engine.',
      );
    }
    const engine = createServerEngine(client, settings, task, {
      seed: run.seed,
      gate: modelSession.gate,
      hooks: serverSession.hooks,
    });
    serverSession.started(engine as never);
    return { proposer: engine.proposer, judge: engine.judge, concurrency: engine.concurrency };
  },
};
