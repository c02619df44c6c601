/**
 * One attempt at a chat request: the request web-llm is sent, and the reply read back as
 * the caller needs it (the model's own text) and as web-llm keeps it (for the cache tracker).
 * The runner around it (requests.ts) handles pause, stop, the watchdog and usage.
 */
import type {
  ChatCompletion,
  ChatCompletionMessageParam,
  ChatCompletionRequestNonStreaming,
  ChatCompletionRequestStreaming,
  ChatCompletionTokenLogprob,
  CompletionUsage,
  MLCEngineInterface,
} from '@mlc-ai/web-llm';
import type { ChatTurn } from './conversation';
import { keptText } from './keptText';
import type { FinishReason } from './kvCache';
import type { Sampling } from './sampling';
import { samplingFields } from './sampling';
import type { ReplyShape } from './thinkingBlock';
import { stopMeetsPrefix } from './thinkingBlock';

/** The part of web-llm's engine the adapter calls (the in-page and the worker engine alike). */
export type ChatEngine = Pick<MLCEngineInterface, 'chat' | 'interruptGenerate' | 'resetChat'>;

/** Sampling parameters of one request. */
export interface GenParams {
  /** Tokens the model may write (the reply's prefix, if any, is added on top). */
  maxTokens: number;
  temperature: number;
  /** Top-p and the penalties, always sent (sampling.ts). */
  sampling: Sampling;
  seed: number;
  /** 1–5: web-llm returns no log-probabilities at all for 0. */
  topLogprobs: number;
  stop?: readonly string[];
}

/** One attempt, read back. */
export interface Attempt {
  /** The model's text: the reply's prefix removed, cut at a stop string the adapter watched. */
  text: string;
  /** Why the text ended: 'stop' when the adapter cut it at a watched stop string. */
  finishReason: FinishReason;
  /** One entry per sampled token up to the end of `text`, as web-llm reported them. */
  logprobs: ChatCompletionTokenLogprob[];
  usage: CompletionUsage | undefined;
  completion?: ChatCompletion;
  /**
   * The reply as web-llm holds it in its conversation, prefix removed; null when web-llm will
   * not continue it (it ended on `length` or `abort`, or lacks the prefix every request's
   * assistant turns carry).
   */
  held: string | null;
  /** Tokens of `text` when it was cut on the client (the generation ran a little further). */
  textTokens?: number;
}

/** What the reader needs from the runner. */
export interface ReadState {
  /** Why the runner interrupted this attempt, or null. */
  readonly interrupted: 'pause' | 'abort' | 'stall' | null;
  /** Called on every streamed chunk: the model is still answering. */
  alive(): void;
  /** Asks web-llm to stop generating. */
  interrupt(): void;
}

/** The request's turns as web-llm's messages: each assistant turn as web-llm held it. */
export function chatMessages(
  turns: readonly ChatTurn[],
  shape: ReplyShape,
): ChatCompletionMessageParam[] {
  return turns.map((t): ChatCompletionMessageParam => {
    switch (t.role) {
      case 'system':
        return { role: 'system', content: t.content };
      case 'user':
        return { role: 'user', content: t.content };
      case 'assistant':
        return { role: 'assistant', content: shape.prefix + t.content + shape.suffix };
    }
  });
}

/** The stop strings web-llm is sent, and those the reader cuts at itself (see stopMeetsPrefix). */
export function splitStops(
  stops: readonly string[],
  shape: ReplyShape,
): { sent: string[]; watched: string[] } {
  const sent: string[] = [];
  const watched: string[] = [];
  for (const stop of stops) (stopMeetsPrefix(shape.prefix, stop) ? watched : sent).push(stop);
  return { sent, watched };
}

function body(turns: readonly ChatTurn[], params: GenParams, shape: ReplyShape, sent: string[]) {
  return {
    messages: chatMessages(turns, shape),
    max_tokens: params.maxTokens + shape.prefixTokens,
    temperature: params.temperature,
    ...samplingFields(params.sampling),
    seed: params.seed,
    logprobs: true,
    top_logprobs: params.topLogprobs,
    ...(sent.length > 0 ? { stop: sent } : {}),
    ...(shape.thinkingOff ? { extra_body: { enable_thinking: false } } : {}),
  };
}

function withoutPrefix(text: string, shape: ReplyShape): string {
  return text.startsWith(shape.prefix) ? text.slice(shape.prefix.length) : text;
}

