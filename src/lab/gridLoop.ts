/**
 * The effort lab's loop over a grid, engine-agnostic: it runs the cells one after another
 * through an executor (the simulated engine in a worker, or a model on the main thread),
 * in stages — stage 1 is every planned cell; stage 2 is what the first stage's results call
 * for (the difficulty preview's allocated runs: Preview, difficulty-aware intervention) — and
 * reports results in batches with progress and an estimate of the time left.
 *
 * Pause takes effect at the next run boundary; cancel aborts the run in flight (its result is
 * dropped) and keeps every result delivered so far. A run that throws is a failed result and
 * the grid goes on (the lab counts failed runs, it never drops them).
 */
import type { Cost } from '../core/tree/events';
import type { CellResult, GridCell, GridProgress, GridSpec } from './types';

/** Runs one cell: synchronously (the simulated engine) or not (a model). */
export type CellExecutor = (
  cell: GridCell,
  signal: AbortSignal,
) => CellResult | PromiseLike<CellResult>;

/** How a grid's cells are planned (grid.ts: `planGrid`, `planAllocated`, `countRuns`). */
export interface GridPlan {
  /** Every first-stage cell, in run order. */
  first(spec: GridSpec): GridCell[];
  /** The second stage's cells from the first stage's results ([] when there is none). */
  second(spec: GridSpec, cells: GridCell[], results: ReadonlyMap<string, CellResult>): GridCell[];
  /** Runs of the whole grid, the second stage counted at its upper bound (for progress). */
  count?(spec: GridSpec): number;
}

/** What the loop reports, in order: stage, results…, finished. */
export interface GridLoopEvents {
  /** A stage's cells are planned and about to run (stage 2 only when it has cells). */
  stage(stage: 1 | 2, cells: GridCell[]): void;
  /** A batch of finished runs (at most `batchSize`, at least every `batchMs` while running). */
  results(batch: CellResult[], progress: GridProgress): void;
  /** Progress without new results (on pause and resume). */
  progress(progress: GridProgress): void;
  /** The grid ended: every run made, or cancelled. Results were all delivered before. */
  finished(status: 'done' | 'cancelled', progress: GridProgress): void;
}

/** The loop's options; only `execute`, `plan` and `events` are required. */
export interface GridLoopOptions {
  execute: CellExecutor;
  plan: GridPlan;
  events: GridLoopEvents;
  /** The clock (ms); `performance.now` by default. */
  now?: () => number;
  /**
   * Lets other work run (a worker's messages, the page's frames); called after every batch.
   * A macrotask by default, so a synchronous engine cannot starve pause and cancel.
   */
  breathe?: () => Promise<void>;
  /** Deliver a batch after this many ms … (default 100) */
  batchMs?: number;
  /** … or this many results, whichever comes first (default 64). */
  batchSize?: number;
  /**
   * Runs in flight together (default 1): a server batches independent requests, so a grid
   * on one keeps several runs going. Results arrive as runs finish; pause lets the runs in
   * flight finish first; cancel aborts them all.
   */
  parallel?: number;
}

/** Where a loop is. */
export type GridLoopStatus = 'idle' | 'running' | 'paused' | 'done' | 'cancelled';

const ZERO_COST: Cost = { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 0 };

/** The result of a run whose executor threw: failed, nothing counted. */
export function thrownResult(cell: GridCell, error: unknown, ms: number): CellResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    cellId: cell.id,
    status: 'failed',
    answer: null,
    cost: { ...ZERO_COST },
    events: 0,
    ms,
    error: message === '' ? 'The run failed' : message,
  };
}

/**
 * The time left: elapsed / done × runs left; null before the first run has finished.
 * @param elapsedMs running time so far (paused time not counted)
 */
export function estimateEta(elapsedMs: number, done: number, total: number): number | null {
  if (done <= 0) return null;
  return Math.max(0, (elapsedMs / done) * Math.max(0, total - done));
}

function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** One grid's loop. `run()` once; `pause`, `resume` and `cancel` from anywhere meanwhile. */
export class GridLoop {
  private state: GridLoopStatus = 'idle';
  private readonly now: () => number;
  private readonly breathe: () => Promise<void>;
  private readonly batchMs: number;
  private readonly batchSize: number;
  private readonly results = new Map<string, CellResult>();
  private pending: CellResult[] = [];
  private lastFlush = 0;
  private total = 0;
  private failed = 0;
  /** Running time before the current running stretch, and when that stretch began. */
  private banked = 0;
  private since: number | null = null;
  private readonly running = new Set<AbortController>();
  private waiters: (() => void)[] = [];

