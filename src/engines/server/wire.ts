/**
 * What goes over the wire: a family-agnostic {@link GenerationRequest} turned into each
 * family's request body, and each family's response shapes read back into one
 * {@link GenerationResult}. The shapes (from the families' own response models):
 * - completions, OpenAI arrays (vLLM, SGLang): `logprobs: {tokens[], token_logprobs[],
 *   top_logprobs[] (dicts token → logprob), text_offset[]}`;
 * - chat style (every chat route; llama.cpp's and Ollama's completions too):
 *   `logprobs: {content: [{token, logprob, bytes?, top_logprobs: [{token, logprob}]}]}`;
 * - usage: `{prompt_tokens, completion_tokens, prompt_tokens_details?: {cached_tokens}}`, and
 *   llama.cpp's `timings: {prompt_n, cache_n, …}` beside it.
 */
import type { ChatTurn } from '../webllm/conversation';
import type { FamilyAdapter } from './families';

/** One generation request, as the engine means it. */
export interface GenerationRequest {
  /** 'completions': a raw prompt; 'chat': messages, the server applies the template. */
  route: 'completions' | 'chat';
  prompt?: string;
  messages?: readonly ChatTurn[];
  maxTokens: number;
  temperature: number;
  seed: number;
  /** Top alternatives per generated token (1 = the sampled token's own log-probability). */
  topLogprobs: number;
  stop: readonly string[];
  /** Choices wanted from this one request (1 unless the family has `n`). */
  n: number;
  /** Stream the text as it is written (server-sent events). */
  stream: boolean;
}

/** One alternative token at a position. */
export interface TopToken {
  token: string;
  logprob: number;
}

/** One choice of a reply, as the engine uses it. */
export interface ChoiceReply {
  text: string;
  finish: 'stop' | 'length' | 'other';
  /** The sampled tokens' log-probabilities, one per generated token. */
  logprobs: number[];
  /** The top alternatives at the first generated token (what the self-judge reads). */
  firstTop: TopToken[];
}

/** What the server said it spent; null where it did not say (never estimated). */
export interface UsageReport {
  prompt: number | null;
  completion: number | null;
  /** Prompt tokens its prefix cache served. */
  cached: number | null;
}

/** A whole reply. */
export interface GenerationResult {
  choices: ChoiceReply[];
  usage: UsageReport;
}

/** The HTTP path of a route. */
export function routePath(route: GenerationRequest['route']): string {
  return route === 'completions' ? '/v1/completions' : '/v1/chat/completions';
}

/**
 * The JSON body for `family`, by hand per family's request model.
 * @throws RangeError for a request the family cannot take (`n` > 1 without `n`)
 */
