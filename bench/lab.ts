/**
 * `npm run bench:lab` (first half): the effort lab's grid in Node, on the simulated engine —
 * 100 Game of 24 puzzles × budgets 2 / 8 / 32 (MetaStone-S1's low / medium / high) × one
 * strategy of each family (best-of-N PRM pick, beam search, MCTS), one seed: 900 runs through
 * the same loop the lab's worker runs (GridLoop with runCellSync, batches and breaths
 * included). Prints the wall time, runs per second, time per run by strategy, and the curve.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { PUZZLES } from '../src/core/tasks/game24';
import { aggregateGrid } from '../src/lab/aggregate';
import { GridLoop } from '../src/lab/gridLoop';
import { runCellSync } from '../src/lab/runCell';
import type { CellResult, GridCell, GridSpec } from '../src/lab/types';
import { LAB_PLAN } from '../src/lab/worker/plan';
import { DEFAULT_ENGINE } from '../src/run/settings';

/** The benchmark's grid: 100 puzzles × 3 strategies × 3 budgets × 1 seed = 900 runs. */
export function labBenchSpec(): GridSpec {
  return {
    task: 'game24',
    problemIds: PUZZLES.slice(0, 100).map((p) => p.id),
    engine: DEFAULT_ENGINE,
    strategies: ['bon-prm-geomean', 'beam-min', 'mcts-prm'],
    budgets: [2, 8, 32],
    seeds: [1],
    experiment: { kind: 'budget' },
  };
}

/** Runs the grid through GridLoop; the wall time and everything it gave. */
async function runGrid(
  spec: GridSpec,
): Promise<{ ms: number; cells: GridCell[]; results: Map<string, CellResult>; batches: number }> {
  const cells: GridCell[] = [];
  const results = new Map<string, CellResult>();
  let batches = 0;
  const start = performance.now();
  await new GridLoop(spec, {
    execute: (cell) => runCellSync(cell),
    plan: LAB_PLAN,
    events: {
      stage: (_s, c) => cells.push(...c),
      results: (batch) => {
        batches += 1;
        for (const r of batch) results.set(r.cellId, r);
      },
      progress: () => undefined,
      finished: () => undefined,
    },
  }).run();
  return { ms: performance.now() - start, cells, results, batches };
}

async function main(): Promise<void> {
  const spec = labBenchSpec();
  // Warm-up (the JIT): a tenth of the grid.
  await runGrid({ ...spec, problemIds: spec.problemIds.slice(0, 10) });
  const { ms, cells, results, batches } = await runGrid(spec);
  const runs = results.size;
  const failed = [...results.values()].filter((r) => r.status === 'failed').length;
  const perStrategy = spec.strategies.map((s) => {
    const mine = cells.filter((c) => c.strategy === s).map((c) => results.get(c.id)?.ms ?? 0);
    return `${s} ${(mine.reduce((a, b) => a + b, 0) / mine.length).toFixed(2)} ms`;
  });
  console.log(
    `Effort lab grid, Node ${process.version} on ${os.cpus()[0]?.model ?? 'unknown CPU'}: ` +
      `${spec.problemIds.length} puzzles × ${spec.strategies.length} strategies × ` +
      `budgets ${spec.budgets.join('/')} × ${spec.seeds.length} seed = ${runs} runs ` +
      `(${failed} failed) in ${(ms / 1000).toFixed(2)} s, ${(runs / (ms / 1000)).toFixed(0)} runs/s ` +
      `(${batches} result batches); mean time per run: ${perStrategy.join(', ')}`,
  );
  for (const p of aggregateGrid(spec, cells, results)) {
    console.log(
      `  ${p.series.strategy} k=${p.budget}: accuracy ${(p.accuracy * 100).toFixed(0)}%, ` +
        `${p.generated.toFixed(0)} tokens and ${p.calls.toFixed(1)} model calls per problem`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
