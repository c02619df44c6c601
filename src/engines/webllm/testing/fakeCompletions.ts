/**
 * A stand-in for web-llm's raw text completion in tests (budget forcing): exactly the part of
 * `MLCEngineInterface` budgetForcing.ts calls (`completions.create`, `interruptGenerate`),
 * typed with web-llm's own exported types. `completions` is web-llm's real `Completions`
 * class, which forwards `create` to `engine.completion` (lib/index.js 14445–14452).
 *
 * It behaves as @mlc-ai/web-llm 0.2.86 does for a text completion (lib/index.js):
 * - every request starts afresh and prefills the whole prompt (`preparePrefillInput`,
 *   19113–19117): `usage.prompt_tokens` is the prompt's token count;
 * - generation token by token: a stop string from `stop` cuts the text before it (12537,
 *   12560–12571); a model stop token (`<|im_end|>`, `<|endoftext|>`) or the end of the
 *   scripted text (an end-of-sequence token) ends it, is not in the text but counts in
 *   `completion_tokens` (12544–12548, 12600); `max_tokens` ends it with `length` (12574);
 * - chunks are `text_completion` objects: text deltas, then the finish reason, then usage
 *   when `stream_options.include_usage` (18387–18505);
 * - an interrupt raised during a generation ends it with `abort`; one raised before it is
 *   forgotten (the engine clears its flag when a request starts).
 */
import { Completions } from '@mlc-ai/web-llm';
import type {
  ChatCompletionFinishReason,
  Completion,
  CompletionCreateParams,
  MLCEngineInterface,
} from '@mlc-ai/web-llm';
import type { ForcingEngine } from '../budgetForcing';
import { cutAtStop, fakeTokenize } from './fakeEngine';

/** The thinking model's special tokens, each one token (as in Qwen3's tokenizer). */
export const SPECIAL_TOKENS = [
  '<|im_start|>',
  '<|im_end|>',
  '<|endoftext|>',
  '<think>',
  '</think>',
];
/** Special tokens that end a reply (Qwen3's `stop_token_ids`). */
export const STOP_TOKENS = ['<|im_end|>', '<|endoftext|>'];

const SPECIAL = /<\|im_start\|>|<\|im_end\|>|<\|endoftext\|>|<think>|<\/think>/g;

/** The fake's tokenizer: special tokens whole, the rest as `fakeTokenize`. */
export function thinkerTokenize(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(SPECIAL)) {
    out.push(...fakeTokenize(text.slice(from, m.index)), m[0]);
    from = m.index + m[0].length;
  }
  out.push(...fakeTokenize(text.slice(from)));
  return out;
}

/** What the model writes after `prompt` if nothing stops it (the `call`-th request, 1-based). */
export type ThinkerScript = (prompt: string, call: number) => string;

export interface FakeThinkerOptions {
  script: ThinkerScript;
  /** The call whose `create` rejects. */
  throwOnCall?: number;
  /** The call whose stream throws after this many tokens. */
  breakOnCall?: { call: number; afterTokens: number };
  /** The call that, after its first token, waits until interrupted. */
  hangOnCall?: number;
  /**
   * The context window: a longer prompt fails at prefill, and generation ends with `length`
   * when prompt and output fill it (web-llm's stop condition 4, `ContextWindowSizeExceededError`).
   */
  contextWindow?: number;
  /** Log-probability of every sampled token (default −0.25). */
  tokenLogprob?: number;
}

/** What the fake saw and did for one request. */
export interface FakeCompletionCall {
  request: CompletionCreateParams;
  promptTokens: number;
  completionTokens: number;
  output: string;
  finishReason: ChatCompletionFinishReason | null;
}

/** A typed fake of web-llm's engine for raw text completion. */
export class FakeThinker implements ForcingEngine {
  readonly completions: Completions;
  readonly calls: FakeCompletionCall[] = [];
  interrupts = 0;
  private interruptFlag = false;
  private wake: (() => void) | null = null;

  constructor(private readonly options: FakeThinkerOptions) {
    const forward = { completion: (r: CompletionCreateParams) => this.completion(r) };
    this.completions = new Completions(forward as unknown as MLCEngineInterface);
  }

  interruptGenerate(): void {
    this.interrupts++;
    this.interruptFlag = true;
    this.wake?.();
  }

