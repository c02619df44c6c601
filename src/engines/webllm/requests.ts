/**
 * One chat request to web-llm, with everything around it: wait while paused, interrupt and
 * re-issue when paused mid-request, interrupt and reject on stop, keep the cache tracker
 * true, and report token usage.
 */
import type { ChatCompletion, ChatCompletionTokenLogprob } from '@mlc-ai/web-llm';
import type { ChatTurn } from './conversation';
import { abortError, generationError, isAbortError } from './errors';
import type { PauseGate } from './gate';
import type { ConversationCache, FinishReason } from './kvCache';
import { approxTokens } from './kvCache';
import type { Attempt, ChatEngine, GenParams, ReadState } from './replyReader';
import { readCompletion, readStream } from './replyReader';
import type { ReplyShape } from './thinkingBlock';
import { PLAIN_REPLY } from './thinkingBlock';

export type { ChatEngine, GenParams } from './replyReader';

/** Tokens one request (or one call, over its requests) cost, and the speeds web-llm measured. */
export interface RequestUsage {
  generated: number;
  prefilled: number;
  prefillTokensPerS?: number;
  decodeTokensPerS?: number;
}

/** Where usage goes after every request (WebLlmHooks.onUsage). */
export type UsageSink = (usage: RequestUsage) => void;

/** A finished reply. */
export interface Reply {
  text: string;
  finishReason: FinishReason;
  /** One entry per sampled token, as web-llm reported them. */
  logprobs: ChatCompletionTokenLogprob[];
  /** Tokens of this reply's text (the attempt that was kept). */
  tokens: number;
  /** Usage of this request, plus any attempt dropped on pause before it. */
  usage: RequestUsage;
  /** The whole completion (non-streaming requests only). */
  completion?: ChatCompletion;
}

/** How the caller follows one request. */
export interface RequestOptions {
  /** What the model was doing, for error messages ("writing a step"). */
  what: string;
  signal?: AbortSignal | undefined;
  /** Streams the text so far (streaming requests only). */
  onText?: (text: string) => void;
  /**
   * The step path the engine holds after this reply, or null (see ConversationCache.commit):
   * asked only of a reply web-llm will continue, with its text as web-llm holds it.
   */
  pathAfter?: (held: string) => readonly string[] | null;
}

type Interruption = 'pause' | 'abort' | 'stall' | null;

/**
 * How long a request may go without a token before it is given up (the watchdog): read when
 * each request starts, so tests may shorten it. Prefill of a long prompt on a slow GPU comes
 * before the first token, hence the generous default.
 */
export const watchdog = { stallMs: 60_000 };

/** The error a request rejects with when the model went silent for `ms`. */
export function stallError(ms: number): Error {
  const seconds = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
  return new Error(`The model stopped responding (no token for ${seconds})`);
}
const ZERO_USAGE: RequestUsage = { generated: 0, prefilled: 0 };

function finite(x: number | undefined): number | undefined {
  return x !== undefined && Number.isFinite(x) ? x : undefined;
}

/** Resolves when the gate is open; rejects with an AbortError if the signal aborts first. */
function whenOpen(gate: PauseGate, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (!gate.paused) return Promise.resolve();
  return raceAbort(gate.whenOpen(), signal);
}

/** `promise`, or an AbortError as soon as the signal aborts (the promise is left to settle). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  promise.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Runs chat requests against one engine, one at a time. */
export class RequestRunner {
  constructor(
    private readonly engine: ChatEngine,
    private readonly gate: PauseGate,
    readonly cache: ConversationCache,
    private readonly onUsage: UsageSink,
    /**
     * What web-llm puts into every reply before the model writes (thinkingBlock.ts): the
     * empty `<think>` block for Qwen3 with thinking off, nothing for other models.
     */
    private readonly shape: ReplyShape = PLAIN_REPLY,
    /** The watchdog's limit for this runner (default: {@link watchdog}.stallMs). */
    private readonly stallMs?: number,
  ) {}

  /** A streaming request (steps and rollouts). */
  stream(turns: readonly ChatTurn[], params: GenParams, opts: RequestOptions): Promise<Reply> {
    return this.issue(turns, opts, (state) =>
      readStream(this.engine, turns, params, this.shape, state, opts.onText),
    );
  }

  /** A non-streaming request (the self-judge's one token). */
  complete(turns: readonly ChatTurn[], params: GenParams, opts: RequestOptions): Promise<Reply> {
    return this.issue(turns, opts, () => readCompletion(this.engine, turns, params, this.shape));
  }

  private interrupt(): void {
    try {
      const done = this.engine.interruptGenerate() as unknown;
      if (done instanceof Promise) done.catch(() => undefined);
    } catch {
      // Nothing to interrupt: the request ends by itself and is dropped.
    }
  }

