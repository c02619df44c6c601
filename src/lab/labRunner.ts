/**
 * Starts a grid where it belongs: the simulated engine in a Web Worker (thousands of runs,
 * off the main thread), a model on the main thread one run at a time (one GPU; its requests
 * already go to web-llm's own worker). Both go through the same {@link GridLoop}, so pause,
 * cancel, batching and progress behave alike; the store sees one {@link LabSink}.
 */
import { engineFor } from '../engines/registry';
import type { TraceEvent } from '../core/tree/events';
import { GridLoop } from './gridLoop';
import type { CellExecutor, GridLoopOptions, GridPlan } from './gridLoop';
import { runCellAsync, runCellSync } from './runCell';
import type { CellResult, GridCell, GridProgress, GridSpec } from './types';
import type { LabRequest, LabResponse } from './worker/messages';
import { LAB_PLAN } from './worker/plan';

/** What a running grid reports to (the store's lab actions). */
export interface LabSink {
  stage(stage: 1 | 2, cells: GridCell[]): void;
  results(batch: CellResult[], progress: GridProgress): void;
  progress(progress: GridProgress, paused: boolean): void;
  finished(status: 'done' | 'cancelled', progress: GridProgress): void;
  /** The grid itself broke (the worker failed to load or crashed): no more messages come. */
  error(message: string): void;
  /** A model run's events, kept so that the run opens in the visualizer without re-asking. */
  events?(cellId: string, events: TraceEvent[]): void;
}

/** A running grid's controls. */
export interface LabRun {
  /** Where the grid runs: a worker, or this thread (a model; or no Worker, as in Node). */
  readonly where: 'worker' | 'main';
  pause(): void;
  resume(): void;
  /** Cancels; the results so far stay, and `finished('cancelled')` follows. */
  cancel(): void;
}

/** The part of a Worker the runner uses. */
export interface LabWorkerLike {
  postMessage(message: LabRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<LabResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** A model run with its events (runCellAsync, or forcedCell's runForcedCell). */
export type ModelExecutor = (
  cell: GridCell,
  signal: AbortSignal,
) => Promise<{ result: CellResult; events: TraceEvent[] }>;

/** What the runner is made of; tests replace any part. */
export interface LabRunnerDeps {
  /** Makes the lab worker; null runs simulated grids on this thread. */
  createWorker: (() => LabWorkerLike) | null;
  /** Runs one model cell (budget forcing included). */
  executeModel: ModelExecutor;
  plan: GridPlan;
  /** A cancelled worker that has not answered after this many ms is ended anyway. */
  cancelGraceMs: number;
  loop?: Pick<GridLoopOptions, 'now' | 'breathe' | 'batchMs' | 'batchSize'>;
}

/** A model cell: budget forcing (s1) when the cell says so, else the search of its settings. */
const executeModel: ModelExecutor = async (cell, signal) => {
  if (cell.forcing) {
    const [{ runForcedCell }, { modelSession }] = await Promise.all([
      import('./forcedCell'),
      import('../engines/webllm/session'),
    ]);
    const loaded = modelSession.current();
    if (!loaded) throw new Error('No model is loaded: budget forcing needs one.');
    return runForcedCell({ ...cell, forcing: cell.forcing }, loaded.engine, signal);
  }
  return runCellAsync(cell, signal);
};

const DEFAULT_DEPS: LabRunnerDeps = {
  createWorker:
    typeof Worker === 'undefined'
      ? null
      : () =>
          new Worker(new URL('./worker/labWorker.ts', import.meta.url), {
            type: 'module',
          }) as unknown as LabWorkerLike,
  executeModel,
  plan: LAB_PLAN,
  cancelGraceMs: 2000,
};

/**
 * Starts running a grid.
 * @param sink where stages, result batches, progress and the end go
 */
export function startLabRun(
  spec: GridSpec,
  sink: LabSink,
  deps: Partial<LabRunnerDeps> = {},
): LabRun {
  const d: LabRunnerDeps = { ...DEFAULT_DEPS, ...deps };
  // An engine that needs nothing loaded runs in a worker; a model runs here: one run at a time
  // on the GPU, several at once on a server.
  const reproducible = engineFor(spec.engine).capabilities.reproducible;
  if (reproducible && d.createWorker) return inWorker(spec, sink, d);
  const execute: CellExecutor = reproducible
    ? (cell) => runCellSync(cell)
    : async (cell, signal) => {
        const { result, events } = await d.executeModel(cell, signal);
        if (!signal.aborted) sink.events?.(cell.id, events);
        return result;
      };
  const loop = new GridLoop(spec, {
    ...d.loop,
    parallel: engineFor(spec.engine).runsAtOnce?.(spec.engine) ?? 1,
    execute,
    plan: d.plan,
    events: {
      stage: (stage, cells) => sink.stage(stage, cells),
      results: (batch, progress) => sink.results(batch, progress),
      progress: (progress) => sink.progress(progress, loop.status === 'paused'),
      finished: (status, progress) => sink.finished(status, progress),
    },
  });
  loop.run().catch((error: unknown) => {
    loop.cancel();
    sink.error(error instanceof Error ? error.message : String(error));
  });
  return {
    where: 'main',
    pause: () => loop.pause(),
    resume: () => loop.resume(),
    cancel: () => loop.cancel(),
  };
}

function inWorker(spec: GridSpec, sink: LabSink, d: LabRunnerDeps): LabRun {
  const worker = (d.createWorker as () => LabWorkerLike)();
  let over = false;
  let last: GridProgress | null = null;
  let grace: ReturnType<typeof setTimeout> | null = null;
  const end = () => {
    over = true;
    if (grace !== null) clearTimeout(grace);
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
  };
  worker.onmessage = (event) => {
    if (over) return;
    const m = event.data;
    switch (m.type) {
      case 'stage':
        sink.stage(m.stage, m.cells);
        return;
      case 'results':
        last = m.progress;
        sink.results(m.results, m.progress);
        return;
      case 'progress':
        last = m.progress;
        sink.progress(m.progress, m.paused);
        return;
      case 'finished':
        end();
        sink.finished(m.status, m.progress);
        return;
      case 'error':
        end();
        sink.error(m.message);
        return;
    }
  };
  worker.onerror = (event) => {
    if (over) return;
    end();
    const why = event.message ? `: ${event.message}` : ' (its script did not load)';
    sink.error(`The lab worker failed${why}`);
  };
  worker.postMessage({ type: 'start', spec });
  return {
    where: 'worker',
    pause: () => !over && worker.postMessage({ type: 'pause' }),
    resume: () => !over && worker.postMessage({ type: 'resume' }),
    cancel: () => {
      if (over || grace !== null) return;
      worker.postMessage({ type: 'cancel' });
      // The worker answers with its last batch and `finished`; one that hangs is ended.
      grace = setTimeout(() => {
        if (over) return;
        end();
        const p = last ?? { done: 0, total: 0, failed: 0, elapsedMs: 0, etaMs: null };
        sink.finished('cancelled', { ...p, etaMs: null });
      }, d.cancelGraceMs);
    },
  };
}
