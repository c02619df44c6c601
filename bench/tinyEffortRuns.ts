/**
 * One point of the tiny model's effort curve (bench/tinyEffort.ts): a strategy at a budget
 * k over a list of puzzles, each run through the project's own search code
 * (src/core/search) with the tiny engine (src/engines/tiny/engine.ts), graded by the task,
 * with the compute each run's events measured (generated and prefilled tokens) and the CPU
 * seconds this process spent on it.
 */
import { createRng } from '../src/core/rng';
import { runSearch, streamEvents } from '../src/core/search';
import type { SearchSettings } from '../src/core/search/settings';
import { game24Task } from '../src/core/tasks/game24';
import type { Game24Problem } from '../src/core/tasks/game24';
import type { TraceEvent } from '../src/core/tree/events';
import { summarizeRun } from '../src/lab/runCell';
import type { CellResult } from '../src/lab/types';
import type { ShareInterval } from '../src/lab/wilson';
import { wilson } from '../src/lab/wilson';
import type { TinyModel } from '../src/engines/tiny/engine';
import { createTinyEngine } from '../src/engines/tiny/engine';
import { tinyKit } from '../src/engines/tiny/kit';
import type { TinyEngineSettings } from '../src/engines/tiny/settings';

/** The run seed of every run (per-path seeds derive from it and the path: a run is a replay). */
export const RUN_SEED = 1;

/** One puzzle's run: how it ended and what it cost. */
export interface PuzzleRun {
  puzzle: string;
  status: CellResult['status'];
  answer: string | null;
  generated: number;
  prefilled: number;
}

/** One point of the curve. */
export interface EffortPoint {
  strategy: string;
  label: string;
  /** The budget k (greedy: 1). */
  k: number;
  search: SearchSettings;
  engine: TinyEngineSettings;
  runs: number;
  solved: number;
  wrong: number;
  noAnswer: number;
  failed: number;
  /** Share solved with its Wilson 95 % interval. */
  accuracy: ShareInterval;
  /** Mean generated (decoded) tokens per puzzle, as the events report them. */
  meanGenerated: number;
  /** Mean prefilled tokens per puzzle (what the prefix-tree KV cache did not hold). */
  meanPrefilled: number;
  cpuSeconds: number;
  wallSeconds: number;
  perPuzzle: PuzzleRun[];
}

/** Runs `search` with the tiny engine on each puzzle and sums the point up. */
export async function effortPoint(
  model: TinyModel,
  puzzles: readonly Game24Problem[],
  what: { strategy: string; label: string; k: number },
  search: SearchSettings,
  engine: TinyEngineSettings,
): Promise<EffortPoint> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const perPuzzle: PuzzleRun[] = [];
  for (const problem of puzzles) {
    const parts = createTinyEngine(model, engine, { seed: RUN_SEED }, tinyKit);
    const ctx = { task: game24Task, problem, ...parts, rng: createRng(RUN_SEED) };
    const events: TraceEvent[] = [];
    let error: unknown;
    try {
      for await (const e of streamEvents(runSearch(ctx, search))) events.push(e);
    } catch (e) {
      error = e;
    }
    const r = summarizeRun(events, error);
    perPuzzle.push({
      puzzle: problem.id,
      status: r.status,
      answer: r.answer,
      generated: r.cost.generated,
      prefilled: r.cost.prefilled,
    });
  }
  const cpu = process.cpuUsage(cpu0);
  const count = (s: CellResult['status']): number => perPuzzle.filter((r) => r.status === s).length;
  const mean = (f: (r: PuzzleRun) => number): number =>
    perPuzzle.reduce((sum, r) => sum + f(r), 0) / perPuzzle.length;
  const solved = count('solved');
  return {
    ...what,
    search,
    engine,
    runs: perPuzzle.length,
    solved,
    wrong: count('wrong'),
    noAnswer: count('no-answer'),
    failed: count('failed'),
    accuracy: wilson(solved, perPuzzle.length),
    meanGenerated: mean((r) => r.generated),
    meanPrefilled: mean((r) => r.prefilled),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    wallSeconds: (performance.now() - t0) / 1000,
    perPuzzle,
  };
}
