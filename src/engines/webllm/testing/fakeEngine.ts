/**
 * A stand-in for web-llm's engine in tests: exactly the part of `MLCEngineInterface` the
 * adapter calls (`chat.completions.create`, `interruptGenerate`, `resetChat`), typed with
 * web-llm's own exported types, so a change in web-llm's API breaks the build here.
 * `chat` is web-llm's real `Chat` class, which forwards `create` to `chatCompletion`.
 *
 * It behaves as web-llm 0.2.86 does where the adapter depends on it, with its own small
 * implementation (it does not use the adapter's ConversationCache):
 * - KV-cache reuse only when the request's messages but the last equal the conversation it
 *   holds, and the previous reply did not end on `length` or `abort`; `usage.prompt_tokens`
 *   counts only what this request prefilled.
 * - Generation token by token: a stop string cuts the message once it is complete (the
 *   tokens that began it may already have been streamed), `max_tokens` ends it with
 *   `length`, the end of the scripted text is an end-of-sequence token (counted in
 *   `completion_tokens`, as web-llm counts its stop token).
 * - Log-probabilities only when `logprobs` is true and `top_logprobs` > 0; otherwise
 *   `logprobs.content` is empty.
 * - An interrupt raised before a generation starts is forgotten (web-llm clears its flag when
 *   a request starts); one raised during it ends it with `abort`.
 */
import { Chat } from '@mlc-ai/web-llm';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionFinishReason,
  ChatCompletionMessageParam,
  ChatCompletionRequest,
  ChatCompletionTokenLogprob,
  CompletionUsage,
  MLCEngineInterface,
  TopLogprob,
} from '@mlc-ai/web-llm';
import type { ChatEngine } from '../requests';

/** What the fake model writes for one request. */

/**
 * The text generated so far, cut before a stop string as web-llm does (the stop string is
 * not part of the reply), and whether one was met.
 */
export function cutAtStop(
  text: string,
  stops: readonly string[],
): { text: string; stopped: boolean } {
  for (const stop of stops) {
    const at = text.lastIndexOf(stop);
    if (at !== -1) return { text: text.slice(0, at), stopped: true };
  }
  return { text, stopped: false };
}

export interface FakeReply {
  /** Everything the model would write if nothing stopped it. */
  text: string;
  /** Log-probability of every sampled token (default −0.5). */
  tokenLogprob?: number;
  /** `top_logprobs` at the first position (default: the sampled token alone). */
  top?: Pick<TopLogprob, 'token' | 'logprob'>[];
}

/** The reply to the `call`-th request (1-based). */
export type FakeScript = (request: ChatCompletionRequest, call: number) => FakeReply | string;

export interface FakeEngineOptions {
  script: FakeScript;
  /** The call (1-based) whose `create` rejects. */
  throwOnCall?: number;
  /** The call (1-based) that, after its first token, waits until interrupted. */
  hangOnCall?: number;
  prefillTokensPerS?: number;
  decodeTokensPerS?: number;
}

/** What the fake saw and did for one request. */
export interface FakeCall {
  request: ChatCompletionRequest;
  /** Whether the KV cache was reused. */
  reused: boolean;
  promptTokens: number;
  completionTokens: number;
  /** The reply as the engine keeps it (cut before the stop string). */
  output: string;
  finishReason: ChatCompletionFinishReason | null;
}

/** Template tokens the fake adds per prefilled message. */
export const FAKE_TURN_OVERHEAD = 3;
/** The string of the end-of-sequence token. */
export const FAKE_EOS = '</s>';

const TOKEN = /\n|[^\S\n]+|[A-Za-z]+|\d|[^\sA-Za-z\d]/gu;

/** The fake's tokenizer: each line break, space run, letter run, digit and other character. */
export function fakeTokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Prompt tokens of a message: its non-space tokens plus the template overhead. */
export function fakePromptTokens(content: string): number {
  return fakeTokenize(content).filter((t) => t.trim() !== '').length + FAKE_TURN_OVERHEAD;
}

interface Held {
  messages: { role: string; content: string }[];
}

