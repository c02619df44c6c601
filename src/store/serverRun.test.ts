import { afterEach, describe, expect, it, vi } from 'vitest';
import { reduce } from '../core/tree/reduce';
import type { TestServer } from '../engines/server/testing/testServer';
import { startTestServer } from '../engines/server/testing/testServer';
import { parseRunFile } from '../run/parseRunFile';
import { DEFAULT_SETTINGS } from '../run/settings';
import {
  chooseServerModel,
  connectToServer,
  continueRun,
  disconnectFromServer,
  exportRun,
  runToEnd,
  setSettings,
  updateServer,
  useArbor,
} from './index';

// The library's IndexedDB is not in Node: saves go nowhere (library tests cover them).
vi.mock('../library/library', () => ({
  saveRun: vi.fn(() => Promise.reject(new Error('no library in this test'))),
  listRuns: vi.fn(() => Promise.resolve([])),
  loadRun: vi.fn(),
  renameRun: vi.fn(),
  deleteRun: vi.fn(),
}));

const KEY = 'sk-test-very-secret-key-1234';
const servers: TestServer[] = [];
afterEach(async () => {
  await disconnectFromServer();
  setSettings(DEFAULT_SETTINGS);
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(options: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const s = await startTestServer(options);
  servers.push(s);
  return s;
}

describe('a search on a connected server', () => {
  it('connects, detects the family, runs MCTS with the server text, and exports without the key', async () => {
    const server = await serve({ family: 'vllm', apiKey: KEY, cacheReport: true });
    expect(await connectToServer(server.url, KEY, false)).toBe(true);
    const connection = useArbor.getState().server;
    expect(connection).toMatchObject({ phase: 'connected', family: 'vllm', familyLabel: 'vLLM' });
    if (connection.phase !== 'connected') throw new Error('not connected');
    chooseServerModel(connection.models[0]?.id ?? '');
    expect(useArbor.getState().settings.engine).toMatchObject({
      kind: 'server',
      family: 'vllm',
      model: 'Qwen/Qwen2.5-7B-Instruct',
    });
    updateServer({ concurrency: 4 });
    await runToEnd();
    const s = useArbor.getState();
    expect(s.error).toBeNull();
    expect(s.complete).toBe(true);
    const tree = reduce(s.trace.all);
    expect(tree.nodes[0]?.N).toBe(30);
    // The steps are the server's (its text source writes Game of 24 steps with "left:").
    expect(tree.nodes.slice(1).some((n) => /\(left: /.test(n.text))).toBe(true);
    expect(server.stats.generations).toBeGreaterThan(10);

    const file = exportRun();
    expect(file.server?.replies.length).toBeGreaterThan(0);
    const text = JSON.stringify(file);
    expect(text).not.toContain(KEY);
    // The address never enters the file (a bare port number could be digits of a logprob).
    expect(text).not.toContain(`:${server.port}`);
    expect(text).not.toContain('127.0.0.1');
    expect(
      JSON.stringify(useArbor.getState(), (_k, v: unknown) => (v instanceof Map ? [...v] : v)),
    ).not.toContain(KEY);
    // The exported file opens again, with its recording.
    const parsed = parseRunFile(JSON.parse(text));
    expect(parsed.ok && parsed.file.server?.model).toBe('Qwen/Qwen2.5-7B-Instruct');
  });

  it('a refused key says so; nothing of the key appears in the message', async () => {
    const server = await serve({ family: 'sglang', apiKey: KEY });
    expect(await connectToServer(server.url, 'wrong-key-abc', false)).toBe(false);
    const s = useArbor.getState().server;
    expect(s.phase).toBe('error');
    if (s.phase === 'error') {
      expect(s.message).toMatch(/401/);
      expect(s.message).not.toContain('wrong-key-abc');
    }
  });

  it('a server killed mid-run stops it with a named error; restarted, Continue finishes the same run', async () => {
    const server = await serve({ family: 'llamacpp' });
    await connectToServer(server.url, '', false);
    chooseServerModel('Qwen/Qwen2.5-7B-Instruct');
    updateServer({ concurrency: 1, retries: 0, timeoutMs: 2000 });
    const whole = await (async () => {
      await runToEnd();
      return useArbor.getState().trace.all.slice();
    })();
    setSettings(useArbor.getState().settings);
    server.setFault((n) => (n > 12 ? { status: 500 } : 'ok'));
    await runToEnd();
    const failed = useArbor.getState();
    expect(failed.error).toMatch(/500/);
    expect(failed.error).toMatch(/after event \d+/);
    const kept = failed.trace.all.length;
    expect(kept).toBeGreaterThan(1);
    expect(failed.trace.all).toEqual(whole.slice(0, kept));
    server.setFault(undefined);
    expect(continueRun()).toBe(true);
    await runToEnd();
    const done = useArbor.getState();
    expect(done.error).toBeNull();
    expect(done.trace.all).toEqual(whole);
  });
});
