/**
 * An OpenAI-compatible test server (Node only; tests start it on 127.0.0.1 port 0 and stop
 * it): `GET /v1/models`, `POST /v1/completions` and `/v1/chat/completions` in each family's
 * shapes (shapes.ts), streaming by server-sent events, each family's refusals (SGLang's
 * `max_tokens` > 0, llama.cpp's `echo`, vLLM's `stream_options` without `stream`), a simulated
 * prefix cache reported as each family reports it, and faults on demand: latency, a slow first
 * token, 429 with `Retry-After`, 500, a connection cut mid-stream, no CORS headers. Its text
 * comes from a {@link TextSource} (the simulated engine today). It is not a model.
 */
import { loadAllTasks } from '../../../core/tasks/registry';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { hashString } from '../../../core/rng';
import type { ServerFamily } from '../families';
import { readRequest } from './readRequest';
import type { ServedChoice } from './shapes';
import { errorBody, logprobsField, modelList, usageFields } from './shapes';
import type { SourceToken, TextSource } from './textSource';
import { simulatedTextSource, tokenize } from './textSource';

/** What the server does with the n-th generation request (from 1). */
export type Fault =
  | 'ok'
  | { status: 429 | 503; retryAfter?: string }
  | { status: 500 }
  /** Stream `after` tokens, then destroy the connection. */
  | { cut: number }
  /** Accept the connection and never answer. */
  | 'hang';

export interface TestServerOptions {
  family: ServerFamily;
  model?: string;
  /** Before each answer (ms): a fixed per-request cost, as a benchmark wants. */
  latencyMs?: number;
  /** Up to this much more latency, varying from request to request (so answers reorder). */
  jitterMs?: number;
  /** Before the first streamed token, on top of `latencyMs`. */
  firstTokenMs?: number;
  /** Between streamed tokens. */
  tokenMs?: number;
  /** Send CORS headers and answer preflights (default true). */
  cors?: boolean;
  /** Require `Authorization: Bearer <key>` on /v1. */
  apiKey?: string;
  /** Report cached prefill (vLLM --enable-prompt-tokens-details, SGLang --enable-cache-report). */
  cacheReport?: boolean;
  /** Parallel slots llama.cpp reports in /props. */
  slots?: number;
  fault?: (n: number) => Fault;
  text?: TextSource;
  port?: number;
}

/** A request the server received, for tests to read. */
export interface ReceivedRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
  authorization: string | null;
  origin: string | null;
}

export interface TestServer {
  url: string;
  port: number;
  received: ReceivedRequest[];
  /** Generation requests answered so far, and the most that were open at once. */
  stats: { generations: number; open: number; mostOpen: number };
  setFault(fault: ((n: number) => Fault) | undefined): void;
  /** Stops listening and cuts every open connection. */
  close(): Promise<void>;
}

