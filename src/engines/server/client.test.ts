import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPuzzle } from '../../core/tasks/game24';
import type { ChatTurn } from '../webllm/conversation';
import { GAME24_PROMPTS } from '../webllm/conversation';
import type { Fetch } from './client';
import { layoutFor } from './prompts';
import { ServerClient } from './client';
import {
  CorsBlockedError,
  ServerBusyError,
  ServerHttpError,
  ServerStreamCutError,
  ServerTimeoutError,
  ServerUnreachableError,
} from './errors';
import type { TestServer, TestServerOptions } from './testing/testServer';
import { startTestServer } from './testing/testServer';
import type { GenerationRequest } from './wire';

const servers: TestServer[] = [];
async function serve(options: TestServerOptions): Promise<TestServer> {
  const s = await startTestServer(options);
  servers.push(s);
  return s;
}
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A Game of 24 step request in the chat layout the test server reads. */
const puzzle = getPuzzle('g24-001');
if (!puzzle) throw new Error('no g24-001');
const stepRequest = (stream: boolean): GenerationRequest => ({
  route: 'chat',
  ...(layoutFor('chat', GAME24_PROMPTS, '\n\n').step(puzzle, []) as { messages: ChatTurn[] }),
  maxTokens: 96,
  temperature: 0.7,
  seed: 3,
  topLogprobs: 1,
  stop: ['\n\n'],
  n: 1,
  stream,
});

describe('connect: the model list and the family', () => {
  it.each([
    ['vllm', 'vllm'],
    ['sglang', 'sglang'],
    ['llamacpp', 'llamacpp'],
    ['ollama', 'ollama'],
    ['openai', 'openai'],
  ] as const)('%s is detected as %s', async (family, expected) => {
    const server = await serve({ family });
    const client = new ServerClient({ baseUrl: `${server.url}/v1/` });
    const { family: found, models } = await client.connect();
    expect(found).toBe(expected);
    expect(models).toHaveLength(1);
    if (family === 'vllm' || family === 'llamacpp') expect(models[0]?.contextLength).toBe(32768);
  });

  it('reads llama.cpp parallel slots from /props (they bound requests in flight)', async () => {
    const server = await serve({ family: 'llamacpp', slots: 3 });
    const client = new ServerClient({ baseUrl: server.url });
    await client.connect();
    expect(client.slots).toBe(3);
  });
});

describe('the API key', () => {
  it('goes in the Authorization header only; a wrong key is a 401 that does not repeat it', async () => {
    const key = 'sk-test-7f3a9c01-secret';
    const server = await serve({ family: 'vllm', apiKey: key });
    await new ServerClient({ baseUrl: server.url, apiKey: key }).connect();
    expect(server.received[0]?.authorization).toBe(`Bearer ${key}`);
    expect(server.received.every((r) => !r.path.includes(key))).toBe(true);
    const wrong = new ServerClient({ baseUrl: server.url, apiKey: 'sk-wrong-key-123' });
    const error = await wrong.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerHttpError);
    expect((error as Error).message).toMatch(/401 \(the API key is missing or wrong\)/);
    expect((error as Error).message).not.toContain('sk-wrong-key-123');
    expect(JSON.stringify(wrong)).toBe('{"family":"openai","model":""}');
  });
});

