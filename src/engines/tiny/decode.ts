/**
 * Writing steps with the tiny model: one step is tokens up to the step-end token `)\n`
 * (or `max_step_tokens`), chosen by a picker from each next-token distribution, with its
 * log-probability and the SPRM head's score from the same forward passes.
 */
import type { TinyForward, TinyKv } from './forward';
import type { TinyManifest } from './manifest';
import type { TinyTokenizer } from './tokenizer';

/** Where a line stands: the KV cache of its tokens and the logits after the last one. */
export interface TinyCursor {
  kv: TinyKv;
  /** Next-token logits (vocab floats). */
  logits: Float32Array;
}

export interface TinyStep {
  /** The step's text without its newline, as the task reads it: `8 - 4 = 4 (left: 6 8 4)`. */
  text: string;
  ids: number[];
  /** Sum of the chosen tokens' log-probabilities (at temperature 1). */
  logprob: number;
  /** The SPRM head's score at the step's last token. */
  sprm: number;
  /** Whether it ended with the step-end token (else it ran out of tokens or context). */
  ended: boolean;
  after: TinyCursor;
}

/** Picks the next token from logits (greedy, or a seeded sample at a temperature). */
export type TokenPicker = (logits: Float32Array) => number;

/** log-softmax of logits at index i. */
export function logSoftmaxAt(logits: Float32Array, i: number): number {
  let max = -Infinity;
  for (const x of logits) if (x > max) max = x;
  let sum = 0;
  for (const x of logits) sum += Math.exp(x - max);
  return (logits[i] ?? -Infinity) - max - Math.log(sum);
}

/** The index of the largest logit (the first on a tie). */
export const greedy: TokenPicker = (logits) => {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if ((logits[i] ?? 0) > (logits[best] ?? 0)) best = i;
  return best;
};

/** The cursor after the prompt for these numbers (one forward pass over it). */
export async function startLine(
  forward: TinyForward,
  tokenizer: TinyTokenizer,
  numbers: readonly number[],
  vocab: number,
): Promise<TinyCursor> {
  const ids = tokenizer.prompt(numbers);
  const out = await forward(ids, null);
  return { kv: out.kv, logits: out.logits.slice((ids.length - 1) * vocab) };
}

/** The cursor after feeding `ids` (a step written elsewhere) from `cursor`. */
export async function feed(
  forward: TinyForward,
  cursor: TinyCursor,
  ids: readonly number[],
  vocab: number,
): Promise<{ cursor: TinyCursor; sprm: Float32Array }> {
  const out = await forward(ids, cursor.kv);
  return {
    cursor: { kv: out.kv, logits: out.logits.slice((ids.length - 1) * vocab) },
    sprm: out.sprm,
  };
}

/** Writes one step from `cursor`, one token per forward pass (the cache holds the rest). */
export async function writeStep(
  forward: TinyForward,
  manifest: TinyManifest,
  tokenizer: TinyTokenizer,
  cursor: TinyCursor,
  pick: TokenPicker,
): Promise<TinyStep> {
  const { step_end_id: end, max_step_tokens: maxTokens } = manifest.format;
  const ids: number[] = [];
  let logprob = 0;
  let sprm = 0;
  let at = cursor;
  while (ids.length < maxTokens && at.kv.length < manifest.shapes.max_len) {
    const id = pick(at.logits);
    logprob += logSoftmaxAt(at.logits, id);
    ids.push(id);
    const out = await forward([id], at.kv);
    at = { kv: out.kv, logits: out.logits };
    sprm = out.sprm[0] ?? 0;
    if (id === end) break;
  }
  const ended = ids[ids.length - 1] === end;
  const text = tokenizer.decode(ids).replace(/\n$/, '');
  return { text, ids, logprob, sprm, ended, after: at };
}