export function requestBody(
  adapter: FamilyAdapter,
  model: string,
  req: GenerationRequest,
): Record<string, unknown> {
  if (req.n > 1 && !adapter.multipleChoices) {
    throw new RangeError(`${adapter.label} takes one choice per request (no n)`);
  }
  const maxTokens = Math.max(adapter.minMaxTokens, req.maxTokens);
  const top = Math.min(adapter.maxTopLogprobs, Math.max(1, req.topLogprobs));
  const body: Record<string, unknown> = { model };
  if (req.route === 'completions') {
    body.prompt = req.prompt ?? '';
    body.max_tokens = maxTokens;
    body.logprobs = top; // an int on completions, in every family that has the route
  } else {
    body.messages = (req.messages ?? []).map((t) => ({ role: t.role, content: t.content }));
    body[adapter.chatMaxTokensField] = maxTokens;
    body.logprobs = true;
    body.top_logprobs = top;
  }
  body.temperature = req.temperature;
  body.seed = req.seed;
  if (req.stop.length > 0) body.stop = [...req.stop];
  if (req.n > 1) body.n = req.n;
  body.stream = req.stream;
  if (req.stream) body.stream_options = { include_usage: true };
  return body;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The finish reason in Arbor's three words. */
export function finishOf(reason: unknown): ChoiceReply['finish'] | null {
  if (reason === 'stop' || reason === 'eos') return 'stop';
  if (reason === 'length') return 'length';
  if (typeof reason === 'string' && reason !== '') return 'other';
  return null;
}

/** The log-probabilities of one choice (or one streamed chunk of it), either shape. */
export function readLogprobs(logprobs: unknown): { sampled: number[]; tops: TopToken[][] } {
  const sampled: number[] = [];
  const tops: TopToken[][] = [];
  if (!isObject(logprobs)) return { sampled, tops };
  if (Array.isArray(logprobs.content)) {
    for (const entry of logprobs.content) {
      if (!isObject(entry)) continue;
      sampled.push(num(entry.logprob) ?? -Infinity);
      const top: TopToken[] = [];
      if (Array.isArray(entry.top_logprobs)) {
        for (const t of entry.top_logprobs) {
          if (isObject(t) && typeof t.token === 'string' && num(t.logprob) !== null) {
            top.push({ token: t.token, logprob: t.logprob as number });
          }
        }
      }
      tops.push(top);
    }
    return { sampled, tops };
  }
  if (Array.isArray(logprobs.token_logprobs)) {
    const tops_ = Array.isArray(logprobs.top_logprobs) ? logprobs.top_logprobs : [];
    logprobs.token_logprobs.forEach((lp, i) => {
      sampled.push(num(lp) ?? -Infinity);
      const dict = tops_[i];
      tops.push(
        isObject(dict)
          ? Object.entries(dict)
              .filter((e): e is [string, number] => num(e[1]) !== null)
              .map(([token, logprob]) => ({ token, logprob }))
          : [],
      );
    });
  }
  return { sampled, tops };
}

/** Usage as reported: `usage` and, for llama.cpp, `timings` beside it. */
export function readUsage(usage: unknown, timings: unknown): UsageReport {
  const u = isObject(usage) ? usage : {};
  const details = isObject(u.prompt_tokens_details) ? u.prompt_tokens_details : {};
  const t = isObject(timings) ? timings : {};
  return {
    prompt: num(u.prompt_tokens) ?? num(t.prompt_n),
    completion: num(u.completion_tokens) ?? num(t.predicted_n),
    cached: num(details.cached_tokens) ?? num(t.cache_n),
  };
}

/** Merges what later chunks report over what earlier ones did. */
export function mergeUsage(a: UsageReport, b: UsageReport): UsageReport {
  return {
    prompt: b.prompt ?? a.prompt,
    completion: b.completion ?? a.completion,
    cached: b.cached ?? a.cached,
  };
}

/** Accumulates choices from whole responses or streamed chunks. */
export class ReplyBuilder {
  private readonly texts: string[] = [];
  private readonly finishes: (ChoiceReply['finish'] | null)[] = [];
  private readonly sampled: number[][] = [];
  private readonly firstTops: (TopToken[] | null)[] = [];
  usage: UsageReport = { prompt: null, completion: null, cached: null };
  /** Whether any chunk carried a choice or usage (an empty 200 is not a reply). */
  seen = false;

  /** Reads one response body or stream chunk; returns the indices of choices whose text grew. */
  add(json: unknown): number[] {
    if (!isObject(json)) throw new TypeError('not a JSON object');
    const grown: number[] = [];
    if (isObject(json.usage) || isObject(json.timings)) {
      this.usage = mergeUsage(this.usage, readUsage(json.usage, json.timings));
      this.seen = true;
    }
    const choices = Array.isArray(json.choices) ? json.choices : [];
    choices.forEach((c, position) => {
      if (!isObject(c)) return;
      const i = num(c.index) ?? position;
      this.seen = true;
      while (this.texts.length <= i) {
        this.texts.push('');
        this.finishes.push(null);
        this.sampled.push([]);
        this.firstTops.push(null);
      }
      const message = isObject(c.message) ? c.message : isObject(c.delta) ? c.delta : null;
      const piece =
        typeof c.text === 'string'
          ? c.text
          : typeof message?.content === 'string'
            ? message.content
            : '';
      if (piece !== '') {
        this.texts[i] += piece;
        grown.push(i);
      }
      const lp = readLogprobs(c.logprobs);
      (this.sampled[i] as number[]).push(...lp.sampled);
      if (this.firstTops[i] === null && lp.tops.length > 0) this.firstTops[i] = lp.tops[0] ?? [];
      const finish = finishOf(c.finish_reason);
      if (finish) this.finishes[i] = finish;
    });
    return grown;
  }

  /** The text so far of choice `i`. */
  text(i: number): string {
    return this.texts[i] ?? '';
  }

  /** Whether every choice said why it ended. */
  finished(): boolean {
    return this.texts.length > 0 && this.finishes.every((f) => f !== null);
  }

  /** The reply. */
  result(): GenerationResult {
    return {
      choices: this.texts.map((text, i) => ({
        text,
        finish: this.finishes[i] ?? 'other',
        logprobs: this.sampled[i] ?? [],
        firstTop: this.firstTops[i] ?? [],
      })),
      usage: this.usage,
    };
  }
}
