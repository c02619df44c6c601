/**
 * `npm run bench:tinyBrowser`: the tiny model's speed in Chromium (onnxruntime-web, wasm, one
 * thread: the production build is not cross-origin isolated) against Node (onnxruntime-node,
 * one thread), side by side in one run on the same searches (issue 12). Each side runs the
 * same MCTS searches on the same held-out puzzles with the same seeds; "tokens" are the
 * forward-pass tokens the runs' events count (generated plus prefilled), per wall second of
 * the whole search (the proposer, judge and search code included, not the bare forward pass).
 * Chromium's side includes copying each call's KV prefix to the model's worker and back.
 * Also says whether both sides wrote the same step texts (they sample from logits that differ
 * by ~1e-6 between runtimes, so a rare different draw is possible).
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { createRng } from '../src/core/rng';
import { runSearch, streamEvents } from '../src/core/search';
import type { SearchSettings } from '../src/core/search/settings';
import { game24Task, PUZZLES } from '../src/core/tasks/game24';
import type { TraceEvent } from '../src/core/tree/events';
import { createTinyEngine } from '../src/engines/tiny/engine';
import { tinyKit } from '../src/engines/tiny/kit';
import { DEFAULT_TINY_ENGINE } from '../src/engines/tiny/settings';
import { loadNodeTinyModel } from '../src/engines/tiny/testing/nodeModel';
import { sumCost } from '../src/lab/runCell';
import { startPreview } from './previewServer';

const PORT = 4188;
const DIST = process.argv[2] ?? 'dist-bench-tiny';
const PUZZLE_IDS = ['g24-005', 'g24-020', 'g24-040', 'g24-060', 'g24-080'];
const SEARCH: SearchSettings = {
  algorithm: 'mcts',
  rule: 'puct',
  c: 1.4,
  iterations: 30,
  maxDepth: 4,
  childrenPerExpansion: 3,
  valueMode: 'prm',
};
/** The seed the page's runs use (its default settings' seed). */
const SEED = 1;

interface Side {
  tokens: number;
  seconds: number;
  texts: string[];
}

const stepTexts = (events: readonly TraceEvent[]) =>
  events.flatMap((e) => (e.type === 'expand' ? e.children.map((c) => c.text) : []));
const forwardTokens = (events: readonly TraceEvent[]) => {
  const cost = sumCost(events);
  return cost.generated + cost.prefilled;
};

async function nodeSide(): Promise<Side> {
  const model = await loadNodeTinyModel();
  const side: Side = { tokens: 0, seconds: 0, texts: [] };
  for (const id of PUZZLE_IDS) {
    const problem = PUZZLES.find((p) => p.id === id);
    if (!problem) throw new Error(`no puzzle ${id}`);
    const t0 = performance.now();
    const parts = createTinyEngine(model, DEFAULT_TINY_ENGINE, { seed: SEED }, tinyKit);
    const ctx = { task: game24Task, problem, ...parts, rng: createRng(SEED) };
    const events: TraceEvent[] = [];
    for await (const e of streamEvents(runSearch(ctx, SEARCH))) events.push(e);
    side.seconds += (performance.now() - t0) / 1000;
    side.tokens += forwardTokens(events);
    side.texts.push(...stepTexts(events));
  }
  return side;
}

async function chromiumSide(): Promise<Side & { loadSeconds: number }> {
  const server = await startPreview(PORT, DIST);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const t0 = performance.now();
    await page.goto(`http://127.0.0.1:${PORT}/?engine=tiny`);
    await page.getByTestId('tiny-ready').waitFor({ timeout: 120_000 });
    const loadSeconds = (performance.now() - t0) / 1000;
    const side: Side = { tokens: 0, seconds: 0, texts: [] };
    for (const problemId of PUZZLE_IDS) {
      const { ms, events } = await page.evaluate(
        async ({ problemId, search, engine, seed }) => {
          const arbor = window.arbor;
          arbor.configure({ problemId, search, engine, seed });
          const start = performance.now();
          await arbor.runToEnd();
          const ms = performance.now() - start;
          return { ms, events: arbor.exportRun().events };
        },
        { problemId, search: SEARCH, engine: DEFAULT_TINY_ENGINE, seed: SEED },
      );
      const trace = events as TraceEvent[];
      side.seconds += ms / 1000;
      side.tokens += forwardTokens(trace);
      side.texts.push(...stepTexts(trace));
    }
    return { ...side, loadSeconds };
  } finally {
    await browser.close();
    server.kill();
  }
}

const rate = (s: Side) => (s.tokens / s.seconds).toFixed(0);
const node = await nodeSide();
const web = await chromiumSide();
const same =
  node.texts.length === web.texts.length && node.texts.every((t, i) => t === web.texts[i]);
console.log(
  `Tiny model, ${PUZZLE_IDS.length} held-out puzzles × MCTS (PUCT, 30 iterations, 3 children, SPRM judge), one thread each:`,
);
console.log(
  `  Node (onnxruntime-node):            ${String(node.tokens)} forward tokens in ${node.seconds.toFixed(2)} s = ${rate(node)} tokens/s`,
);
console.log(
  `  Chromium (onnxruntime-web, wasm):   ${String(web.tokens)} forward tokens in ${web.seconds.toFixed(2)} s = ${rate(web)} tokens/s (model loaded in ${web.loadSeconds.toFixed(1)} s from loopback)`,
);
console.log(
  `  Chromium / Node speed: ${(web.tokens / web.seconds / (node.tokens / node.seconds)).toFixed(2)}; same step texts on both: ${same ? 'yes' : `no (${String(node.texts.length)} vs ${String(web.texts.length)} steps)`}`,
);
