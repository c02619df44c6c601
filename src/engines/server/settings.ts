/**
 * The server engine's settings (kind 'server'): how a run uses a connected server. The address
 * and the API key are not settings: they belong to the connection, are kept in memory only,
 * and never enter a link, a run file or the library. The bounds live in {@link SERVER_TABLE}.
 */
import type { SettingsTable } from '../../core/settings/table';
import { checkValues } from '../../core/settings/table';
import type { AnyTaskEntry } from '../../core/tasks/entry';
import type { ServerFamily } from './families';
import { FAMILIES, SERVER_FAMILIES } from './families';
import type { PromptFormat } from './prompts';

export interface ServerEngineSettings {
  kind: 'server';
  /** The family detected at connect (recorded, so a run says what wrote it). */
  family: ServerFamily;
  /** The model id from `GET /v1/models`. */
  model: string;
  /**
   * 'self': the model asked whether the last step is correct, p(Yes)/(p(Yes)+p(No)) from the
   * first token's top log-probabilities; 'rollout': the share of k completions reaching the
   * answer; 'rule': Game of 24's exact check.
   */
  judge: 'self' | 'rollout' | 'rule';
  /** Completions per step for the rollout judge. */
  rolloutK: number;
  /** Sampling temperature for steps and rollouts. */
  temperature: number;
  /** A step longer than this many tokens is cut there. */
  maxStepTokens: number;
  /** Where a step ends: a blank line by default. */
  delimiter: string;
  /** 'auto': raw completions with the model's template where the family allows, else chat. */
  promptFormat: PromptFormat | 'auto';
  /** Requests in flight together (a server batches them); 1 is one at a time. */
  concurrency: number;
  /** A request that sends nothing for this long fails (ms). */
  timeoutMs: number;
  /** Retries of a 429/503 answer. */
  retries: number;
}

/**
 * The server engine's settings, described once: the form, the run file's schema and the
 * bounds (a link never carries a server run: it travels as a file, without address or key).
 */
export const SERVER_TABLE: SettingsTable<Omit<ServerEngineSettings, 'kind'>> = {
  family: {
    type: 'choice',
    label: 'Server family',
    options: SERVER_FAMILIES.map((f) => ({ value: f, label: FAMILIES[f].label })),
    // Detected when connecting, not chosen.
    shown: () => false,
  },
  model: { type: 'text', label: 'Model', maxLength: 300, shown: () => false },
  judge: {
    type: 'choice',
    label: 'Judge (PRM)',
    options: [
      {
        value: 'self',
        label: 'Self-judge (same model, p(Yes))',
        hint: 'The model is asked "is the last step correct?"; score = p(Yes) / (p(Yes) + p(No)) from its log-probabilities.',
      },
      {
        value: 'rollout',
        label: 'Rollout value (k completions)',
        hint: 'k completions from the step, sent together; score = share that reach the answer (or the majority).',
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
  promptFormat: {
    type: 'choice',
    label: 'Prompt layout',
    options: [
      { value: 'auto', label: 'Automatic (raw template where the family allows, else chat)' },
      { value: 'chat', label: 'Chat messages (the server applies the template)' },
      { value: 'plain', label: 'Plain text' },
      { value: 'chatml', label: 'ChatML (Qwen and others)' },
      { value: 'llama3', label: 'Llama 3' },
    ],
  },
  concurrency: {
    type: 'number',
    label: 'Requests in flight',
    min: 1,
    max: 64,
    integer: true,
    hint: 'Independent requests sent together (a server batches them); the run is the same at any number.',
  },
  timeoutMs: {
    type: 'number',
    label: 'Request timeout (ms)',
    min: 1000,
    max: 600_000,
    integer: true,
    hint: 'A request that sends nothing for this long fails the run (Continue resumes it).',
  },
  retries: {
    type: 'number',
    label: 'Retries of a busy server (429/503)',
    min: 0,
    max: 8,
    integer: true,
  },
};

export const DEFAULT_SERVER_ENGINE: ServerEngineSettings = {
  kind: 'server',
  family: 'openai',
  model: '',
  judge: 'self',
  rolloutK: 4,
  temperature: 0.7,
  maxStepTokens: 96,
  delimiter: '\n\n',
  promptFormat: 'auto',
  concurrency: 8,
  timeoutMs: 60_000,
  retries: 4,
};

/** The settings' problems in words, or [] when they are usable for `task`. */
export function checkServerSettings(task: AnyTaskEntry, settings: ServerEngineSettings): string[] {
  const problems = checkValues(SERVER_TABLE, settings);
  if (settings.judge === 'rule' && task.rule.sees !== 'exact') {
    problems.push(`${task.label} has no exact rule verifier: use the self or rollout judge`);
  }
  if (settings.model === '') problems.push('no model chosen');
  return problems;
}