  private async issue(
    turns: readonly ChatTurn[],
    opts: RequestOptions,
    once: (state: ReadState) => Promise<Attempt>,
  ): Promise<Reply> {
    const { signal } = opts;
    let spent: RequestUsage = ZERO_USAGE;
    for (;;) {
      await whenOpen(this.gate, signal);
      if (this.gate.paused) continue; // paused again before this request went out
      const estimate = this.prefillEstimate(turns);
      const stallMs = this.stallMs ?? watchdog.stallMs;
      let stalled: (error: Error) => void = () => undefined;
      const silence = new Promise<never>((_, reject) => {
        stalled = reject;
      });
      silence.catch(() => undefined);
      let timer: ReturnType<typeof setTimeout> | undefined;
      let over = false; // a stream left running after a stall must not arm the timer again
      const state: ReadState & { interrupted: Interruption } = {
        interrupted: null,
        interrupt: () => this.interrupt(),
        alive: () => {
          if (over) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            interrupt('stall');
            stalled(stallError(stallMs));
          }, stallMs);
        },
      };
      const interrupt = (why: Exclude<Interruption, null>): void => {
        if (state.interrupted === null) state.interrupted = why;
        this.interrupt();
      };
      const offPause = this.gate.onPause(() => interrupt('pause'));
      const onAbort = (): void => interrupt('abort');
      signal?.addEventListener('abort', onAbort);
      let attempt: Attempt;
      try {
        state.alive();
        // A hung engine may never settle: the watchdog's rejection ends the wait regardless.
        attempt = await raceAbort(Promise.race([once(state), silence]), signal);
      } catch (error) {
        this.cache.reset();
        if (signal?.aborted || isAbortError(error)) throw abortError();
        if (state.interrupted === 'stall') throw stallError(stallMs);
        if (state.interrupted === 'pause') continue;
        throw generationError(opts.what, error);
      } finally {
        over = true;
        clearTimeout(timer);
        offPause();
        signal?.removeEventListener('abort', onAbort);
      }
      const usage = this.usageOf(attempt, estimate);
      this.onUsage(usage);
      spent = {
        ...usage,
        generated: spent.generated + usage.generated,
        prefilled: spent.prefilled + usage.prefilled,
      };
      if (signal?.aborted || state.interrupted === 'abort' || state.interrupted === 'stall') {
        this.cache.reset();
        if (state.interrupted === 'stall') throw stallError(stallMs);
        throw abortError();
      }
      // Paused mid-request: a reply the interrupt cut short is dropped and asked again once
      // resumed. One that ended by itself is whole and kept: web-llm cannot stop a one-token
      // request (the judge's), having stopped before the loop that reads the flag (lib/index.js
      // 18377-18381), and asking again would count its tokens twice.
      if (state.interrupted === 'pause' && attempt.finishReason === 'abort') {
        this.cache.reset();
        continue;
      }
      this.commit(turns, attempt, opts);
      const { text, finishReason, logprobs, completion } = attempt;
      const tokens = attempt.textTokens ?? usage.generated;
      return {
        text,
        finishReason,
        logprobs,
        tokens,
        usage: spent,
        ...(completion ? { completion } : {}),
      };
    }
  }

  /** The cache tracker learns what web-llm now holds: the reply as it keeps it, or nothing. */
  private commit(turns: readonly ChatTurn[], attempt: Attempt, opts: RequestOptions): void {
    if (attempt.held === null) {
      this.cache.reset();
      return;
    }
    this.cache.commit(turns, attempt.held, opts.pathAfter?.(attempt.held) ?? null);
  }

  /** Prefill in approximate tokens, for an engine that reports no usage (the reply's prefix too). */
  private prefillEstimate(turns: readonly ChatTurn[]): number {
    const prefilled = this.cache.extendsHeld(turns) ? turns.slice(-1) : turns;
    const replies = prefilled.filter((t) => t.role === 'assistant').length + 1;
    return this.cache.prefillTokens(turns, approxTokens) + replies * this.shape.prefixTokens;
  }

  private usageOf(attempt: Attempt, estimate: number): RequestUsage {
    const u = attempt.usage;
    if (!u) {
      const generated = attempt.logprobs.length || approxTokens(attempt.text);
      return { generated, prefilled: estimate };
    }
    const usage: RequestUsage = { generated: u.completion_tokens, prefilled: u.prompt_tokens };
    const prefill = finite(u.extra?.prefill_tokens_per_s);
    const decode = finite(u.extra?.decode_tokens_per_s);
    if (prefill !== undefined) usage.prefillTokensPerS = prefill;
    if (decode !== undefined) usage.decodeTokensPerS = decode;
    return usage;
  }
}
