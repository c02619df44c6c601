/**
 * The server engine's settings (kind 'server'): how a run uses a connected server. The address
 * and the API key are not settings: they belong to the connection, are kept in memory only,
 * and never enter a link, a run file or the library. The bounds live in {@link SERVER_BOUNDS}
 * (one table for the form, the URL codec and the schema, when the lead wires them).
 */
import { z } from 'zod';
import type { ServerFamily } from './families';
import { SERVER_FAMILIES } from './families';
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

/** The bounds of every number, in one place. */
export const SERVER_BOUNDS = {
  rolloutK: { min: 1, max: 16 },
  temperature: { min: 0, max: 2 },
  maxStepTokens: { min: 1, max: 4096 },
  concurrency: { min: 1, max: 64 },
  timeoutMs: { min: 1000, max: 600_000 },
  retries: { min: 0, max: 8 },
  delimiterLength: { max: 20 },
  modelLength: { max: 300 },
} as const;

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

const B = SERVER_BOUNDS;
const int = (b: { min: number; max: number }) => z.number().int().min(b.min).max(b.max);

/** The settings' schema (for the run file's engine union, when the lead adds it). */
export const serverEngineSettingsSchema = z.object({
  kind: z.literal('server'),
  family: z.enum(SERVER_FAMILIES as [ServerFamily, ...ServerFamily[]]),
  model: z.string().max(B.modelLength.max),
  judge: z.enum(['self', 'rollout', 'rule']),
  rolloutK: int(B.rolloutK),
  temperature: z.number().min(B.temperature.min).max(B.temperature.max),
  maxStepTokens: int(B.maxStepTokens),
  delimiter: z.string().max(B.delimiterLength.max),
  promptFormat: z.enum(['auto', 'chat', 'plain', 'chatml', 'llama3']),
  concurrency: int(B.concurrency),
  timeoutMs: int(B.timeoutMs),
  retries: int(B.retries),
});

/** The settings' problems in words, or [] when they are usable for `task`. */
export function checkServerSettings(
  task: 'game24' | 'word-problems',
  settings: ServerEngineSettings,
): string[] {
  const parsed = serverEngineSettingsSchema.safeParse(settings);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (settings.judge === 'rule' && task !== 'game24') {
    problems.push('the rule judge exists only for Game of 24');
  }
  if (settings.model === '') problems.push('no model chosen');
  return problems;
}
