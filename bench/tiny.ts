/**
 * The tiny model in Node (onnxruntime-node, one thread; issue 12): greedy decode speed with
 * the KV cache on the held-out puzzles, and prefill tokens per generated step for MCTS, beam
 * search and best-of-N with the prefix-tree KV cache against the naive order (a cache of 0
 * bytes: every call prefills its whole line). Prefill counts do not depend on the machine's
 * load; the tokens/s do (say what else ran). Run: npx tsx bench/tiny.ts
 */
import { createRng } from '../src/core/rng';
import { runSearch, streamEvents } from '../src/core/search';
import type { SearchSettings } from '../src/core/search/settings';
import { game24Task, PUZZLES } from '../src/core/tasks/game24';
import type { TraceEvent } from '../src/core/tree/events';
import { createTinyEngine } from '../src/engines/tiny/engine';
import { tinyKit } from '../src/engines/tiny/kit';
import { greedyLine } from '../src/engines/tiny/greedyLine';
import { DEFAULT_TINY_ENGINE } from '../src/engines/tiny/settings';
import { loadNodeTinyModel } from '../src/engines/tiny/testing/nodeModel';
import { tinyTokenizer } from '../src/engines/tiny/tokenizer';

const SEARCHES: [string, SearchSettings][] = [
  [
    'MCTS (PUCT, 30 iterations, 3 children)',
    {
      algorithm: 'mcts',
      rule: 'puct',
      c: 1.4,
      iterations: 30,
      maxDepth: 4,
      childrenPerExpansion: 3,
      valueMode: 'prm',
    },
  ],
  [
    'beam (width 3, 3 expansions)',
    { algorithm: 'beam', beamWidth: 3, expansionsPerBeam: 3, maxDepth: 4, aggregation: 'min' },
  ],
  [
    'best-of-N (N = 8)',
    { algorithm: 'best-of-n', n: 8, maxDepth: 4, pick: 'prm', aggregation: 'geomean' },
  ],
];
const PUZZLE_IDS = ['g24-005', 'g24-040', 'g24-080'];

const model = await loadNodeTinyModel();
const tokenizer = tinyTokenizer(model.manifest);

// Greedy decoding: every forward pass is one token with the cache.
let tokens = 0;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (const p of PUZZLES.slice(0, 40)) {
  const line = await greedyLine(model.forward, model.manifest, tokenizer, p.numbers);
  tokens += line.steps.reduce((s, step) => s + tokenizer.encode(`${step}\n`).length, 0);
}
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
// On a shared machine the wall time mostly measures the other jobs; CPU time is this one's.
console.warn(
  `greedy decode, 40 held-out puzzles: ${String(tokens)} tokens in ${seconds.toFixed(2)} s wall = ${(tokens / seconds).toFixed(0)} tokens/s; ${cpuSeconds.toFixed(2)} s CPU = ${(tokens / cpuSeconds).toFixed(0)} tokens per CPU second`,
);

async function prefillPerStep(
  search: SearchSettings,
  budget: number,
): Promise<{ perStep: number; steps: number }> {
  let prefilled = 0;
  let generatedSteps = 0;
  for (const id of PUZZLE_IDS) {
    const problem = PUZZLES.find((p) => p.id === id);
    if (!problem) throw new Error(id);
    const parts = createTinyEngine(model, DEFAULT_TINY_ENGINE, { seed: 1 }, tinyKit, budget);
    const events: TraceEvent[] = [];
    const ctx = { task: game24Task, problem, ...parts, rng: createRng(1) };
    for await (const e of streamEvents(runSearch(ctx, search))) events.push(e);
    for (const e of events) {
      if ('cost' in e) prefilled += e.cost.prefilled;
      if (e.type === 'expand') generatedSteps += e.children.length;
      if (e.type === 'simulate') generatedSteps += e.steps.length;
    }
  }
  return { perStep: prefilled / Math.max(1, generatedSteps), steps: generatedSteps };
}

for (const [name, search] of SEARCHES) {
  const cached = await prefillPerStep(search, 64 * 1024 * 1024);
  const naive = await prefillPerStep(search, 0);
  console.warn(
    `${name}, ${String(cached.steps)} steps on ${PUZZLE_IDS.join(' ')}: prefill tokens per generated step ${cached.perStep.toFixed(1)} with the KV tree cache, ${naive.perStep.toFixed(1)} naive (ratio ${(cached.perStep / naive.perStep).toFixed(2)})`,
  );
}
