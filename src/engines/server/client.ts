/**
 * The HTTP client for one OpenAI-compatible server: connect (the model list, the family),
 * then generation requests with streaming, a per-request timeout, retries of a busy server,
 * named errors and CORS diagnosis. The API key lives only in a private field of this object:
 * it is sent in the Authorization header and nowhere else (no URL, no message, no JSON of this
 * object: `toJSON` gives family and model only).
 */
import type { ServerFamily } from './families';
import { FAMILIES, familiesOnPort, familyByOwner } from './families';
import {
  CorsBlockedError,
  ServerBusyError,
  ServerError,
  ServerHttpError,
  ServerResponseError,
  ServerStreamCutError,
  ServerTimeoutError,
  ServerUnreachableError,
  scrub,
} from './errors';
import { RequestLimiter } from './limiter';
import type { RetryPolicy } from './retry';
import { DEFAULT_RETRY, backoffMs, retryAfterMs, retryable, sleep } from './retry';
import { readSse } from './sse';
import type { GenerationRequest, GenerationResult } from './wire';
import { ReplyBuilder, requestBody, routePath } from './wire';

/** The `fetch` the client calls (injected by tests to play a browser's CORS rules). */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** One model the server lists. */
export interface ServerModel {
  id: string;
  ownedBy: string;
  /** Context length, where the server says (vLLM/SGLang `max_model_len`, llama.cpp `meta.n_ctx_train`). */
  contextLength: number | null;
}

/** How to reach the server. The key is kept by the client and never copied out. */
export interface ConnectOptions {
  baseUrl: string;
  apiKey?: string;
  fetch?: Fetch;
  /** The page's origin, for the CORS advice (the browser's `location.origin`). */
  origin?: string;
  timeoutMs?: number;
  retry?: RetryPolicy;
  concurrency?: number;
  now?: () => number;
}

/** How one request is followed. */
export interface GenerateOptions {
  signal?: AbortSignal;
  /** The text of choice `index` so far (streaming requests). */
  onText?: (index: number, text: string) => void;
}

/** Anything that answers generation requests: the client, a recording, a wrapper. */
export interface ReplySource {
  readonly family: ServerFamily;
  generate(req: GenerationRequest, opts?: GenerateOptions): Promise<GenerationResult>;
}

