/**
 * A stand-in for web-llm's engine in tests: exactly the part of `MLCEngineInterface` the
 * adapter calls (`chat.completions.create`, `interruptGenerate`, `resetChat`), typed with
 * web-llm's own exported types, so a change in web-llm's API breaks the build here.
 * `chat` is web-llm's real `Chat` class, which forwards `create` to `chatCompletion`.
 *
 * It behaves as @mlc-ai/web-llm 0.2.86 does where the adapter depends on it (line numbers of
 * `node_modules/@mlc-ai/web-llm/lib/index.js`), with its own small implementation (it shares
 * no code with the adapter):
 * - KV-cache reuse only when the request's messages but the last equal the conversation it
 *   holds, and the previous reply did not end on `length` or `abort` (19084–19097);
 *   `usage.prompt_tokens` counts only what this request prefilled.
 * - What the KV cache holds ({@link FakeEngine.kvText}, and the `context` a script is given):
 *   a fresh prefill is the whole conversation in the chat template; a reused one adds only
 *   the new user turn and the reply header (`getPromptArrayLastRound`, 10558–10566, 13873),
 *   so the previous reply's end-of-turn separator is never in it; and a sampled token enters
 *   the cache only when the next one is decoded (`sampleDecodeStep`, 12468), so the token that
 *   ended a reply is never in it.
 * - Generation token by token: a stop string cuts the message at its last occurrence in the
 *   whole decoded output (12561–12571); `max_tokens` counts every output id (12575–12578,
 *   overriding `stop`); the end of the scripted text is an end-of-sequence token (counted in
 *   `completion_tokens`, 12600, never in the text).
 * - `extra_body.enable_thinking: false`: the empty thinking block is prefilled with the reply
 *   header and pushed into the reply's output ids (12361–12367), so stop strings and
 *   `max_tokens` see it, the reply and the held conversation start with it (12590), and
 *   `completion_tokens` does not count it (only sampled tokens are, 12600).
 * - Sampling parameters the request leaves unset come from the model's config
 *   (fakeSampling.ts, 13561–13640); each call records what it sampled with.
 * - Streaming: no chunk while the message ends inside a character, and that token's
 *   log-probability entry is lost with it (18387–18399).
 * - Log-probabilities only when `logprobs` is true and `top_logprobs` > 0 (13800, 13811).
 * - One request at a time: the per-model lock (fakeLock.ts). An interrupt is forgotten when a
 *   request takes the lock (18578, 18646, 18372); one raised during a generation ends it with
 *   `abort` before the next decode step (18378, 18536) — a reply already stopped (a one-token
 *   judge) cannot be interrupted.
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
import { FakeLock } from './fakeLock';
import type { FakeToken } from './fakeModel';
import {
  cutAtStop,
  decodeTokens,
  FAKE_EOS,
  FAKE_THINKING_BLOCK,
  fakePromptTokens,
  fakeTokenize,
  TEMPLATE,
  trailingReplacementChars,
} from './fakeModel';
import type { FakeChatConfig, FakeSampling } from './fakeSampling';
import { FAKE_MODEL_CONFIG, resolveSampling } from './fakeSampling';

export type { FakeToken } from './fakeModel';
export {
  cutAtStop,
  FAKE_EOS,
  FAKE_THINKING_BLOCK,
  FAKE_TURN_OVERHEAD,
  fakePromptTokens,
  fakeTokenize,
} from './fakeModel';

/** What the fake model writes for one request. */
export interface FakeReply {
  /** Everything the model would write if nothing stopped it. */
  text: string;
  /**
   * The tokens it samples, when not `text` split by `fakeTokenize`: one token may hold
   * `"\n\n\n"`, or part of a character (as bytes).
   */
  tokens?: readonly FakeToken[];
  /** Log-probability of every sampled token (default −0.5). */
  tokenLogprob?: number;
  /** `top_logprobs` at the first position (default: the sampled token alone). */
  top?: Pick<TopLogprob, 'token' | 'logprob'>[];
}

/**
 * The reply to the `call`-th request (1-based); `context` is the text in the KV cache when
 * the model starts to write (what it sees), so a script may answer as a model would.
 */
export type FakeScript = (
  request: ChatCompletionRequest,
  call: number,
  context: string,
) => FakeReply | string;

