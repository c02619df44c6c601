import type { SettingsTable } from '../../core/settings/table';

/**
 * A language model on the user's GPU through web-llm. The model itself is loaded separately
 * (it is hundreds of megabytes); these settings say how the search uses it.
 */
export interface WebLlmEngineSettings {
  kind: 'webllm';
  /** The web-llm model id (a prebuilt record or the user's custom one). */
  modelId: string;
  /**
   * 'self': the same model asked whether the last step is correct, scored p(Yes)/(p(Yes)+p(No));
   * 'rollout': share of k completions that reach the answer; 'rule': the task's exact check.
   */
  judge: 'self' | 'rollout' | 'rule';
  /** Completions per step for the rollout judge. */
  rolloutK: number;
  /**
   * Sampling temperature for steps and rollouts (the self-judge reads its probabilities at
   * temperature 1: judges.ts says why).
   */
  temperature: number;
  /** A step longer than this many tokens is cut there. */
  maxStepTokens: number;
  /** Where a step ends: a blank line by default. */
  delimiter: string;
  /** Order independent requests so that they extend the model's cached conversation. */
  cacheAware: boolean;
}

/** Where a freshly loaded model starts. */
export const DEFAULT_WEBLLM_ENGINE: WebLlmEngineSettings = {
  kind: 'webllm',
  modelId: '',
  judge: 'self',
  rolloutK: 4,
  temperature: 0.7,
  maxStepTokens: 96,
  delimiter: '\n\n',
  cacheAware: true,
};

/** The web-llm engine's settings, described once (form, run file; a link never carries them). */
export const WEBLLM_TABLE: SettingsTable<Omit<WebLlmEngineSettings, 'kind'>> = {
  // Set by loading a model in the Model panel, not typed.
  modelId: { type: 'text', label: 'Model', maxLength: 300, shown: () => false },
  judge: {
    type: 'choice',
    label: 'Judge (PRM)',
    options: [
      {
        value: 'self',
        label: 'Self-judge (same model, p(Yes))',
        hint: 'The same model is asked "is the last step correct?"; score = p(Yes) / (p(Yes) + p(No)).',
      },
      {
        value: 'rollout',
        label: 'Rollout value (k completions)',
        hint: 'k completions from the step; score = share that reach the answer (or the majority).',
      },
      {
        value: 'rule',
        label: 'Rule verifier (exact)',
        hint: 'Exact check of the step (Game of 24 only).',
      },
    ],
  },
  rolloutK: {
    type: 'number',
    label: 'Rollouts per step (k)',
    min: 1,
    max: 16,
    integer: true,
    hint: 'Each rollout is a full completion: k times the work per step.',
    shown: (s) => s.judge === 'rollout',
  },
  temperature: {
    type: 'number',
    label: 'Temperature',
    min: 0,
    max: 2,
    step: 0.1,
    hint: '0 always writes the likeliest step; higher gives more varied siblings.',
  },
  maxStepTokens: {
    type: 'number',
    label: 'Per-step token limit',
    min: 1,
    max: 4096,
    integer: true,
    hint: 'A step still going at this many tokens is cut there.',
  },
  delimiter: { type: 'text', label: 'Step delimiter', maxLength: 20 },
  cacheAware: {
    type: 'boolean',
    label: 'Cache-aware ordering',
    hint: 'Continue the conversation the model already holds first; fewer tokens re-read, same choices.',
  },
};