  constructor(
    private readonly spec: GridSpec,
    private readonly options: GridLoopOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.breathe = options.breathe ?? macrotask;
    this.batchMs = options.batchMs ?? 100;
    this.batchSize = Math.max(1, options.batchSize ?? 64);
  }

  /** Where the loop is. */
  get status(): GridLoopStatus {
    return this.state;
  }

  /** The progress now. */
  progress(): GridProgress {
    const elapsedMs = this.banked + (this.since === null ? 0 : this.now() - this.since);
    const done = this.results.size;
    return {
      done,
      total: this.total,
      failed: this.failed,
      elapsedMs,
      etaMs: estimateEta(elapsedMs, done, this.total),
    };
  }

  /**
   * Runs the grid to its end, or until cancelled.
   * @returns how it ended (also reported through `events.finished`)
   */
  async run(): Promise<'done' | 'cancelled'> {
    const { plan, events } = this.options;
    if (this.state === 'cancelled') {
      events.finished('cancelled', this.progress());
      return 'cancelled';
    }
    if (this.state !== 'idle') throw new Error('A grid loop runs once');
    this.state = 'running';
    this.since = this.now();
    this.lastFlush = this.since;
    const first = plan.first(this.spec);
    this.total = Math.max(first.length, plan.count?.(this.spec) ?? first.length);
    events.stage(1, first);
    await this.runCells(first);
    if (!this.cancelled()) {
      const second = plan.second(this.spec, first, this.results);
      this.total = first.length + second.length;
      if (second.length > 0) {
        this.flush();
        events.stage(2, second);
        await this.runCells(second);
      }
    }
    this.flush();
    const end = this.cancelled() ? 'cancelled' : 'done';
    this.stopClock();
    this.state = end;
    if (end === 'done') this.total = this.results.size;
    events.finished(end, this.progress());
    return end;
  }

  /** Pauses at the next run boundary (a run in flight finishes first). */
  pause(): void {
    if (this.state !== 'running') return;
    this.state = 'paused';
    this.stopClock();
    this.flush();
    this.options.events.progress(this.progress());
  }

  /** Goes on after a pause. */
  resume(): void {
    if (this.state !== 'paused') return;
    this.state = 'running';
    this.since = this.now();
    this.options.events.progress(this.progress());
    this.wakeAll();
  }

  private wakeAll(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** Stops the grid: the run in flight is aborted and dropped; results so far stay. */
  cancel(): void {
    if (this.state === 'done' || this.state === 'cancelled') return;
    if (this.state === 'idle') {
      this.state = 'cancelled';
      return;
    }
    this.state = 'cancelled';
    for (const controller of this.running) controller.abort();
    this.wakeAll();
  }

  private cancelled(): boolean {
    return this.state === 'cancelled';
  }

  private stopClock(): void {
    if (this.since !== null) this.banked += this.now() - this.since;
    this.since = null;
  }

  private async runCells(cells: readonly GridCell[]): Promise<void> {
    let next = 0;
    const lane = async (): Promise<void> => {
      for (;;) {
        if (this.state === 'paused') {
          this.flush();
          await new Promise<void>((resolve) => this.waiters.push(resolve));
        }
        if (this.cancelled()) return;
        const cell = cells[next];
        next += 1;
        if (cell === undefined) return;
        const result = await this.runOne(cell);
        if (result === null || this.cancelled()) return;
        this.results.set(cell.id, result);
        if (result.status === 'failed') this.failed += 1;
        this.pending.push(result);
        if (this.pending.length >= this.batchSize || this.now() - this.lastFlush >= this.batchMs) {
          this.flush();
          await this.breathe();
        }
      }
    };
    const lanes = Math.max(1, Math.min(this.options.parallel ?? 1, cells.length));
    await Promise.all(Array.from({ length: lanes }, lane));
  }

  /** One run; null when it was cancelled while it ran. */
  private async runOne(cell: GridCell): Promise<CellResult | null> {
    const controller = new AbortController();
    this.running.add(controller);
    const start = this.now();
    try {
      const out = this.options.execute(cell, controller.signal);
      const result = isThenable(out) ? await out : out;
      return controller.signal.aborted ? null : result;
    } catch (error) {
      return controller.signal.aborted ? null : thrownResult(cell, error, this.now() - start);
    } finally {
      this.running.delete(controller);
    }
  }

  private flush(): void {
    this.lastFlush = this.now();
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.options.events.results(batch, this.progress());
  }
}
