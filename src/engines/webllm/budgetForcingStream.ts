/**
 * One raw text completion of budget forcing, streamed from web-llm with the same care as the
 * chat requests (requests.ts): a stall watchdog, and abort through a signal that interrupts
 * the generation and rejects at once (a hung engine may never settle).
 */
import type {
  Completion,
  CompletionCreateParamsStreaming,
  MLCEngineInterface,
} from '@mlc-ai/web-llm';
import { abortError, generationError, isAbortError } from './errors';
import type { FinishReason } from './kvCache';
import { approxTokens } from './kvCache';
import { keptText } from './keptText';
import { stallError } from './requests';

/** The part of web-llm's engine budget forcing calls (the in-page and the worker engine). */
export type ForcingEngine = Pick<MLCEngineInterface, 'completions' | 'interruptGenerate'>;

/** What one request gave: its text (cut before a stop string), why it ended, its usage. */
export interface Piece {
  text: string;
  finish: FinishReason;
  /** `usage.completion_tokens`: every token sampled, a final stop token included. */
  tokens: number;
  /** `usage.prompt_tokens`: the whole prompt (a text completion always starts afresh). */
  prefilled: number;
  logProbSum: number;
  logProbCount: number;
}

/** How the caller follows one request. */
export interface StreamOptions {
  signal?: AbortSignal | undefined;
  stallMs: number;
  /** The text so far, on every streamed piece. */
  onDelta: (text: string) => void;
}

function interrupt(engine: ForcingEngine): void {
  try {
    const done = engine.interruptGenerate() as unknown;
    if (done instanceof Promise) done.catch(() => undefined);
  } catch {
    // Nothing to interrupt.
  }
}

/**
 * One streamed text completion. Usage comes from web-llm's usage chunk; without one, the
 * streamed log-probabilities (or an estimate from the text) count the tokens.
 * @throws an AbortError when the signal aborts, the stall error when the model goes silent,
 *   otherwise an Error saying what the model was doing (`what`)
 */
export async function streamOnce(
  engine: ForcingEngine,
  request: CompletionCreateParamsStreaming,
  what: string,
  opts: StreamOptions,
): Promise<Piece> {
  const { signal, stallMs } = opts;
  if (signal?.aborted) throw abortError();
  let interrupted: 'abort' | 'stall' | null = null;
  let fail: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let over = false;
  const alive = (): void => {
    if (over) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      interrupted ??= 'stall';
      interrupt(engine);
      fail(stallError(stallMs));
    }, stallMs);
  };
  const onAbort = (): void => {
    interrupted ??= 'abort';
    interrupt(engine);
    fail(abortError());
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const consume = async (): Promise<Piece> => {
    const stream: AsyncIterable<Completion> = await engine.completions.create(request);
    let text = '';
    let beforeLast = '';
    let lastToken: string | null = null;
    let finish: FinishReason | null = null;
    let usage: Completion['usage'];
    let logProbSum = 0;
    let logProbCount = 0;
    for await (const chunk of stream) {
      alive();
      if (interrupted !== null) break;
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices[0];
      if (!choice) continue;
      const entries = choice.logprobs?.content ?? [];
      if (choice.finish_reason === null) {
        beforeLast = text;
        lastToken = entries.at(-1)?.token ?? null;
      }
      if (choice.text !== '') {
        text += choice.text;
        opts.onDelta(text);
      }
      for (const entry of entries) {
        logProbSum += entry.logprob;
        logProbCount++;
      }
      if (choice.finish_reason) finish = choice.finish_reason;
    }
    if (interrupted !== null) throw interrupted === 'abort' ? abortError() : stallError(stallMs);
    if (finish === null || finish === 'abort') throw new Error('the generation was interrupted');
    const stops = typeof request.stop === 'string' ? [request.stop] : (request.stop ?? []);
    return {
      text: keptText({ text, beforeLast, lastToken }, stops, finish),
      finish,
      tokens: usage?.completion_tokens ?? (logProbCount || approxTokens(text)),
      prefilled: usage?.prompt_tokens ?? approxTokens(request.prompt),
      logProbSum,
      logProbCount,
    };
  };
  try {
    alive();
    const work = consume();
    work.catch(() => undefined);
    return await Promise.race([work, failed]);
  } catch (error) {
    if (signal?.aborted || isAbortError(error)) throw abortError();
    if (interrupted === 'stall') throw stallError(stallMs);
    throw generationError(what, error);
  } finally {
    over = true;
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
