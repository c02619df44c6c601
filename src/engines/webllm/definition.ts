import type { EngineDefinition } from '../definition';
import { modelSession } from './session';
import type { WebLlmEngineSettings } from './settings';
import { DEFAULT_WEBLLM_ENGINE, WEBLLM_TABLE } from './settings';

/**
 * The web-llm engine as the registry lists it: the model loaded in the Model panel
 * (`modelSession`), asked one request at a time; it says what its KV cache holds.
 */
export const webLlmEngine: EngineDefinition<WebLlmEngineSettings> = {
  kind: 'webllm',
  label: 'Language model (web-llm)',
  describe: (s) => `Language model on your GPU — ${s.modelId || 'no model chosen'}`,
  defaults: DEFAULT_WEBLLM_ENGINE,
  table: WEBLLM_TABLE,
  capabilities: {
    reproducible: false,
    linkable: false,
    simulated: false,
    logprobs: true,
    kvCacheProbe: true,
    parallelRequests: false,
  },
  judgesFor: (task) =>
    task.rule.sees === 'exact' ? ['self', 'rollout', 'rule'] : ['self', 'rollout'],
  create(settings, task, run) {
    const loaded = modelSession.current();
    if (!loaded) {
      throw new Error(
        'No model is loaded: choose one in the Model panel, or use the simulated engine.',
      );
    }
    if (settings.modelId !== '' && loaded.modelId !== settings.modelId) {
      throw new Error(
        `These settings ask for ${settings.modelId}, but ${loaded.modelId} is loaded: load it, or reset the run to use the loaded model.`,
      );
    }
    const live = loaded.createEngine(
      loaded.engine,
      task,
      {
        judge: settings.judge,
        rolloutK: settings.rolloutK,
        temperature: settings.temperature,
        sampling: {
          topP: settings.topP,
          repetitionPenalty: settings.repetitionPenalty,
          presencePenalty: settings.presencePenalty,
          frequencyPenalty: settings.frequencyPenalty,
        },
        maxStepTokens: settings.maxStepTokens,
        delimiter: settings.delimiter,
        seed: run.seed,
        label: loaded.modelId,
        // Qwen3 thinks at length before a step unless told not to; a step is the thought here.
        ...(/qwen3/i.test(loaded.modelId) ? { thinking: false } : {}),
      },
      modelSession.hooks,
      modelSession.gate,
    );
    return { ...live, schedule: settings.cacheAware ? 'cache-aware' : 'naive' };
  },
};
