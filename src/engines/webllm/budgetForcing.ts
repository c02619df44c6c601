/**
 * Budget forcing (s1: Simple test-time scaling, arXiv 2501.19393) on web-llm: control how long
 * a thinking model thinks by stopping its thinking at a token budget (cap) or by replacing the
 * end of its thinking with "Wait" so it goes on (extend), then asking for the answer.
 *
 * It uses web-llm's raw text completion, `engine.completions.create({ prompt })`, with the
 * chat template written by hand (budgetForcingPrompt.ts), because only a raw prompt lets the
 * model continue its own unfinished assistant text: a chat request must end with a user turn.
 * What @mlc-ai/web-llm 0.2.86 does with such a request (lib/index.js):
 * - `completions` exists on both engines: `MLCEngine` (18132) and `WebWorkerMLCEngine` (19629)
 *   set `this.completions = new Completions(this)`, whose `create` calls `engine.completion`
 *   (14445–14452); the worker forwards it as `completionStreamInit` (19889–19913, handler
 *   19355) and streams chunks like a chat stream.
 * - Every text completion starts afresh: `preparePrefillInput` resets the pipeline and
 *   prefills the whole prompt (19113–19117), so each continuation pays the prompt and the
 *   thinking so far again, as `usage.prompt_tokens` reports (the cost's `prefilled`).
 * - `stop` strings are added to the model's own (`stopStrs.concat`, 12537); a stop string
 *   cuts the text before it; the model's stop tokens (Qwen3's `<|im_end|>`) end it too
 *   (12544). `max_tokens` ends it with finish reason `length` (12574).
 * - `usage.completion_tokens` counts every sampled token, a final stop token included
 *   (12600, 18485): the tokens generated.
 *
 * The difference from s1's own code (vLLM, token ids): the thinking is passed back as text
 * and re-tokenized, so a token boundary at a cut may be split differently than sampled.
 */
import type { ThinkingTemplate } from './budgetForcingPrompt';
import { closeThinking, waitAfter } from './budgetForcingPrompt';
import type { ForcingEngine, Piece } from './budgetForcingStream';
import { streamOnce } from './budgetForcingStream';
import { isAbortError } from './errors';
import { watchdog } from './requests';
import type { Sampling } from './sampling';
import { NEUTRAL_SAMPLING, samplingFields, samplingProblems } from './sampling';
import { fnv1a } from './seeds';

export type { ForcingEngine } from './budgetForcingStream';

/** How long extend may go on: s1 suppresses the end of thinking a few times (Figure 4a). */
export const DEFAULT_MAX_WAITS = 6;
/** Tokens the answer after the thinking may take. */
export const DEFAULT_ANSWER_TOKENS = 128;

/** How one forced sample is drawn. */
export interface ForcingOptions {
  /** 'cap': thinking stops at the budget; 'extend': an early end becomes "Wait". */
  mode: 'cap' | 'extend';
  /** The thinking budget B in tokens, a whole number ≥ 1. */
  thinkingTokens: number;
  /** Extend only: at most this many "Wait"s (default {@link DEFAULT_MAX_WAITS}). */
  maxWaits?: number;
  /** Tokens for the answer (default {@link DEFAULT_ANSWER_TOKENS}). */
  answerTokens?: number;
  /** Sampling temperature, 0–2. */
  temperature: number;
  /**
   * Top-p and the penalties, sent with every request (default: top-p 1, no penalties):
   * web-llm would otherwise take each from the model's own config (sampling.ts).
   */
  sampling?: Sampling;
  /** The run seed (a whole number); each request's seed derives from it. */
  seed: number;
  signal?: AbortSignal | undefined;
  /** The assistant's text so far, as it streams. */
  onText?: (text: string) => void;
  /** The watchdog's limit (default: requests.ts `watchdog.stallMs`). */
  stallMs?: number;
}

/** What the prompt says: the template and the two turns. */
export interface ForcingPrompt {
  template: ThinkingTemplate;
  system: string;
  user: string;
}

/** One forced sample, or as far as it got. */
export interface ForcingTrace {
  /** The whole assistant text: the opening of thinking, the thinking with its Waits, the
   *  forced end with the answer prefix, and the answer. Model text, never HTML. */
  text: string;
  /** The thinking (without its opening and end), "Wait"s included. */
  thinking: string;
  /** What the model wrote after the answer prefix ('' until it answered). */
  answer: string;
  /** Tokens generated while thinking (≤ the budget). */
  thinkingTokens: number;
  answerTokens: number;
  /** All tokens generated (thinking + answer) and prefilled, over every request. */
  generated: number;
  prefilled: number;
  requests: number;
  /** "Wait"s appended. */
  waits: number;
  /** How the thinking ended: by the model, at the budget, or at the context window. */
  thinkingEnd: 'model' | 'budget' | 'context' | null;
  /** Whether the answer request finished. */
  answered: boolean;
  /** Sum and count of the sampled tokens' log-probabilities, as web-llm streamed them. */
  logProbSum: number;
  logProbCount: number;
}

/** A forced sample that failed or was stopped; `partial` holds the requests that finished. */
export class BudgetForcingError extends Error {
  constructor(
    message: string,
    readonly partial: ForcingTrace,
    readonly aborted: boolean,
    options?: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'BudgetForcingError';
  }
}

