import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestServer } from '../engines/server/testing/testServer';
import { startTestServer } from '../engines/server/testing/testServer';
import { DEFAULT_SERVER_ENGINE } from '../engines/server/settings';
import { connectToServer, disconnectFromServer } from './index';
import { startLab, updateLabDraft } from './labActions';
import { SMALL, ended, lab, labOnThisThread } from './testing/labSetup';
import { waitFor } from './testing/waitFor';

vi.mock('../library/library', () => ({
  saveRun: vi.fn(() => Promise.reject(new Error('no library in this test'))),
  listRuns: vi.fn(() => Promise.resolve([])),
  loadRun: vi.fn(),
  renameRun: vi.fn(),
  deleteRun: vi.fn(),
}));

labOnThisThread();

let server: TestServer | null = null;
afterEach(async () => {
  await disconnectFromServer();
  await server?.close();
  server = null;
});

/** The grid's results, run by run, without their wall-clock times. */
async function gridOn(concurrency: number) {
  updateLabDraft({
    ...SMALL,
    engine: {
      ...DEFAULT_SERVER_ENGINE,
      family: 'vllm',
      model: 'Qwen/Qwen2.5-7B-Instruct',
      concurrency,
    },
  });
  expect(startLab()).toEqual([]);
  await waitFor(ended, 60_000);
  const grid = lab().grid;
  if (!grid) throw new Error('no grid');
  expect(grid.status).toBe('done');
  return Object.fromEntries(Object.entries(grid.results).map(([id, r]) => [id, { ...r, ms: 0 }]));
}

describe('a lab grid on a server', () => {
  it('refuses to start with no server connected, and says where to connect one', () => {
    updateLabDraft({ ...SMALL, engine: { ...DEFAULT_SERVER_ENGINE, model: 'm' } });
    expect(startLab()).toContain(
      'No server is connected: connect one in the Server panel, or use the simulated engine.',
    );
  });

  it('runs several runs at once, and gives the same results as one at a time', async () => {
    server = await startTestServer({ family: 'vllm', latencyMs: 5, jitterMs: 10 });
    expect(await connectToServer(server.url, '', false)).toBe(true);
    const one = await gridOn(1);
    const atOnce = server.stats.mostOpen;
    const eight = await gridOn(8);
    expect(Object.keys(one)).toHaveLength(12);
    expect(eight).toEqual(one);
    // One at a time never had two requests open; eight runs together had several.
    expect(atOnce).toBe(1);
    expect(server.stats.mostOpen).toBeGreaterThan(2);
  });
});