export interface FakeEngineOptions {
  script: FakeScript;
  /** The call (1-based) whose `create` rejects. */
  throwOnCall?: number;
  /** The call (1-based) that, after its first token, waits until interrupted. */
  hangOnCall?: number;
  prefillTokensPerS?: number;
  decodeTokensPerS?: number;
  /** The model's `mlc-chat-config.json` sampling values (default {@link FAKE_MODEL_CONFIG}). */
  chatConfig?: FakeChatConfig;
}

/** What the fake saw and did for one request. */
export interface FakeCall {
  request: ChatCompletionRequest;
  /** Whether the KV cache was reused. */
  reused: boolean;
  promptTokens: number;
  completionTokens: number;
  /** The reply as the engine keeps it (cut before the stop string; the thinking block kept). */
  output: string;
  finishReason: ChatCompletionFinishReason | null;
  /** The KV cache's text when generation began ('' until the request is prefilled). */
  context: string;
  /** What the request sampled with (null until it was prefilled). */
  sampling: FakeSampling | null;
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

const thinkingOff = (request: ChatCompletionRequest): boolean =>
  request.extra_body?.enable_thinking === false;

/** One sampled token as generation produced it. */
interface Sampled {
  /** The message so far, as web-llm would hold it. */
  message: string;
  entry: ChatCompletionTokenLogprob | null;
}

/** A generation under way: what was sampled, for the KV cache. */
interface Generation {
  call: FakeCall;
  reply: FakeReply;
  /** Text tokens sampled (the thinking block and the end-of-sequence token are not). */
  sampled: FakeToken[];
  endedOnEos: boolean;
}

/** A typed fake of web-llm's engine. */
export class FakeEngine implements ChatEngine {
  readonly chat: Chat;
  readonly calls: FakeCall[] = [];
  resets = 0;
  interrupts = 0;
  private held: Held | null = null;
  private kv = '';
  private lastFinish: ChatCompletionFinishReason | null = null;
  private interruptFlag = false;
  private wake: (() => void) | null = null;
  private readonly lock = new FakeLock();

  constructor(private readonly options: FakeEngineOptions) {
    // web-llm's Chat calls only `engine.chatCompletion` (lib/index.js: Completions.create).
    const forward = { chatCompletion: (r: ChatCompletionRequest) => this.chatCompletion(r) };
    this.chat = new Chat(forward as unknown as MLCEngineInterface);
  }

  /** The conversation the fake's KV cache holds (messages with the last reply), or null. */
  heldMessages(): readonly { role: string; content: string }[] | null {
    return this.held?.messages ?? null;
  }

  /** The text in the KV cache now ('' after a reset). */
  kvText(): string {
    return this.kv;
  }

  /** Requests waiting for the model's lock. */
  get waiting(): number {
    return this.lock.waiting;
  }

  interruptGenerate(): void {
    this.interrupts++;
    this.interruptFlag = true;
    this.wake?.();
  }

  resetChat(): Promise<void> {
    this.resets++;
    this.forget();
    return Promise.resolve();
  }

  private forget(): void {
    this.held = null;
    this.kv = '';
    this.lastFinish = null;
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
      context: '',
      sampling: null,
    };
    this.calls.push(call);
    if (this.options.throwOnCall === callNo) {
      this.forget();
      return Promise.reject(new Error(`fake engine: scripted failure on call ${callNo}`));
    }
    if (request.stream) return Promise.resolve(this.stream(request, call, callNo));
    return this.complete(request, call, callNo);
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

  /** Prefill: reuse or reset, the KV cache's text, the tokens this round prefilled. */
  private prefill(request: ChatCompletionRequest, call: FakeCall, callNo: number): Generation {
    call.sampling = resolveSampling(request, this.options.chatConfig ?? FAKE_MODEL_CONFIG);
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
    const off = thinkingOff(request);
    call.reused = reuse;
    call.promptTokens =
      prefilled.reduce((s, m) => s + fakePromptTokens(textOf(m)), 0) +
      (off ? FAKE_THINKING_BLOCK.length : 0);
    const rendered = prefilled.map((m) => TEMPLATE.turn(m.role, textOf(m))).join('');
    this.kv = (reuse ? this.kv : '') + rendered + TEMPLATE.replyHeader(off);
    call.context = this.kv;
    const last = request.messages.at(-1);
    this.held = { messages: [...history, { role: 'user', content: last ? textOf(last) : '' }] };
    const raw = this.options.script(request, callNo, call.context);
    const reply = typeof raw === 'string' ? { text: raw } : raw;
    return { call, reply, sampled: [], endedOnEos: false };
  }