/** `base` without trailing slashes or a trailing `/v1` (users paste either). */
export function normaliseBaseUrl(base: string): string {
  let url = base.trim().replace(/\/+$/, '');
  if (url.endsWith('/v1')) url = url.slice(0, -3);
  return url;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The message a server's error body carries (`error.message`, `message` or `detail`). */
function bodyMessage(body: string): string {
  try {
    const json: unknown = JSON.parse(body);
    if (isObject(json)) {
      if (isObject(json.error) && typeof json.error.message === 'string') return json.error.message;
      if (typeof json.error === 'string') return json.error;
      if (typeof json.message === 'string') return json.message;
      if (typeof json.detail === 'string') return json.detail;
    }
  } catch {
    // not JSON: the text itself
  }
  return body;
}

function isAbort(error: unknown): boolean {
  return isObject(error) || error instanceof Error
    ? (error as { name?: unknown }).name === 'AbortError'
    : false;
}

/** A connected server. */
export class ServerClient implements ReplySource {
  readonly #key: string | null;
  readonly #fetch: Fetch;
  readonly baseUrl: string;
  readonly limiter: RequestLimiter;
  timeoutMs: number;
  retry: RetryPolicy;
  family: ServerFamily = 'openai';
  models: ServerModel[] = [];
  model = '';
  /** Parallel slots llama.cpp reports in `/props` (`total_slots`), else null. */
  slots: number | null = null;
  private readonly origin: string;
  private readonly now: () => number;

  constructor(options: ConnectOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl);
    this.#key = options.apiKey ? options.apiKey : null;
    this.#fetch = options.fetch ?? ((url, init) => fetch(url, init));
    this.origin = options.origin ?? 'this page’s origin';
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.now = options.now ?? (() => Date.now());
    this.limiter = new RequestLimiter(options.concurrency ?? 1);
  }

  /** What a saved run may say about the server: its family and model, never where or how. */
  toJSON(): { family: ServerFamily; model: string } {
    return { family: this.family, model: this.model };
  }

  private headers(json: boolean): Record<string, string> {
    const h: Record<string, string> = {};
    if (json) h['Content-Type'] = 'application/json';
    if (this.#key) h.Authorization = `Bearer ${this.#key}`;
    return h;
  }

  /** A message fit to show: the key scrubbed out, the length bounded. */
  private clean(text: string): string {
    return scrub(text, this.#key);
  }

  /**
   * The request failed before any answer. A browser says only "network error" whether nothing
   * listens, the connection broke or CORS blocked the answer, so ask twice more: a `no-cors`
   * request gets an (opaque) answer from any server that is there; a plain `cors` GET gets a
   * readable one only from a server that lets this origin through.
   */
  private async diagnose(url: string, error: unknown): Promise<ServerError> {
    const answers = async (target: string, mode: RequestMode): Promise<boolean> => {
      try {
        await this.#fetch(target, { method: 'GET', mode });
        return true;
      } catch {
        return false;
      }
    };
    const why = error instanceof Error ? this.clean(error.message) : 'network error';
    if (!(await answers(url, 'no-cors'))) {
      return new ServerUnreachableError(
        `The server did not answer (${why}): check that it is running and that the address and port are right.`,
      );
    }
    if (!(await answers(`${this.baseUrl}/v1/models`, 'cors'))) {
      return new CorsBlockedError(this.corsAdvice());
    }
    return new ServerUnreachableError(
      `The connection to the server broke before it answered (${why}). If it happens on every ` +
        'request, the server may refuse the preflight of a request with an API key or a JSON body: ' +
        'allow the Authorization and Content-Type headers (vLLM --allowed-headers, llama.cpp --cors-headers).',
    );
  }

  /** What to set so that the browser lets this page read the server's answers. */
  corsAdvice(): string {
    let port = NaN;
    try {
      const u = new URL(this.baseUrl);
      port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
    } catch {
      // an address URL() cannot read has no port to go by
    }
    const known = this.family !== 'openai' ? [this.family] : familiesOnPort(port);
    const order = [
      ...known,
      ...Object.values(FAMILIES)
        .map((a) => a.family)
        .filter((f) => !known.includes(f)),
    ];
    const lines = order.map(
      (f) => `${FAMILIES[f].label}: ${FAMILIES[f].corsSetting.replace('{origin}', this.origin)}`,
    );
    return (
      'The browser blocked the answer: the server is there, but it does not allow requests from ' +
      `this page (CORS). ${lines[0] ?? ''}.` +
      (lines.length > 1 ? ` Other servers: ${lines.slice(1).join('; ')}.` : '')
    );
  }

  /** One HTTP request with the timeout (no answer for `timeoutMs`), mapped to named errors. */
  private async send(
    path: string,
    init: RequestInit,
    signal: AbortSignal | undefined,
  ): Promise<{ response: Response; controller: AbortController; arm(): void; done(): void }> {
    const url = `${this.baseUrl}${path}`;
    const controller = new AbortController();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.timeoutMs);
    };
    const onAbort = (): void => controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    arm();
    try {
      const response = await this.#fetch(url, { ...init, signal: controller.signal });
      arm();
      return { response, controller, arm, done };
    } catch (error) {
      done();
      if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : abortError();
      if (timedOut) throw this.timeoutError();
      throw await this.diagnose(url, error);
    }
  }

  private timeoutError(): ServerTimeoutError {
    const s =
      this.timeoutMs >= 1000 ? `${Math.round(this.timeoutMs / 1000)} s` : `${this.timeoutMs} ms`;
    return new ServerTimeoutError(
      `The server sent nothing for ${s} (the request timeout): it may be overloaded, or the model may still be loading.`,
    );
  }

  /** GET a JSON document (models, probes). */
  private async getJson(path: string, signal?: AbortSignal): Promise<unknown> {
    const { response, done } = await this.send(
      path,
      { method: 'GET', headers: this.headers(false) },
      signal,
    );
    try {
      const text = await response.text();
      if (!response.ok) {
        throw new ServerHttpError(response.status, this.httpMessage(response.status, text));
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new ServerResponseError(`The server's answer to GET ${path} is not JSON.`);
      }
    } finally {
      done();
    }
  }

  private httpMessage(status: number, body: string): string {
    const said = this.clean(bodyMessage(body).trim());
    const hint =
      status === 401 || status === 403
        ? ' (the API key is missing or wrong)'
        : status === 404
          ? ' (no such route or model on this server)'
          : '';
    return `The server answered ${status}${hint}${said ? `: ${said}` : ''}`;
  }

  /**
   * Reads the model list and finds the family: the `owned_by` it writes about itself (vLLM,
   * SGLang, llama.cpp), else a probe only one family answers (Ollama's `/api/version`,
   * llama.cpp's `/props`), else the OpenAI-compatible fallback.
   * @throws ServerError named for what failed (unreachable, CORS, 401, not a model list)
   */
  async connect(signal?: AbortSignal): Promise<{ family: ServerFamily; models: ServerModel[] }> {
    const list = await this.getJson('/v1/models', signal);
    const data = isObject(list) && Array.isArray(list.data) ? list.data : null;
    if (!data)
      throw new ServerResponseError('The server did not answer GET /v1/models with a model list.');
    this.models = data.filter(isObject).flatMap((m): ServerModel[] => {
      if (typeof m.id !== 'string') return [];
      const meta = isObject(m.meta) ? m.meta : {};
      const ctx =
        typeof m.max_model_len === 'number'
          ? m.max_model_len
          : typeof meta.n_ctx_train === 'number'
            ? meta.n_ctx_train
            : null;
      return [
        { id: m.id, ownedBy: typeof m.owned_by === 'string' ? m.owned_by : '', contextLength: ctx },
      ];
    });
    let family = familyByOwner(this.models.map((m) => m.ownedBy));
    for (const adapter of Object.values(FAMILIES)) {
      if (family !== null && family !== adapter.family) continue;
      if (!adapter.probe) continue;
      try {
        const body = await this.getJson(adapter.probe.path, signal);
        if (adapter.probe.matches(body)) {
          family = adapter.family;
          if (
            adapter.family === 'llamacpp' &&
            isObject(body) &&
            typeof body.total_slots === 'number'
          ) {
            this.slots = body.total_slots;
          }
        }
      } catch (error) {
        if (signal?.aborted) throw error;
        // Not this family (404, not JSON, or a route without CORS).
      }
      if (family !== null) break;
    }
    this.family = family ?? 'openai';
    this.model = this.models[0]?.id ?? '';
    return { family: this.family, models: this.models };
  }

  /**
   * One generation request: waits for a slot (the concurrency limit), retries 429/503 after
   * `Retry-After` or a backoff, streams when asked.
   * @throws ServerError named for what failed; an AbortError when the signal aborts
   */
  generate(req: GenerationRequest, opts: GenerateOptions = {}): Promise<GenerationResult> {
    return this.limiter.run(() => this.generateNow(req, opts), opts.signal);
  }

  private async generateNow(
    req: GenerationRequest,
    opts: GenerateOptions,
  ): Promise<GenerationResult> {
    const body = JSON.stringify(requestBody(FAMILIES[this.family], this.model, req));
    for (let attempt = 0; ; attempt++) {
      const sent = await this.send(
        routePath(req.route),
        { method: 'POST', headers: this.headers(true), body },
        opts.signal,
      );
      const { response } = sent;
      try {
        if (!response.ok) {
          const text = await response.text().catch(() => '');
          if (retryable(response.status) && attempt < this.retry.retries) {
            const asked = retryAfterMs(response.headers.get('Retry-After'), this.now());
            sent.done();
            await sleep(backoffMs(this.retry, attempt, asked), opts.signal);
            continue;
          }
          const message = this.httpMessage(response.status, text);
          throw retryable(response.status)
            ? new ServerBusyError(response.status, `${message} (after ${attempt} retries)`)
            : new ServerHttpError(response.status, message);
        }
        return req.stream
          ? await this.readStream(response, sent.arm, opts)
          : await this.readWhole(response);
      } catch (error) {
        if (opts.signal?.aborted)
          throw opts.signal.reason instanceof Error ? opts.signal.reason : abortError();
        if (sent.controller.signal.aborted && !(error instanceof ServerError))
          throw this.timeoutError();
        if (error instanceof ServerError) throw error;
        throw new ServerStreamCutError(
          `The connection to the server broke during a reply (${this.clean(error instanceof Error ? error.message : String(error))}).`,
        );
      } finally {
        sent.done();
      }
    }
  }

  private async readWhole(response: Response): Promise<GenerationResult> {
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ServerResponseError('The server answered with something that is not JSON.');
    }
    const builder = new ReplyBuilder();
    try {
      builder.add(json);
    } catch {
      throw new ServerResponseError('The server answered with JSON of an unknown shape.');
    }
    if (builder.result().choices.length === 0)
      throw new ServerResponseError('The server answered with no choices.');
    return builder.result();
  }

  private async readStream(
    response: Response,
    alive: () => void,
    opts: GenerateOptions,
  ): Promise<GenerationResult> {
    if (!response.body) throw new ServerResponseError('The server sent a stream without a body.');
    const builder = new ReplyBuilder();
    let ended = false;
    const chunks = (async function* (body: ReadableStream<Uint8Array>) {
      const reader = body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          alive();
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    })(response.body);
    for await (const item of readSse(chunks)) {
      if ('done' in item) {
        ended = true;
        break;
      }
      let json: unknown;
      try {
        json = JSON.parse(item.data);
      } catch {
        throw new ServerResponseError('The server streamed an event that is not JSON.');
      }
      if (isObject(json) && json.error !== undefined) {
        throw new ServerHttpError(
          500,
          `The server reported an error mid-stream: ${this.clean(bodyMessage(item.data))}`,
        );
      }
      for (const i of builder.add(json)) opts.onText?.(i, builder.text(i));
    }
    // `[DONE]` or every choice's finish reason ends a reply; anything else was cut off.
    if (!ended && !builder.finished()) {
      throw new ServerStreamCutError(
        'The server closed the stream before the reply ended (the connection was cut).',
      );
    }
    return builder.result();
  }
}

function abortError(): Error {
  const e = new Error('The run was stopped');
  e.name = 'AbortError';
  return e;
}

export { isAbort };
