/**
 * Reading numbers out of web-llm's log-probabilities: the self-judge's p(Yes) and p(No), and
 * a step's log-probability for PUCT priors.
 *
 * web-llm 0.2.86 computes `logprob` and `top_logprobs` from the *temperature-scaled*
 * distribution after the repetition, presence and frequency penalties and before top-p
 * (`LLMChatPipeline.sampleFromRawLogits` → `fsoftmaxWithTemperature`, with the temperature
 * floored at 1e-6; lib/index.js 13726–13812; see sampling.ts), and fills `logprobs.content`
 * only when `top_logprobs` > 0 (`if (logprobs && top_logprobs > 0)`): with `top_logprobs` 0 or
 * absent the content is empty.
 */
import type { ChatCompletion, ChatCompletionTokenLogprob, TopLogprob } from '@mlc-ai/web-llm';

/** The self-judge's reading of one answer token. */
export interface YesNo {
  /** Summed probability of every Yes-like token among the top ones. */
  pYes: number;
  /** Summed probability of every No-like token among the top ones. */
  pNo: number;
  /** pYes / (pYes + pNo); 0.5 when neither appears among the top tokens. */
  score: number;
}

/** A judge asked for log-probabilities and got none: a setup error, never a score of 0.5. */
export class MissingLogprobsError extends Error {
  override name = 'MissingLogprobsError';
  /** @param what what had no log-probabilities: 'the judge answer' or 'a step' */
  constructor(what = 'the judge answer') {
    super(
      `The model returned no log-probabilities for ${what}. The request needs ` +
        'logprobs: true and top_logprobs of 1 to 5 (web-llm returns none when top_logprobs is 0).',
    );
  }
}

/**
 * A token as a word: byte-level BPE's space mark `Ġ`, SentencePiece's `▁`, spaces, trailing
 * punctuation (`.`, `,`, `!`, `:`) and case are ignored. `" Yes"`, `"ĠYes"`, `"▁yes"`, `"YES."`
 * all read as "yes".
 */
export function normaliseToken(token: string): string {
  return token
    .replace(/^[\sĠ▁]+/u, '')
    .replace(/[\s.,!:]+$/u, '')
    .toLowerCase();
}

/**
 * p(Yes) and p(No) from the top tokens at one position: the probabilities of every token that
 * reads as "yes" (or "no") are summed, so `Yes` and ` Yes` both count.
 * @example
 * yesNo([{ token: 'Yes', logprob: Math.log(0.8) }, { token: 'No', logprob: Math.log(0.2) }]);
 * // {pYes: 0.8, pNo: 0.2, score: 0.8}
 */
export function yesNo(top: readonly Pick<TopLogprob, 'token' | 'logprob'>[]): YesNo {
  let pYes = 0;
  let pNo = 0;
  for (const { token, logprob } of top) {
    const p = Number.isNaN(logprob) ? 0 : Math.exp(logprob);
    const word = normaliseToken(token);
    if (word === 'yes') pYes += p;
    else if (word === 'no') pNo += p;
  }
  const total = pYes + pNo;
  return { pYes, pNo, score: total > 0 ? pYes / total : 0.5 };
}

/**
 * The self-judge's reading of a completion: `yesNo` over the first generated token's
 * `top_logprobs`.
 * @throws MissingLogprobsError when the completion carries no log-probabilities
 */
export function judgeFromCompletion(completion: ChatCompletion): YesNo {
  const first = completion.choices[0]?.logprobs?.content?.[0];
  if (first === undefined || first.top_logprobs.length === 0) throw new MissingLogprobsError();
  return yesNo(first.top_logprobs);
}

/** A generated text's log-probability, from the entries web-llm streamed for it. */
export interface StepLogProb {
  /** Sum of the entries' log-probabilities. */
  sum: number;
  /** Number of entries summed. */
  count: number;
  /** Mean log-probability per token (0 for no entries). */
  mean: number;
}

/** Sums the sampled tokens' log-probabilities. */
export function stepLogProb(
  entries: readonly Pick<ChatCompletionTokenLogprob, 'logprob'>[],
): StepLogProb {
  const sum = entries.reduce((s, e) => s + e.logprob, 0);
  return { sum, count: entries.length, mean: entries.length > 0 ? sum / entries.length : 0 };
}

/**
 * The `logProb` a {@link ProposedStep} reports for `tokens` generated tokens: the mean
 * log-probability per streamed token times `tokens`. The core's `stepPriors` divides
 * `logProb` by `tokens` (a softmax over mean log-probability per token), so the priors are
 * length-normalised; when every token's entry arrived this is exactly the sum, and when web-llm
 * skipped a chunk (a partial UTF-8 character) the mean is still right.
 */
export function reportedLogProb(lp: StepLogProb, tokens: number): number {
  return lp.mean * tokens;
}