  /** Generation, one token at a time, in web-llm's order of checks (processNextToken). */
  private *generate(request: ChatCompletionRequest, gen: Generation): Generator<Sampled> {
    const { call, reply } = gen;
    const tokens = reply.tokens ?? fakeTokenize(reply.text);
    const stops = stopsOf(request);
    const maxTokens = request.max_tokens ?? Infinity;
    const wantTop = request.logprobs === true ? (request.top_logprobs ?? 0) : 0;
    const out: FakeToken[] = thinkingOff(request) ? [...FAKE_THINKING_BLOCK] : [];
    for (let i = 0; ; i++) {
      const token = tokens[i];
      const eos = token === undefined;
      const entry = wantTop > 0 ? this.entry(reply, eos ? FAKE_EOS : token, i, wantTop) : null;
      call.completionTokens++;
      if (eos) {
        gen.endedOnEos = true;
        call.finishReason = 'stop';
        yield { message: call.output, entry };
        return;
      }
      gen.sampled.push(token);
      out.push(token);
      const cut = cutAtStop(decodeTokens(out), stops);
      if (cut.stopped) call.finishReason = 'stop';
      if (out.length >= maxTokens) call.finishReason = 'length';
      call.output = cut.text;
      yield { message: cut.text, entry };
      if (call.finishReason !== null) return;
    }
  }

  private entry(
    reply: FakeReply,
    token: FakeToken,
    position: number,
    wantTop: number,
  ): ChatCompletionTokenLogprob {
    const text = decodeTokens([token]);
    const bytes = (t: string): number[] => Array.from(new TextEncoder().encode(t));
    const scripted = position === 0 ? reply.top : undefined;
    const own = scripted?.find((t) => t.token === text)?.logprob;
    const logprob = own ?? reply.tokenLogprob ?? -0.5;
    const top = (scripted ?? [{ token: text, logprob }])
      .slice(0, wantTop)
      .map((t) => ({ token: t.token, bytes: bytes(t.token), logprob: t.logprob }));
    return { token: text, bytes: bytes(text), logprob, top_logprobs: top };
  }

  /** The reply ends: the conversation gets it, the cache every sampled token but the last. */
  private finish(gen: Generation): void {
    const { call } = gen;
    call.finishReason ??= 'abort'; // a stream given up by its reader (`triggerStop`, 18590)
    this.held?.messages.push({ role: 'assistant', content: call.output });
    const fed = gen.endedOnEos ? gen.sampled : gen.sampled.slice(0, -1);
    this.kv += decodeTokens(fed);
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
    call: FakeCall,
    callNo: number,
  ): AsyncGenerator<ChatCompletionChunk> {
    await this.lock.acquire();
    let gen: Generation | null = null;
    try {
      this.interruptFlag = false;
      gen = this.prefill(request, call, callNo);
      const base = {
        id: `fake-${callNo}`,
        model: 'fake',
        object: 'chat.completion.chunk' as const,
        created: 0,
      };
      let sent = 0;
      let first = true;
      for (const { message, entry } of this.generate(request, gen)) {
        if (trailingReplacementChars(message) % 4 === 0) {
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
        }
        if (first && this.options.hangOnCall === callNo) await this.hang();
        first = false;
        await Promise.resolve();
        if (this.interruptFlag && call.finishReason === null) {
          call.finishReason = 'abort';
          break;
        }
      }
      this.finish(gen);
      gen = null;
      yield { ...base, choices: [{ delta: {}, finish_reason: call.finishReason, index: 0 }] };
      if (request.stream_options?.include_usage === true) {
        yield { ...base, choices: [], usage: this.usage(call) };
      }
    } finally {
      if (gen) this.finish(gen);
      this.lock.release();
    }
  }

  private async complete(
    request: ChatCompletionRequest,
    call: FakeCall,
    callNo: number,
  ): Promise<ChatCompletion> {
    await this.lock.acquire();
    try {
      this.interruptFlag = false;
      await Promise.resolve();
      const gen = this.prefill(request, call, callNo);
      const entries: ChatCompletionTokenLogprob[] = [];
      let first = true;
      for (const { entry } of this.generate(request, gen)) {
        if (entry) entries.push(entry);
        if (first && this.options.hangOnCall === callNo) await this.hang();
        first = false;
        if (this.interruptFlag && call.finishReason === null) {
          call.finishReason = 'abort';
          break;
        }
      }
      this.finish(gen);
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
    } finally {
      this.lock.release();
    }
  }
}
