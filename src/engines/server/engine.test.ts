import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRng } from '../../core/rng';
import type { SearchSettings } from '../../core/search';
import { runSearch, streamEvents } from '../../core/search';
import { DEFAULT_BEST_OF_N } from '../../core/search/settings';
import { game24Task, getPuzzle } from '../../core/tasks/game24';
import { getWordProblem, wordProblemTask } from '../../core/tasks/wordProblems';
import type { TraceEvent } from '../../core/tree/events';
import { reduce } from '../../core/tree/reduce';
import type { ReplySource } from './client';
import { ServerClient } from './client';
import { createServerEngine } from './engine';
import { ServerError } from './errors';
import type { ServerFamily } from './families';
import type { ServerRecording } from './recording';
import { cachedShare } from './cachedShare';
import { replaySource, serverRecordingSchema } from './recording';
import type { ServerEngineSettings } from './settings';
import { DEFAULT_SERVER_ENGINE } from './settings';
import type { TestServer, TestServerOptions } from './testing/testServer';
import { startTestServer } from './testing/testServer';

const servers: TestServer[] = [];
async function serve(options: TestServerOptions): Promise<TestServer> {
  const s = await startTestServer(options);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const MCTS: SearchSettings = {
  algorithm: 'mcts',
  rule: 'puct',
  c: 1.4,
  iterations: 8,
  maxDepth: 4,
  childrenPerExpansion: 3,
  valueMode: 'prm',
};
const BEAM: SearchSettings = {
  algorithm: 'beam',
  beamWidth: 3,
  expansionsPerBeam: 3,
  maxDepth: 4,
  aggregation: 'min',
};
const BEST: SearchSettings = { ...DEFAULT_BEST_OF_N, n: 6 };

interface Run {
  events: TraceEvent[];
  recording: ServerRecording;
  error: unknown;
}

/** A whole run of Game of 24 puzzle g24-001 (or word problem wp-001) over `source`. */
async function run(
  source: ReplySource,
  search: SearchSettings,
  engine: Partial<ServerEngineSettings> = {},
  task: 'game24' | 'word-problems' = 'game24',
): Promise<Run> {
  const settings: ServerEngineSettings = {
    ...DEFAULT_SERVER_ENGINE,
    family: source.family,
    model: 'Qwen/Qwen2.5-7B-Instruct',
    ...engine,
  };
  const e =
    task === 'game24'
      ? createServerEngine(source, settings, 'game24', { seed: 7 })
      : createServerEngine(source, settings, 'word-problems', { seed: 7 });
  const problem = task === 'game24' ? getPuzzle('g24-001') : getWordProblem('wp-001');
  const ctx = {
    task: task === 'game24' ? game24Task : wordProblemTask,
    problem,
    proposer: e.proposer,
    judge: e.judge,
    rng: createRng(7),
    concurrency: e.concurrency,
  } as never;
  const events: TraceEvent[] = [];
  let error: unknown = null;
  try {
    for await (const ev of streamEvents(runSearch(ctx, search))) events.push(ev);
  } catch (err) {
    error = err;
  }
  return { events, recording: e.recording(), error };
}

async function client(server: TestServer, apiKey?: string): Promise<ServerClient> {
  const c = new ServerClient({ baseUrl: server.url, ...(apiKey ? { apiKey } : {}) });
  await c.connect();
  return c;
}

describe('a whole run against the test server', () => {
  it.each([
    ['vllm', MCTS],
    ['vllm', BEAM],
    ['vllm', BEST],
    ['ollama', BEAM],
    ['llamacpp', BEST],
  ] as [ServerFamily, SearchSettings][])(
    '%s, %o: concurrency 1 and 8 give identical events; 8 really overlaps',
    async (family, search) => {
      const server = await serve({ family, jitterMs: 6 });
      const c = await client(server);
      const one = await run(c, search, { concurrency: 1 });
      const mostAtOne = server.stats.mostOpen;
      server.stats.mostOpen = 0;
      const eight = await run(c, search, { concurrency: 8 });
      expect(one.error).toBeNull();
      expect(eight.error).toBeNull();
      expect(JSON.stringify(eight.events)).toBe(JSON.stringify(one.events));
      expect(one.events.at(-1)?.type).toBe('done');
      expect(mostAtOne).toBe(1);
      if (search.algorithm !== 'mcts' || family === 'ollama')
        expect(server.stats.mostOpen).toBeGreaterThan(1);
      expect(reduce(eight.events).nodes.length).toBeGreaterThan(3);
    },
  );

  it('the text is the server’s: every child is a step it streamed, and the tree grows with it', async () => {
    const server = await serve({ family: 'sglang' });
    const r = await run(await client(server), BEAM, { judge: 'rule' });
    const streamed = r.recording.replies.flatMap((rep) => rep.choices.map((ch) => ch.text.trim()));
    const children = r.events.flatMap((e) =>
      e.type === 'expand' ? e.children.map((ch) => ch.text) : [],
    );
    expect(children.length).toBeGreaterThan(5);
    for (const text of children) expect(streamed).toContain(text);
  });

  it('word problems with the self-judge, and the rollout judge, both finish', async () => {
    const server = await serve({ family: 'vllm' });
    const c = await client(server);
    const self = await run(c, BEAM, { judge: 'self' }, 'word-problems');
    expect(self.error).toBeNull();
    expect(self.events.some((e) => e.type === 'score' && e.evidence.judge === 'self')).toBe(true);
    const roll = await run(
      c,
      { ...BEAM, beamWidth: 2, maxDepth: 2 },
      { judge: 'rollout', rolloutK: 2, concurrency: 4 },
    );
    expect(roll.error).toBeNull();
    expect(roll.events.some((e) => e.type === 'score' && e.evidence.judge === 'rollout')).toBe(
      true,
    );
  });
});

describe('hostile model text', () => {
  it('model text full of HTML stays text, byte for byte, in the events', async () => {
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script> &amp; 4 + 8 = 12';
    const server = await serve({
      family: 'vllm',
      text: {
        label: 'hostile',
        step: () => [...html].map((ch) => ({ token: ch, logprob: -0.1 })),
        pYes: () => 0.5,
      },
    });
    const r = await run(await client(server), { ...BEAM, maxDepth: 1 }, { concurrency: 2 });
    const texts = r.events.flatMap((e) =>
      e.type === 'expand' ? e.children.map((ch) => ch.text) : [],
    );
    expect(texts).toEqual([html]);
  });
});

describe('recorded replies', () => {
  it('an exported run replays without the server, at another concurrency, to the same events', async () => {
    const server = await serve({ family: 'vllm', cacheReport: true, jitterMs: 4 });
    const live = await run(await client(server), BEAM, { concurrency: 8 });
    const file = JSON.parse(JSON.stringify(live.recording)) as unknown; // as exported
    const recording = serverRecordingSchema.parse(file);
    await server.close();
    servers.pop();
    const replayed = await run(replaySource(recording), BEAM, { concurrency: 1 });
    expect(replayed.error).toBeNull();
    expect(JSON.stringify(replayed.events)).toBe(JSON.stringify(live.events));
    expect(cachedShare(recording).share).toBeGreaterThan(0.3);
  });

  it('a family that reports no cache says "not reported" (null), never an estimate', async () => {
    const server = await serve({ family: 'ollama' });
    const r = await run(await client(server), BEAM);
    expect(cachedShare(r.recording)).toMatchObject({ share: null, reported: 0 });
  });

  it('the server killed mid-run: a named error, the events so far kept; restarted, Continue finishes the same run', async () => {
    const server = await serve({ family: 'vllm' });
    const full = await run(await client(server), BEAM, { concurrency: 4 });
    const port = server.port;
    const dying = await serve({ family: 'vllm' });
    let killed = false;
    dying.setFault((n) => {
      if (n === 12 && !killed) {
        killed = true;
        void dying.close();
        return 'hang';
      }
      return 'ok';
    });
    const broken = await run(await client(dying), BEAM, { concurrency: 4 });
    expect(broken.error).toBeInstanceOf(ServerError);
    expect((broken.error as Error).name).toMatch(/ServerUnreachableError|ServerStreamCutError/);
    expect(broken.events.length).toBeGreaterThan(1);
    expect(broken.events).toEqual(full.events.slice(0, broken.events.length));
    // Back on another port (the address is not part of the run); Continue: the recording answers
    // what it holds, the server the rest.
    const again = await serve({ family: 'vllm' });
    const resumed = await run(replaySource(broken.recording, await client(again)), BEAM, {
      concurrency: 4,
    });
    expect(resumed.error).toBeNull();
    expect(resumed.events).toEqual(full.events);
    expect(port).toBeGreaterThan(0);
  });
});

describe('the API key never enters what is kept', () => {
  it('events, recording, the client as JSON, error messages and console output hold no key and no address', async () => {
    const key = 'sk-arbor-9d8c7b6a5f4e3d2c1b0a';
    const server = await serve({ family: 'vllm', apiKey: key });
    const c = await client(server, key);
    const logged: string[] = [];
    const spies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((m) =>
      vi
        .spyOn(console, m)
        .mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
    );
    const ok = await run(c, BEAM, { concurrency: 4 });
    server.setFault(() => ({ status: 500 }));
    const failed = await run(c, BEAM);
    const noKey = new ServerClient({ baseUrl: server.url });
    const refused = await noKey.connect().catch((e: unknown) => e);
    for (const s of spies) s.mockRestore();
    const kept = [
      JSON.stringify(ok.events),
      JSON.stringify(ok.recording),
      JSON.stringify(failed.events),
      String(failed.error),
      (failed.error as Error).stack ?? '',
      String(refused),
      JSON.stringify(c),
      JSON.stringify({
        settings: { ...DEFAULT_SERVER_ENGINE, model: c.model },
        recording: ok.recording,
      }),
      ...logged,
    ];
    expect(ok.error).toBeNull();
    for (const text of kept) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(key.slice(3, 15));
      expect(text).not.toContain(`127.0.0.1:${server.port}`);
    }
    expect(JSON.stringify(c)).toBe(
      JSON.stringify({ family: 'vllm', model: 'Qwen/Qwen2.5-7B-Instruct' }),
    );
  });
});
