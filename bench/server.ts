/**
 * The server engine against the test server with a fixed 200 ms per request (issue 13): wall
 * time of a beam search (width 4, 4 expansions, depth 4, self-judge) at concurrency 1 and 8,
 * side by side in one run, with the requests in flight over time and the share of prefill the
 * server reported cached. The test server's text is the simulated engine's and its "prefix
 * cache" counts the longest prompt prefix it has seen before: the ratios measure Arbor's
 * scheduling, not a GPU. Then a 40-run effort-lab grid (5 puzzles × best-of-N and beam × k = 2
 * and 4 × 2 seeds, self-judge) through the lab's own runner at concurrency 1 and 8: the
 * runs in flight together, their results compared cell by cell.
 */
import { createRng } from '../src/core/rng';
import { runSearch, streamEvents } from '../src/core/search';
import type { BeamSettings } from '../src/core/search/settings';
import { game24Task, getPuzzle } from '../src/core/tasks/game24';
import type { TraceEvent } from '../src/core/tree/events';
import type { ServerFamily } from '../src/engines/server';
import {
  DEFAULT_SERVER_ENGINE,
  ServerClient,
  cachedShare,
  createServerEngine,
  inFlightOverTime,
} from '../src/engines/server';
import { startTestServer } from '../src/engines/server/testing/testServer';
import { connectServer, disconnectServer } from '../src/engines/server/connect';
import { startLabRun } from '../src/lab/labRunner';
import type { CellResult, GridSpec } from '../src/lab/types';

const BEAM: BeamSettings = {
  algorithm: 'beam',
  beamWidth: 4,
  expansionsPerBeam: 4,
  maxDepth: 4,
  aggregation: 'min',
};
const LATENCY_MS = 200;

async function once(family: ServerFamily, concurrency: number) {
  const server = await startTestServer({ family, latencyMs: LATENCY_MS, cacheReport: true });
  const client = new ServerClient({ baseUrl: server.url, now: () => performance.now() });
  await client.connect();
  const engine = createServerEngine(
    client,
    { ...DEFAULT_SERVER_ENGINE, family: client.family, model: client.model, concurrency },
    'game24',
    { seed: 1 },
  );
  const problem = getPuzzle('g24-001');
  if (!problem) throw new Error('no puzzle g24-001');
  const ctx = {
    task: game24Task,
    problem,
    proposer: engine.proposer,
    judge: engine.judge,
    rng: createRng(1),
    concurrency,
  };
  const events: TraceEvent[] = [];
  const t0 = performance.now();
  for await (const e of streamEvents(runSearch(ctx, BEAM))) events.push(e);
  const wall = performance.now() - t0;
  const spans = client.limiter.spans;
  await server.close();
  return {
    wall,
    events,
    requests: spans.length,
    mostOpen: server.stats.mostOpen,
    overTime: inFlightOverTime(spans, t0, LATENCY_MS),
    cache: cachedShare(engine.recording()),
  };
}

for (const family of ['vllm', 'ollama'] as const) {
  const one = await once(family, 1);
  const eight = await once(family, 8);
  const same = JSON.stringify(one.events) === JSON.stringify(eight.events);
  const pct = (x: number | null) => (x === null ? 'not reported' : `${(100 * x).toFixed(0)}%`);
  console.log(
    `Beam 4×4, depth 4, self-judge, ${family} test server at ${LATENCY_MS} ms/request: ` +
      `concurrency 1 ${(one.wall / 1000).toFixed(2)} s (${one.requests} requests), ` +
      `concurrency 8 ${(eight.wall / 1000).toFixed(2)} s (${eight.requests} requests, at most ${eight.mostOpen} open) — ` +
      `${(one.wall / eight.wall).toFixed(1)}× faster; events identical: ${same ? 'yes' : 'NO'}`,
  );
  console.log(
    `  requests in flight per ${LATENCY_MS} ms at concurrency 8: ${eight.overTime.join(' ')}`,
  );
  console.log(
    `  prefill reported cached: ${pct(one.cache.share)} at concurrency 1, ${pct(eight.cache.share)} at 8 ` +
      `(${eight.cache.reported} of ${eight.cache.replies} replies reported it)`,
  );
  if (!same) process.exitCode = 1;
}

/** The 40-run grid through the lab runner (on this thread) against a fresh test server. */
async function grid(concurrency: number) {
  const server = await startTestServer({
    family: 'vllm',
    latencyMs: LATENCY_MS,
    cacheReport: true,
  });
  const found = await connectServer({ baseUrl: server.url, now: () => performance.now() });
  const model = found.models[0]?.id;
  if (!model) throw new Error('the test server listed no model');
  const spec: GridSpec = {
    task: 'game24',
    problemIds: ['g24-001', 'g24-020', 'g24-040', 'g24-060', 'g24-080'],
    engine: { ...DEFAULT_SERVER_ENGINE, family: found.family, model, concurrency },
    strategies: ['bon-majority', 'beam-min'],
    budgets: [2, 4],
    seeds: [1, 2],
    experiment: { kind: 'budget' },
  };
  const results = new Map<string, CellResult>();
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    startLabRun(
      spec,
      {
        stage: () => undefined,
        results: (batch) => batch.forEach((r) => results.set(r.cellId, { ...r, ms: 0 })),
        progress: () => undefined,
        finished: () => resolve(),
        error: (message) => reject(new Error(message)),
      },
      { createWorker: null },
    );
  });
  const wall = performance.now() - t0;
  disconnectServer();
  await server.close();
  return { wall, results, mostOpen: server.stats.mostOpen, requests: server.stats.generations };
}

const g1 = await grid(1);
const g8 = await grid(8);
const sameGrid =
  g1.results.size === g8.results.size &&
  [...g1.results].every(([id, r]) => JSON.stringify(r) === JSON.stringify(g8.results.get(id)));
const failed = [...g8.results.values()].filter((r) => r.error).length;
console.log(
  `Lab grid, ${g1.results.size} runs (best-of-N and beam, k 2 and 4), vllm test server at ${LATENCY_MS} ms/request: ` +
    `concurrency 1 ${(g1.wall / 1000).toFixed(1)} s (at most ${g1.mostOpen} request open), ` +
    `concurrency 8 ${(g8.wall / 1000).toFixed(1)} s (at most ${g8.mostOpen} open) — ` +
    `${(g1.wall / g8.wall).toFixed(1)}× faster; results identical: ${sameGrid ? 'yes' : 'NO'}; failed runs: ${failed}`,
);
if (!sameGrid || failed > 0 || g1.results.size !== 40) process.exitCode = 1;
