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
   * Sampling temperature for steps and rollouts. The self-judge reads p(Yes) at temperature 1
   * whatever this is (judges.ts: at 0 its log-probabilities would be 0 and −∞).
   */
  temperature: number;
  /**
   * Top-p and penalties for steps and rollouts, always sent: web-llm takes any it is not sent
   * from the model's own config. PUCT priors are read before top-p and after the penalties,
   * so they are the sampling probabilities only at top-p 1 with no penalties (the defaults).
   */
  topP: number;
  repetitionPenalty: number;
  presencePenalty: number;
  frequencyPenalty: number;
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
  topP: 1,
  repetitionPenalty: 1,
  presencePenalty: 0,
  frequencyPenalty: 0,
  maxStepTokens: 96,
  delimiter: '\n\n',
  cacheAware: true,
};

/** The sampling settings folded under one label, with why their defaults matter. */
const SAMPLING = {
  label: 'Top-p and penalties',
  hint: "PUCT priors are the model's probabilities after the penalties and before top-p: at top-p 1 with no penalties (the defaults) they are what the steps were sampled from.",
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
  topP: {
    type: 'number',
    label: 'Top-p',
    min: 0.01,
    max: 1,
    step: 0.05,
    hint: '1 samples from every token; lower keeps only the likeliest ones.',
    group: SAMPLING,
    // Files written before these were settings (issue 17) open with the neutral values; those
    // runs sampled with whatever the model's own config said, which the file never recorded.
    whenMissing: 1,
  },
  repetitionPenalty: {
    type: 'number',
    label: 'Repetition penalty',
    min: 0.01,
    max: 2,
    step: 0.05,
    hint: '1 is none; above 1 makes a token already in the step less likely.',
    group: SAMPLING,
    whenMissing: 1,
  },
  presencePenalty: {
    type: 'number',
    label: 'Presence penalty',
    min: -2,
    max: 2,
    step: 0.1,
    hint: '0 is none; subtracted once from a token already in the step.',
    group: SAMPLING,
    whenMissing: 0,
  },
  frequencyPenalty: {
    type: 'number',
    label: 'Frequency penalty',
    min: -2,
    max: 2,
    step: 0.1,
    hint: '0 is none; subtracted for every time a token is already in the step.',
    group: SAMPLING,
    whenMissing: 0,
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
    hint: "Continue the conversation the model already holds first: fewer tokens re-read, but it may change the model's answers on web-llm.",
    more: "web-llm keeps one conversation in its KV cache and reuses it only when the next request continues it. With this on, among requests the search may take in any order, the one that continues the cached path goes first, so less text is read again (prefilled). The search's rules are the same either way, but web-llm's continued conversation is not quite the text a fresh read sees (it lacks the end of the last reply), so this order may change the model's answers. Off: the naive order.",
  },
};