/** The options' problems in words, or [] when they are usable. */
export function checkForcingOptions(options: ForcingOptions): string[] {
  const problems: string[] = [];
  const whole = (x: unknown, min: number): boolean =>
    typeof x === 'number' && Number.isInteger(x) && x >= min;
  if (options.mode !== 'cap' && options.mode !== 'extend')
    problems.push('mode must be cap or extend');
  if (!whole(options.thinkingTokens, 1))
    problems.push('the thinking budget must be a whole number of tokens, at least 1');
  if (options.maxWaits !== undefined && !whole(options.maxWaits, 0))
    problems.push('maxWaits must be a whole number, at least 0');
  if (options.answerTokens !== undefined && !whole(options.answerTokens, 1))
    problems.push('answerTokens must be a whole number, at least 1');
  if (!(options.temperature >= 0 && options.temperature <= 2))
    problems.push('temperature must be between 0 and 2');
  if (!Number.isInteger(options.seed)) problems.push('seed must be a whole number');
  problems.push(...samplingProblems(options.sampling ?? NEUTRAL_SAMPLING));
  return problems;
}

/**
 * Draws one budget-forced sample (s1). Thinking is generated with `stop` at the end of
 * thinking and `max_tokens` = the budget left:
 * - cap: when the budget is used up, the end of thinking is forced; when the model ends its
 *   thinking before, that end stands;
 * - extend: when the model ends its thinking before the budget, its end is dropped, "Wait" is
 *   appended and it continues, up to `maxWaits` times; the budget still caps it.
 * Then the end of thinking and "Final Answer:" are appended and the model writes its answer.
 * @throws RangeError for unusable options; {@link BudgetForcingError} (with the partial
 *   trace) when a request fails, stalls or is aborted
 */
export async function forceBudget(
  engine: ForcingEngine,
  prompt: ForcingPrompt,
  options: ForcingOptions,
): Promise<ForcingTrace> {
  const problems = checkForcingOptions(options);
  if (problems.length > 0) throw new RangeError(`budget forcing: ${problems.join('; ')}`);
  const { template } = prompt;
  const base = template.prompt(prompt.system, prompt.user);
  const budget = options.thinkingTokens;
  const maxWaits = options.mode === 'extend' ? (options.maxWaits ?? DEFAULT_MAX_WAITS) : 0;
  const stallMs = options.stallMs ?? watchdog.stallMs;
  const trace: ForcingTrace = {
    text: template.thinkOpen,
    thinking: '',
    answer: '',
    thinkingTokens: 0,
    answerTokens: 0,
    generated: 0,
    prefilled: 0,
    requests: 0,
    waits: 0,
    thinkingEnd: null,
    answered: false,
    logProbSum: 0,
    logProbCount: 0,
  };
  const request = async (
    sent: string,
    maxTokens: number,
    stop: string[],
    what: string,
  ): Promise<Piece> => {
    const shown = trace.text;
    const piece = await streamOnce(
      engine,
      {
        prompt: base + sent,
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: maxTokens,
        temperature: options.temperature,
        ...samplingFields(options.sampling ?? NEUTRAL_SAMPLING),
        seed: fnv1a(`${options.seed}\u0000forcing\u0000${trace.requests}`) & 0x7fffffff,
        logprobs: true,
        top_logprobs: 1,
        ...(stop.length > 0 ? { stop } : {}),
      },
      what,
      { signal: options.signal, stallMs, onDelta: (text) => options.onText?.(shown + text) },
    );
    trace.requests++;
    trace.generated += piece.tokens;
    trace.prefilled += piece.prefilled;
    trace.logProbSum += piece.logProbSum;
    trace.logProbCount += piece.logProbCount;
    return piece;
  };
  try {
    for (;;) {
      const left = budget - trace.thinkingTokens;
      if (left <= 0) {
        trace.thinkingEnd = 'budget';
        break;
      }
      const piece = await request(trace.thinking, left, [template.thinkClose], 'thinking');
      trace.thinking += piece.text;
      trace.thinkingTokens += piece.tokens;
      trace.text = template.thinkOpen + trace.thinking;
      if (piece.finish === 'length') {
        trace.thinkingEnd = piece.tokens >= left ? 'budget' : 'context';
        break;
      }
      if (trace.waits < maxWaits && trace.thinkingTokens < budget) {
        trace.thinking += waitAfter(trace.thinking);
        trace.waits++;
        trace.text = template.thinkOpen + trace.thinking;
        continue;
      }
      trace.thinkingEnd = 'model';
      break;
    }
    const close = closeThinking(template, trace.thinking);
    trace.text = template.thinkOpen + trace.thinking + close;
    const answer = options.answerTokens ?? DEFAULT_ANSWER_TOKENS;
    const piece = await request(trace.thinking + close, answer, [], 'writing the answer');
    trace.answer = piece.text;
    trace.answerTokens = piece.tokens;
    trace.answered = true;
    trace.text += piece.text;
  } catch (error) {
    const aborted = isAbortError(error) || options.signal?.aborted === true;
    const message = error instanceof Error ? error.message : String(error);
    throw new BudgetForcingError(message, { ...trace }, aborted, { cause: error });
  }
  return trace;
}