describe('retries of a busy server (fake timers)', () => {
  /** A fetch that answers from a list, counting calls. */
  function scripted(answers: (() => Response)[]): { fetch: Fetch; calls: () => number } {
    let n = 0;
    return {
      fetch: () =>
        Promise.resolve((answers[Math.min(n++, answers.length - 1)] as () => Response)()),
      calls: () => n,
    };
  }
  const ok = () =>
    new Response(
      JSON.stringify({
        choices: [{ index: 0, text: 'x', finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1 },
      }),
      { status: 200 },
    );
  const busy = (status: number, retryAfter?: string) => () =>
    new Response('{"error":{"message":"busy"}}', {
      status,
      headers: retryAfter ? { 'Retry-After': retryAfter } : {},
    });

  it('waits exactly what Retry-After says before asking again', async () => {
    vi.useFakeTimers();
    const f = scripted([busy(429, '2'), ok]);
    const client = new ServerClient({ baseUrl: 'http://127.0.0.1:1', fetch: f.fetch });
    const reply = client.generate(stepRequest(false));
    await vi.advanceTimersByTimeAsync(1999);
    expect(f.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(f.calls()).toBe(2);
    expect((await reply).choices[0]?.text).toBe('x');
  });

  it('without Retry-After backs off 500 ms, then 1 s, then fails named after the last retry', async () => {
    vi.useFakeTimers();
    const f = scripted([busy(503)]);
    const client = new ServerClient({
      baseUrl: 'http://127.0.0.1:1',
      fetch: f.fetch,
      retry: { retries: 2, baseMs: 500, maxMs: 30_000 },
    });
    const reply = client.generate(stepRequest(false)).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(499);
    expect(f.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(f.calls()).toBe(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(f.calls()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    const error = await reply;
    expect(f.calls()).toBe(3);
    expect(error).toBeInstanceOf(ServerBusyError);
    expect((error as Error).message).toBe('The server answered 503: busy (after 2 retries)');
  });

  it('a 500 is not retried: one request, a named error', async () => {
    const server = await serve({ family: 'vllm', fault: () => ({ status: 500 }) });
    const client = new ServerClient({ baseUrl: server.url });
    await client.connect();
    const error = await client.generate(stepRequest(false)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerHttpError);
    expect((error as Error).message).toBe('The server answered 500: Internal server error');
    expect(server.stats.generations).toBe(1);
  });

  it('a real 429 with Retry-After from the test server is retried and then answered', async () => {
    const server = await serve({
      family: 'sglang',
      fault: (n) => (n === 1 ? { status: 429, retryAfter: '0' } : 'ok'),
    });
    const client = new ServerClient({ baseUrl: server.url });
    await client.connect();
    const reply = await client.generate(stepRequest(true));
    expect(reply.choices[0]?.text).toMatch(/\(left: /);
    expect(server.stats.generations).toBe(2);
  });
});

describe('streams, timeouts and cut connections', () => {
  it('streams the text as it is written and ends with usage', async () => {
    const server = await serve({ family: 'llamacpp', tokenMs: 1 });
    const client = new ServerClient({ baseUrl: server.url });
    await client.connect();
    const seen: string[] = [];
    const reply = await client.generate(stepRequest(true), { onText: (_, t) => seen.push(t) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(reply.choices[0]?.text);
    expect(reply.usage.prompt).toBeGreaterThan(10);
    expect(reply.usage.cached).not.toBeNull(); // llama.cpp always reports cache_n
  });

  it('a connection cut mid-stream is a ServerStreamCutError', async () => {
    const server = await serve({ family: 'vllm', fault: () => ({ cut: 3 }) });
    const client = new ServerClient({ baseUrl: server.url });
    await client.connect();
    await expect(client.generate(stepRequest(true))).rejects.toBeInstanceOf(ServerStreamCutError);
  });

  it('a first token slower than the timeout is a ServerTimeoutError; a slow one within it is fine', async () => {
    const slow = await serve({ family: 'vllm', firstTokenMs: 400 });
    const client = new ServerClient({ baseUrl: slow.url, timeoutMs: 150 });
    await client.connect();
    const error = await client.generate(stepRequest(true)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerTimeoutError);
    expect((error as Error).message).toMatch(/sent nothing for 150 ms/);
    client.timeoutMs = 2000;
    expect((await client.generate(stepRequest(true))).choices[0]?.finish).toBe('stop');
  });
});

describe('CORS and an absent server', () => {
  /** A browser's fetch: a cross-origin request without CORS headers fails as a network error, while a no-cors request gets an opaque answer. */
  const browserFetch: Fetch = (_url, init) =>
    init.mode === 'no-cors'
      ? Promise.resolve(new Response(null, { status: 200 }))
      : Promise.reject(new TypeError('Failed to fetch'));

  it.each([
    [8000, '--allowed-origins'],
    [11434, 'OLLAMA_ORIGINS=http://127.0.0.1:4175'],
    [8080, '--cors-origins http://127.0.0.1:4175'],
  ])('a blocked request to port %i names the setting %s first', async (port, setting) => {
    const client = new ServerClient({
      baseUrl: `http://192.0.2.1:${port}`,
      fetch: browserFetch,
      origin: 'http://127.0.0.1:4175',
    });
    const error = await client.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorsBlockedError);
    const message = (error as Error).message;
    expect(message).toMatch(/blocked the answer: the server is there/);
    expect(message.split('Other servers')[0]).toContain(setting);
    expect(message).not.toContain('192.0.2.1');
  });

  it('nothing listening is ServerUnreachableError, not a CORS problem', async () => {
    const server = await serve({ family: 'vllm' });
    const url = server.url;
    await server.close();
    servers.pop();
    const error = await new ServerClient({ baseUrl: url }).connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerUnreachableError);
    expect((error as Error).message).not.toContain(url);
  });

  it('the test server without CORS sends no Allow-Origin and refuses the preflight; with CORS it answers both', async () => {
    const closed = await serve({ family: 'vllm', cors: false });
    const open = await serve({ family: 'vllm' });
    const preflight = {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:4175', 'Access-Control-Request-Method': 'POST' },
    };
    const a = await fetch(`${closed.url}/v1/completions`, preflight);
    const b = await fetch(`${open.url}/v1/completions`, preflight);
    expect([a.status, a.headers.get('access-control-allow-origin')]).toEqual([405, null]);
    expect([b.status, b.headers.get('access-control-allow-origin')]).toEqual([
      204,
      'http://127.0.0.1:4175',
    ]);
    const models = await fetch(`${closed.url}/v1/models`, {
      headers: { Origin: 'http://127.0.0.1:4175' },
    });
    expect(models.headers.get('access-control-allow-origin')).toBeNull();
  });
});