/**
 * What web-llm holds of a reply it keeps, as the assistant turn it would match (prefix and
 * suffix removed); null when no request can continue it: it ended on `length` or `abort`, or
 * lacks the prefix or suffix every assistant turn is sent with.
 */
function heldReply(kept: string, finish: FinishReason, shape: ReplyShape): string | null {
  if (finish === 'length' || finish === 'abort') return null;
  const { prefix, suffix } = shape;
  if (!kept.startsWith(prefix) || !kept.endsWith(suffix)) return null;
  if (kept.length < prefix.length + suffix.length) return null;
  return kept.slice(prefix.length, kept.length - suffix.length);
}

/** The first occurrence of any watched stop string in `text`: where it starts and ends. */
function firstStop(text: string, watched: readonly string[]): { at: number; end: number } | null {
  let first: { at: number; end: number } | null = null;
  for (const stop of watched) {
    const at = text.indexOf(stop);
    if (at !== -1 && (first === null || at < first.at)) first = { at, end: at + stop.length };
  }
  return first;
}

/** A streaming request (steps and rollouts), read to its end. */
export async function readStream(
  engine: ChatEngine,
  turns: readonly ChatTurn[],
  params: GenParams,
  shape: ReplyShape,
  state: ReadState,
  onText?: (text: string) => void,
): Promise<Attempt> {
  const { sent, watched } = splitStops(params.stop ?? [], shape);
  const request: ChatCompletionRequestStreaming = {
    ...body(turns, params, shape, sent),
    stream: true,
    stream_options: { include_usage: true },
  };
  const stream = await engine.chat.completions.create(request);
  let streamed = '';
  let beforeLast = '';
  let lastToken: string | null = null;
  let finishReason: FinishReason | null = null;
  let usage: CompletionUsage | undefined;
  const logprobs: ChatCompletionTokenLogprob[] = [];
  // Where the adapter cut the model's text at a watched stop string. The model is stopped
  // once it writes past it; if it ends its turn there instead, web-llm keeps the reply.
  let cut: { at: number; end: number } | null = null;
  let stopping = false;
  for await (const chunk of stream) {
    state.alive();
    if (state.interrupted === 'abort' || state.interrupted === 'stall') break;
    // An interrupt raised before web-llm started this generation is lost: raise it again.
    if (state.interrupted === 'pause') state.interrupt();
    if (chunk.usage) usage = chunk.usage;
    const choice = chunk.choices[0];
    if (!choice) continue;
    if (choice.finish_reason) finishReason = choice.finish_reason;
    const delta = choice.delta.content;
    const entries = choice.logprobs?.content ?? [];
    if (typeof delta === 'string') {
      beforeLast = streamed;
      streamed += delta;
      lastToken = entries.at(-1)?.token ?? null;
    }
    const own = withoutPrefix(streamed, shape);
    if (cut === null) {
      logprobs.push(...entries);
      cut = firstStop(own, watched);
      if (state.interrupted === null && delta) onText?.(own.slice(0, cut?.at));
    }
    if (cut !== null && !stopping && own.length > cut.end) {
      stopping = true;
      state.interrupt();
    }
  }
  // A stream that ended without saying why is not trusted to have left the cache usable.
  const finish = finishReason ?? 'abort';
  const kept = keptText({ text: streamed, beforeLast, lastToken }, sent, finish);
  const held = heldReply(kept, finish, shape);
  if (cut !== null) {
    const text = withoutPrefix(streamed, shape).slice(0, cut.at);
    return { text, finishReason: 'stop', logprobs, usage, held, textTokens: logprobs.length };
  }
  return { text: withoutPrefix(kept, shape), finishReason: finish, logprobs, usage, held };
}

/** A non-streaming request (the self-judge's one token). */
export async function readCompletion(
  engine: ChatEngine,
  turns: readonly ChatTurn[],
  params: GenParams,
  shape: ReplyShape,
): Promise<Attempt> {
  const request: ChatCompletionRequestNonStreaming = {
    ...body(turns, params, shape, splitStops(params.stop ?? [], shape).sent),
    stream: false,
  };
  const completion = await engine.chat.completions.create(request);
  const choice = completion.choices[0];
  const content = choice?.message.content ?? '';
  const finish = choice?.finish_reason ?? 'abort';
  return {
    text: withoutPrefix(content, shape),
    finishReason: finish,
    logprobs: choice?.logprobs?.content ?? [],
    usage: completion.usage,
    completion,
    held: heldReply(content, finish, shape),
  };
}