function textOf(message: ChatCompletionMessageParam): string {
  const content = message.content;
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

function stopsOf(request: ChatCompletionRequest): string[] {
  const stop = request.stop;
  if (stop === null || stop === undefined) return [];
  return typeof stop === 'string' ? [stop] : [...stop];
}

/** One sampled token as generation produced it. */
interface Sampled {
  /** The message so far, as web-llm would hold it. */
  message: string;
  entry: ChatCompletionTokenLogprob | null;
}

/** A typed fake of web-llm's engine. */
export class FakeEngine implements ChatEngine {
  readonly chat: Chat;
  readonly calls: FakeCall[] = [];
  resets = 0;
  interrupts = 0;
  private held: Held | null = null;
  private lastFinish: ChatCompletionFinishReason | null = null;
  private interruptFlag = false;
  private wake: (() => void) | null = null;

  constructor(private readonly options: FakeEngineOptions) {
    // web-llm's Chat calls only `engine.chatCompletion` (lib/index.js: Completions.create).
    const forward = { chatCompletion: (r: ChatCompletionRequest) => this.chatCompletion(r) };
    this.chat = new Chat(forward as unknown as MLCEngineInterface);
  }

  /** The conversation the fake's KV cache holds (messages with the last reply), or null. */
  heldMessages(): readonly { role: string; content: string }[] | null {
    return this.held?.messages ?? null;
  }

  interruptGenerate(): void {
    this.interrupts++;
    this.interruptFlag = true;
    this.wake?.();
  }

  resetChat(): Promise<void> {
    this.resets++;
    this.held = null;
    this.lastFinish = null;
    return Promise.resolve();
  }

  /** `MLCEngineInterface.chatCompletion`, for the two kinds of request the adapter makes. */
  chatCompletion(
    request: ChatCompletionRequest,
  ): Promise<AsyncIterable<ChatCompletionChunk> | ChatCompletion> {
    const callNo = this.calls.length + 1;
    try {
      this.check(request);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const call: FakeCall = {
      request: structuredClone(request),
      reused: false,
      promptTokens: 0,
      completionTokens: 0,
      output: '',
      finishReason: null,
    };
    this.calls.push(call);
    if (this.options.throwOnCall === callNo) {
      this.held = null;
      return Promise.reject(new Error(`fake engine: scripted failure on call ${callNo}`));
    }
    const raw = this.options.script(request, callNo);
    const reply = typeof raw === 'string' ? { text: raw } : raw;
    if (request.stream) return Promise.resolve(this.stream(request, reply, call, callNo));
    return this.complete(request, reply, call, callNo);
  }

  /** The checks web-llm makes that the adapter could fail. */
  private check(request: ChatCompletionRequest): void {
    const last = request.messages.at(-1);
    if (last?.role !== 'user') throw new Error('The last message should be from the `user`.');
    request.messages.forEach((m, i) => {
      if (m.role === 'system' && i !== 0) throw new Error('System message must be the first.');
    });
    const top = request.top_logprobs;
    if (top !== null && top !== undefined) {
      if (request.logprobs !== true) throw new Error('top_logprobs requires logprobs: true');
      if (!(top >= 0 && top <= 5)) throw new Error('top_logprobs must be in [0, 5]');
    }
    if (request.stream_options && !request.stream) {
      throw new Error('stream_options is only for stream: true');
    }
    if (request.stream && (request.n ?? 1) > 1) throw new Error('n > 1 cannot stream');
    if (request.max_tokens !== null && request.max_tokens !== undefined) {
      if (!(request.max_tokens > 0)) throw new Error('max_tokens must be positive');
    }
  }

  /** Prefill: reuse or reset, and the tokens this round prefilled. */
  private prefill(request: ChatCompletionRequest, call: FakeCall): void {
    this.interruptFlag = false;
    const history = request.messages
      .slice(0, -1)
      .map((m) => ({ role: m.role, content: textOf(m) }));
    const held = this.held;
    const same =
      held !== null &&
      held.messages.length === history.length &&
      held.messages.every(
        (m, i) => m.role === history[i]?.role && m.content === history[i]?.content,
      );
    const reuse =
      same &&
      this.lastFinish !== 'length' &&
      this.lastFinish !== 'abort' &&
      history.some((m) => m.role !== 'system');
    const prefilled = reuse ? request.messages.slice(-1) : request.messages;
    call.reused = reuse;
    call.promptTokens = prefilled.reduce((s, m) => s + fakePromptTokens(textOf(m)), 0);
    const last = request.messages.at(-1);
    const user = { role: 'user', content: last ? textOf(last) : '' };
    this.held = { messages: [...history, user] };
  }

  /** Generation, one token at a time, in web-llm's order of checks. */
  private *generate(
    request: ChatCompletionRequest,
    reply: FakeReply,
    call: FakeCall,
  ): Generator<Sampled> {
    const tokens = fakeTokenize(reply.text);
    const stops = stopsOf(request);
    const maxTokens = request.max_tokens ?? Infinity;
    const wantTop = request.logprobs === true ? (request.top_logprobs ?? 0) : 0;
    const out: string[] = [];
    for (let i = 0; ; i++) {
      const token = tokens[i];
      const eos = token === undefined;
      const sampled = eos ? FAKE_EOS : token;
      const entry = wantTop > 0 ? this.entry(reply, sampled, i, wantTop) : null;
      call.completionTokens++;
      if (eos) {
        call.finishReason = 'stop';
        yield { message: call.output, entry };
        return;
      }
      out.push(token);
      const cut = cutAtStop(out.join(''), stops);
      const message = cut.text;
      if (cut.stopped) call.finishReason = 'stop';
      if (call.finishReason === null && out.length >= maxTokens) call.finishReason = 'length';
      call.output = message;
      yield { message, entry };
      if (call.finishReason !== null) return;
    }
  }

  private entry(
    reply: FakeReply,
    token: string,
    position: number,
    wantTop: number,
  ): ChatCompletionTokenLogprob {
    const bytes = (t: string): number[] => Array.from(new TextEncoder().encode(t));
    const scripted = position === 0 ? reply.top : undefined;
    const own = scripted?.find((t) => t.token === token)?.logprob;
    const logprob = own ?? reply.tokenLogprob ?? -0.5;
    const top = (scripted ?? [{ token, logprob }])
      .slice(0, wantTop)
      .map((t) => ({ token: t.token, bytes: bytes(t.token), logprob: t.logprob }));
    return { token, bytes: bytes(token), logprob, top_logprobs: top };
  }

  private finish(call: FakeCall): void {
    this.held?.messages.push({ role: 'assistant', content: call.output });
    this.lastFinish = call.finishReason;
  }

  private usage(call: FakeCall): CompletionUsage {
    return {
      completion_tokens: call.completionTokens,
      prompt_tokens: call.promptTokens,
      total_tokens: call.completionTokens + call.promptTokens,
      extra: {
        e2e_latency_s: 0,
        prefill_tokens_per_s: this.options.prefillTokensPerS ?? 500,
        decode_tokens_per_s: this.options.decodeTokensPerS ?? 20,
        time_to_first_token_s: 0,
        time_per_output_token_s: 0,
      },
    };
  }

  /** Waits until interrupted (the hanging call), unless already interrupted. */
  private async hang(): Promise<void> {
    if (this.interruptFlag) return;
    await new Promise<void>((resolve) => {
      this.wake = resolve;
    });
    this.wake = null;
  }

  private async *stream(
    request: ChatCompletionRequest,
    reply: FakeReply,
    call: FakeCall,
    callNo: number,
  ): AsyncGenerator<ChatCompletionChunk> {
    this.prefill(request, call);
    const base = {
      id: `fake-${callNo}`,
      model: 'fake',
      object: 'chat.completion.chunk' as const,
      created: 0,
    };
    let sent = 0;
    let first = true;
    for (const { message, entry } of this.generate(request, reply, call)) {
      const delta = message.slice(sent);
      sent = message.length;
      yield {
        ...base,
        choices: [
          {
            delta: { content: delta, role: 'assistant' },
            finish_reason: null,
            index: 0,
            logprobs: request.logprobs ? { content: entry ? [entry] : [] } : null,
          },
        ],
      };
      if (first && this.options.hangOnCall === callNo) await this.hang();
      first = false;
      await Promise.resolve();
      if (this.interruptFlag && call.finishReason === null) {
        call.finishReason = 'abort';
        break;
      }
    }
    this.finish(call);
    yield { ...base, choices: [{ delta: {}, finish_reason: call.finishReason, index: 0 }] };
    if (request.stream_options?.include_usage === true) {
      yield { ...base, choices: [], usage: this.usage(call) };
    }
  }

  private async complete(
    request: ChatCompletionRequest,
    reply: FakeReply,
    call: FakeCall,
    callNo: number,
  ): Promise<ChatCompletion> {
    await Promise.resolve();
    this.prefill(request, call);
    const entries: ChatCompletionTokenLogprob[] = [];
    let first = true;
    for (const { entry } of this.generate(request, reply, call)) {
      if (entry) entries.push(entry);
      if (first && this.options.hangOnCall === callNo) await this.hang();
      first = false;
      if (this.interruptFlag && call.finishReason === null) {
        call.finishReason = 'abort';
        break;
      }
    }
    this.finish(call);
    return {
      id: `fake-${callNo}`,
      model: 'fake',
      object: 'chat.completion',
      created: 0,
      choices: [
        {
          finish_reason: call.finishReason ?? 'abort',
          index: 0,
          logprobs: request.logprobs ? { content: entries } : null,
          message: { content: call.output, role: 'assistant' },
        },
      ],
      usage: this.usage(call),
    };
  }
}