  /** `MLCEngineInterface.completion`. */
  completion(request: CompletionCreateParams): Promise<AsyncIterable<Completion> | Completion> {
    const callNo = this.calls.length + 1;
    try {
      this.check(request);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const call: FakeCompletionCall = {
      request: structuredClone(request),
      promptTokens: thinkerTokenize(request.prompt).length,
      completionTokens: 0,
      output: '',
      finishReason: null,
    };
    this.calls.push(call);
    if (this.options.throwOnCall === callNo) {
      return Promise.reject(new Error(`fake engine: scripted failure on call ${callNo}`));
    }
    if (!request.stream) return Promise.reject(new Error('the fake streams only'));
    return Promise.resolve(this.stream(request, call, callNo));
  }

  /** The checks web-llm makes (postInitAndCheckFields for completions, processNextToken). */
  private check(request: CompletionCreateParams): void {
    if ('messages' in request) throw new Error('a chat request sent to completions');
    if (typeof request.prompt !== 'string')
      throw new Error('Text completion requires a string prompt');
    for (const field of ['suffix', 'user', 'best_of']) {
      if (field in request) throw new Error(`unsupported field ${field}`);
    }
    if (request.stream_options && !request.stream) throw new Error('stream_options needs stream');
    if (request.seed !== undefined && request.seed !== null && !Number.isInteger(request.seed)) {
      throw new Error('seed must be an integer');
    }
    const max = request.max_tokens;
    if (max !== undefined && max !== null && !(max > 0)) throw new Error('max_tokens must be > 0');
  }

  private async hang(): Promise<void> {
    if (this.interruptFlag) return;
    await new Promise<void>((resolve) => {
      this.wake = resolve;
    });
    this.wake = null;
  }

  private async *stream(
    request: CompletionCreateParams,
    call: FakeCompletionCall,
    callNo: number,
  ): AsyncGenerator<Completion> {
    this.interruptFlag = false;
    const window = this.options.contextWindow ?? Infinity;
    if (call.promptTokens > window) {
      throw new Error(
        `Prompt tokens exceed context window size: number of prompt tokens: ${call.promptTokens}; context window size: ${window}`,
      );
    }
    const tokens = thinkerTokenize(this.options.script(request.prompt, callNo));
    const stops =
      request.stop == null ? [] : typeof request.stop === 'string' ? [request.stop] : request.stop;
    const max = request.max_tokens ?? Infinity;
    const base = {
      id: `fake-${callNo}`,
      model: 'fake-thinker',
      object: 'text_completion' as const,
      created: 0,
    };
    const logprob = this.options.tokenLogprob ?? -0.25;
    const out: string[] = [];
    let sent = 0;
    for (let i = 0; ; i++) {
      const token = tokens[i];
      call.completionTokens++;
      const entry = { token: token ?? '</s>', bytes: [], logprob, top_logprobs: [] };
      const logprobs = request.logprobs ? { content: [entry] } : null;
      if (token === undefined || STOP_TOKENS.includes(token)) {
        call.finishReason = 'stop';
        yield { ...base, choices: [{ text: '', finish_reason: null, index: 0, logprobs }] };
        break;
      }
      out.push(token);
      const cut = cutAtStop(out.join(''), stops);
      const message = cut.text;
      if (cut.stopped) call.finishReason = 'stop';
      if (call.finishReason === null && out.length >= max) call.finishReason = 'length';
      if (call.finishReason === null && call.promptTokens + out.length >= window) {
        call.finishReason = 'length';
      }
      call.output = message;
      const delta = message.slice(sent);
      sent = message.length;
      yield { ...base, choices: [{ text: delta, finish_reason: null, index: 0, logprobs }] };
      const broken = this.options.breakOnCall;
      if (broken?.call === callNo && out.length >= broken.afterTokens) {
        throw new Error(`fake engine: the GPU device was lost on call ${callNo}`);
      }
      if (i === 0 && this.options.hangOnCall === callNo) await this.hang();
      if (call.finishReason !== null) break;
      await Promise.resolve();
      if (this.interruptFlag) {
        call.finishReason = 'abort';
        break;
      }
    }
    yield { ...base, choices: [{ text: '', finish_reason: call.finishReason, index: 0 }] };
    if (request.stream_options?.include_usage === true) {
      const usage = {
        completion_tokens: call.completionTokens,
        prompt_tokens: call.promptTokens,
        total_tokens: call.completionTokens + call.promptTokens,
        extra: {
          e2e_latency_s: 0,
          prefill_tokens_per_s: 500,
          decode_tokens_per_s: 20,
          time_to_first_token_s: 0,
          time_per_output_token_s: 0,
        },
      };
      yield { ...base, choices: [], usage };
    }
  }
}