const ALT = [' Yes', ' No', ' Maybe', 'Yes', 'No'];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a test server; resolves once it listens. */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  // It reads requests of any task (readRequest.ts): every task's entry must be there.
  await loadAllTasks();
  const family = options.family;
  const model =
    options.model ?? (family === 'ollama' ? 'qwen2.5:7b-instruct' : 'Qwen/Qwen2.5-7B-Instruct');
  const text = options.text ?? simulatedTextSource();
  const cors = options.cors ?? true;
  let fault = options.fault;
  const received: ReceivedRequest[] = [];
  const stats = { generations: 0, open: 0, mostOpen: 0 };
  const seenPrompts: string[][] = [];
  const sockets = new Set<Socket>();

  const headers = (req: IncomingMessage): Record<string, string> =>
    cors
      ? {
          'Access-Control-Allow-Origin': req.headers.origin ?? '*',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type',
          'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
          Vary: 'Origin',
        }
      : {};
  const json = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: unknown,
    extra: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers(req), ...extra });
    res.end(JSON.stringify(body));
  };
  const fail = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    message: string,
    extra: Record<string, string> = {},
  ) => json(req, res, status, errorBody(family, status, message), extra);

  /** Tokens of the prompt already seen as a prefix of an earlier one (a prefix cache). */
  function cachedPrefix(tokens: string[]): number {
    let best = 0;
    for (const seen of seenPrompts) {
      let i = 0;
      while (i < seen.length && i < tokens.length && seen[i] === tokens[i]) i++;
      best = Math.max(best, i);
    }
    seenPrompts.push(tokens);
    return Math.min(best, Math.max(0, tokens.length - 1));
  }

  function choicesFor(
    body: Record<string, unknown>,
    route: 'completions' | 'chat',
  ): ServedChoice[] | string {
    const read = readRequest(body);
    if (!read) return 'the test server reads only Arbor requests';
    const maxTokens = Number(body.max_tokens ?? body.max_completion_tokens ?? 16);
    const n = family === 'vllm' || family === 'sglang' ? Number(body.n ?? 1) : 1;
    const seed = Number(body.seed ?? 0);
    const topK = route === 'chat' ? Number(body.top_logprobs ?? 0) : Number(body.logprobs ?? 0);
    return Array.from({ length: n }, (_, i) => {
      const s = hashString(`${seed}:${i}`);
      if (read.kind === 'judge') {
        const p = Math.min(0.99, Math.max(0.01, text.pYes(read, s)));
        const top: SourceToken[] = [
          { token: ' Yes', logprob: Math.log(p * 0.95) },
          { token: ' No', logprob: Math.log((1 - p) * 0.95) },
          { token: ' Maybe', logprob: Math.log(0.03) },
          { token: 'Yes', logprob: Math.log(0.01) },
          { token: 'No', logprob: Math.log(0.01) },
        ].sort((a, b) => b.logprob - a.logprob);
        const first = top[0] as SourceToken;
        return {
          tokens: [first],
          tops: [top.slice(0, Math.max(1, topK))],
          finish: 'length' as const,
        };
      }
      let tokens = text.step(read, s);
      let finish: 'stop' | 'length' = 'stop';
      if (tokens.length > maxTokens) {
        tokens = tokens.slice(0, maxTokens);
        finish = 'length';
      }
      const tops = tokens.map((t) => [
        t,
        ...ALT.slice(0, Math.max(0, topK - 1)).map((a) => ({ token: a, logprob: t.logprob - 3 })),
      ]);
      return { tokens, tops, finish };
    });
  }

  async function generate(
    req: IncomingMessage,
    res: ServerResponse,
    route: 'completions' | 'chat',
    body: Record<string, unknown>,
  ) {
    if (family === 'sglang' && Number(body.max_tokens ?? 16) <= 0)
      return fail(req, res, 400, 'max_tokens must be positive');
    if (family === 'llamacpp' && route === 'completions' && body.echo === true)
      return fail(req, res, 400, 'Only no echo is supported');
    if (family === 'vllm' && body.stream_options && !body.stream)
      return fail(req, res, 400, 'Stream options can only be defined when `stream=True`.');
    stats.generations += 1;
    const action = fault?.(stats.generations) ?? 'ok';
    const jitter = options.jitterMs
      ? hashString(`jitter:${stats.generations}`) % (options.jitterMs + 1)
      : 0;
    if (options.latencyMs || jitter) await wait((options.latencyMs ?? 0) + jitter);
    if (action === 'hang') return;
    if (action !== 'ok' && 'status' in action) {
      const extra: Record<string, string> =
        'retryAfter' in action && action.retryAfter !== undefined
          ? { 'Retry-After': action.retryAfter }
          : {};
      return fail(
        req,
        res,
        action.status,
        action.status === 500 ? 'Internal server error' : 'Server is busy',
        extra,
      );
    }
    const choices = choicesFor(body, route);
    if (typeof choices === 'string') return fail(req, res, 400, choices);
    const promptText =
      typeof body.prompt === 'string' ? body.prompt : JSON.stringify(body.messages);
    const promptTokens = tokenize(promptText);
    const cached = cachedPrefix(promptTokens);
    const completion = choices.reduce((t, c) => t + c.tokens.length, 0);
    const usage = usageFields(
      family,
      promptTokens.length,
      completion,
      cached,
      options.cacheReport ?? false,
    );
    const id = `${route === 'chat' ? 'chatcmpl' : 'cmpl'}-${stats.generations}`;
    const object = route === 'chat' ? 'chat.completion' : 'text_completion';
    const textOf = (c: ServedChoice) => c.tokens.map((t) => t.token).join('');
    if (!body.stream) {
      return json(req, res, 200, {
        id,
        object,
        created: 1_700_000_000,
        model,
        choices: choices.map((c, index) =>
          route === 'chat'
            ? {
                index,
                message: { role: 'assistant', content: textOf(c) },
                logprobs: logprobsField(family, route, c),
                finish_reason: c.finish,
              }
            : {
                index,
                text: textOf(c),
                logprobs: logprobsField(family, route, c),
                finish_reason: c.finish,
              },
        ),
        ...usage,
      });
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      ...headers(req),
    });
    const send = (chunk: unknown) => res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    if (options.firstTokenMs) {
      res.write(': ping\n\n'); // a comment, as llama.cpp pings while prefilling
      await wait(options.firstTokenMs);
    }
    const chunkObject = route === 'chat' ? 'chat.completion.chunk' : 'text_completion';
    let sent = 0;
    for (const [index, c] of choices.entries()) {
      let offset = 0;
      for (const [i, t] of c.tokens.entries()) {
        if (action !== 'ok' && 'cut' in action && sent >= action.cut) {
          await new Promise((r) => setImmediate(r)); // what was written goes out first
          res.destroy();
          return;
        }
        const part = { tokens: [t], tops: [c.tops[i] ?? []] };
        send({
          id,
          object: chunkObject,
          created: 1_700_000_000,
          model,
          choices: [
            route === 'chat'
              ? {
                  index,
                  delta: { ...(i === 0 ? { role: 'assistant' } : {}), content: t.token },
                  logprobs: logprobsField(family, route, part),
                  finish_reason: null,
                }
              : {
                  index,
                  text: t.token,
                  logprobs: logprobsField(family, route, part, offset),
                  finish_reason: null,
                },
          ],
        });
        offset += t.token.length;
        sent += 1;
        if (options.tokenMs) await wait(options.tokenMs);
      }
      send({
        id,
        object: chunkObject,
        created: 1_700_000_000,
        model,
        choices: [
          route === 'chat'
            ? { index, delta: {}, finish_reason: c.finish }
            : { index, text: '', finish_reason: c.finish },
        ],
      });
    }
    const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
    const withUsage = streamOptions?.include_usage ?? family === 'vllm'; // vLLM's default is true
    if (withUsage)
      send({ id, object: chunkObject, created: 1_700_000_000, model, choices: [], ...usage });
    res.write('data: [DONE]\n\n');
    res.end();
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const raw = req.method === 'POST' ? await readBody(req) : '';
      let body: Record<string, unknown> | null;
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
      } catch {
        body = null;
      }
      received.push({
        method: req.method ?? '',
        path,
        body,
        authorization: req.headers.authorization ?? null,
        origin: req.headers.origin ?? null,
      });
      if (req.method === 'OPTIONS') {
        if (!cors) {
          res.writeHead(405, { Allow: 'GET, POST' });
          return res.end();
        }
        res.writeHead(204, { ...headers(req), 'Access-Control-Max-Age': '600' });
        return res.end();
      }
      if (
        path.startsWith('/v1') &&
        options.apiKey &&
        req.headers.authorization !== `Bearer ${options.apiKey}`
      ) {
        return fail(req, res, 401, 'Unauthorized');
      }
      if (req.method === 'GET' && path === '/v1/models')
        return json(req, res, 200, modelList(family, model));
      if (req.method === 'GET' && path === '/api/version' && family === 'ollama')
        return json(req, res, 200, { version: '0.13.0' });
      if (req.method === 'GET' && path === '/props' && family === 'llamacpp') {
        return json(req, res, 200, {
          total_slots: options.slots ?? 4,
          model_path: model,
          build_info: 'test',
        });
      }
      if (
        req.method === 'POST' &&
        (path === '/v1/completions' || path === '/v1/chat/completions')
      ) {
        if (!body) return fail(req, res, 400, 'invalid JSON');
        stats.open += 1;
        stats.mostOpen = Math.max(stats.mostOpen, stats.open);
        try {
          await generate(req, res, path === '/v1/completions' ? 'completions' : 'chat', body);
        } finally {
          stats.open -= 1;
        }
        return;
      }
      return fail(req, res, 404, `no route ${req.method} ${path}`);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    stats,
    setFault: (f) => {
      fault = f;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
