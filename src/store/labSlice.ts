import { getPreset } from '../lab/presets';
import type {
  CellResult,
  ComputeMetric,
  GridCell,
  GridProgress,
  GridSpec,
  IntervalKind,
} from '../lab/types';
import { DIFFICULTIES, pickSubset } from '../lab/subset';
import type { EngineSettings, TaskId } from '../run/settings';
import { DEFAULT_ENGINE, DEFAULT_SETTINGS } from '../run/settings';

/** Which page the app shows: the visualizer, or the effort lab. */
export type LabPage = 'visualizer' | 'lab';

/** Where a grid is: running, paused, or ended (all runs made, cancelled, or broken). */
export type LabGridStatus = 'running' | 'paused' | 'done' | 'cancelled' | 'failed';

/** A grid started from the draft, its results filling in as they arrive. */
export interface LabGrid {
  /** The spec it was started with (the draft may change meanwhile). */
  spec: GridSpec;
  /** Its runs: the first stage, then the second (the difficulty preview's allocated runs). */
  cells: GridCell[];
  /** Finished runs by cell id (a cell without an entry has not run yet). */
  results: Record<string, CellResult>;
  status: LabGridStatus;
  progress: GridProgress;
  /** Why the grid broke (status 'failed'); null otherwise. Failed runs are results. */
  error: string | null;
  /** Whether this is the example the lab computed when it first opened (the quick demo on
   *  the simulated engine), not a grid the user started. */
  example: boolean;
}

/**
 * The effort lab's state (issue 5), under `lab` in the store (the store's `draft` is the
 * step a model is writing). What test-time compute buys, measured as in MetaStone-S1 (arXiv
 * 2507.01951: low / medium / high = k of 2 / 8 / 32) and the Blueprint (arXiv 2501.11223:
 * accuracy against the logarithm of compute).
 */
export interface LabState {
  page: LabPage;
  /** The grid the setup form edits. */
  draft: GridSpec;
  /** The grid started last, or null before the first. */
  grid: LabGrid | null;
  /** The plot's x: tokens generated, or model calls. */
  metric: ComputeMetric;
  /** The points' whiskers: Wilson 95 % intervals (the default) or the seeds' spread. */
  interval: IntervalKind;
  /** The plot point whose runs are listed (series id from aggregate.ts's `seriesId`). */
  selectedPoint: { series: string; budget: number } | null;
}

/** The lab slice: its state under one key. */
export interface LabSlice {
  lab: LabState;
}

/**
 * The problems a new draft of a task starts with: 24 of the bundled ones spread evenly from
 * easiest to hardest (every difficulty, so the curve is not flattered by easy problems).
 */
export function defaultProblemIds(task: TaskId): string[] {
  return pickSubset(task, DIFFICULTIES, 24);
}

/**
 * The draft the lab starts from: the quick demo (`lab/presets.ts`) on the first task (Game
 * of 24) — 12 problems from easiest to hardest, the default strategies, budgets 2 / 8 / 32,
 * seed 1, the plain budget experiment — with the given engine (the simulated one by default).
 */
export function defaultLabDraft(engine: EngineSettings = DEFAULT_ENGINE): GridSpec {
  return { ...getPreset('quick-demo').spec(DEFAULT_SETTINGS.task), engine };
}

/** The lab state at load: the visualizer shows, the default draft, no grid. */
export function initialLabState(): LabState {
  return {
    page: 'visualizer',
    draft: defaultLabDraft(),
    grid: null,
    metric: 'generated',
    interval: 'wilson',
    selectedPoint: null,
  };
}

/** The lab slice. */
export const createLabSlice = (): LabSlice => ({
  lab: initialLabState(),
});
