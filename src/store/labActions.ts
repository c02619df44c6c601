import { engineFor } from '../engines/registry';
import { modelSession } from '../engines/webllm/session';
import { countRuns, validateSpec } from '../lab/grid';
import type { LabRun, LabRunnerDeps, LabSink } from '../lab/labRunner';
import type { PresetId } from '../lab/presets';
import { getPreset } from '../lab/presets';
import type { ComputeMetric, GridSpec, IntervalKind } from '../lab/types';
import { DEFAULT_ENGINE } from '../run/settings';
import type { LabGrid, LabState } from './labSlice';
import { defaultProblemIds } from './labSlice';
import { forgetCells, keepEvents } from './labCells';
import { chooseLabEngine } from './labPage';
import { stopRun } from './runActions';
import { useArbor } from './store';

/**
 * The effort lab's actions as module functions (like `./runActions`): edit the draft, start,
 * pause, resume and cancel a grid (its runs open in the visualizer through `./labCells`). A
 * grid's results arrive in batches (one store update per batch, not per run: the runner sends
 * one at most every 100 ms or 64 runs); the lab page redraws from them at its own pace
 * (`components/lab/refreshPace.ts`).
 */

const get = useArbor.getState;

/** What the actions do to a running grid. */
type GridControls = Pick<LabRun, 'pause' | 'resume' | 'cancel'>;

/** The grid running now; null when none is. */
let run: GridControls | null = null;
/** Bumped by every start, so messages of a replaced grid are dropped. */
let token = 0;
/** What runs grids (tests swap in a runner without a Worker). */
let runnerDeps: Partial<LabRunnerDeps> = {};

/** Replaces parts of the runner (tests: an executor, no worker); `{}` restores it. */
export function setLabRunnerDeps(deps: Partial<LabRunnerDeps>): void {
  runnerDeps = deps;
}

function setLab(patch: Partial<LabState>): void {
  useArbor.setState((s) => ({ lab: { ...s.lab, ...patch } }));
}

/** Updates the grid of the start `mine`; ignored once another grid started. */
function setGrid(mine: number, change: (grid: LabGrid) => Partial<LabGrid>): void {
  if (mine !== token) return;
  useArbor.setState((s) =>
    s.lab.grid ? { lab: { ...s.lab, grid: { ...s.lab.grid, ...change(s.lab.grid) } } } : {},
  );
}

/**
 * Changes the draft. A new task without a list of problems takes 24 of that task's, easiest to hardest.
 * Any engine in the patch is kept as the lab's own from then on.
 */
export function updateLabDraft(patch: Partial<GridSpec>): void {
  const { draft } = get().lab;
  const next: GridSpec = { ...draft, ...patch };
  if (patch.task !== undefined && patch.task !== draft.task && patch.problemIds === undefined) {
    next.problemIds = defaultProblemIds(patch.task);
  }
  if (patch.engine !== undefined) chooseLabEngine();
  setLab({ draft: next });
}

function sinkFor(mine: number): LabSink {
  return {
    stage: (_stage, cells) => setGrid(mine, (g) => ({ cells: [...g.cells, ...cells] })),
    results: (batch, progress) =>
      setGrid(mine, (g) => {
        const results = { ...g.results };
        for (const r of batch) results[r.cellId] = r;
        return { results, progress };
      }),
    progress: (progress) => setGrid(mine, () => ({ progress })),
    finished: (status, progress) => {
      if (mine === token) run = null;
      setGrid(mine, () => ({ status, progress: { ...progress, etaMs: null } }));
    },
    error: (message) => {
      if (mine === token) run = null;
      setGrid(mine, (g) => ({
        status: 'failed',
        error: message,
        progress: { ...g.progress, etaMs: null },
      }));
    },
    events: (cellId, events) => {
      if (mine === token) keepEvents(cellId, events);
    },
  };
}

/**
 * A grid run whose runner is still loading (the lab's runner, worker client and grid loop are
 * imported when the first grid starts): pause, resume and cancel wait for it, in order.
 */
function deferredRun(started: Promise<LabRun>): GridControls {
  let last: Promise<unknown> = started;
  const later = (act: (r: LabRun) => void) => {
    last = last.then(() => started.then(act));
  };
  return {
    pause: () => later((r) => r.pause()),
    resume: () => later((r) => r.resume()),
    cancel: () => later((r) => r.cancel()),
  };
}

/**
 * Starts the draft as a grid (a grid running before is cancelled and replaced).
 * @returns what is wrong with the draft, in words; [] when the grid started
 */
export function startLab(): string[] {
  return startGrid(get().lab.draft, false);
}

/**
 * The example the lab opens on (as the visualizer opens on a finished run): the quick demo,
 * on the draft's simulated engine (the default one when the draft has a model), computed in
 * the lab's worker. Only when no grid exists yet; the draft is left as it is.
 * @returns whether the example started
 */
export function openLabExample(): boolean {
  const { grid, draft } = get().lab;
  if (grid !== null) return false;
  const engine = draft.engine.kind === 'simulated' ? draft.engine : DEFAULT_ENGINE;
  const spec: GridSpec = { ...getPreset('quick-demo').spec(draft.task), engine };
  return startGrid(spec, true).length === 0;
}

/**
 * Puts a preset into the draft (its task, problems, strategies, budgets, seeds and
 * experiment; the engine stays) and starts it.
 * @returns what is wrong with it, in words; [] when it started
 */
export function startLabPreset(id: PresetId): string[] {
  const { draft } = get().lab;
  setLab({ draft: { ...draft, ...getPreset(id).spec(draft.task) } });
  return startLab();
}

function startGrid(spec: GridSpec, example: boolean): string[] {
  const problems = validateSpec(spec);
  const loaded = modelSession.current();
  if (spec.engine.kind === 'webllm' && !loaded) {
    problems.push('No model is loaded: load one in the Model panel, or use the simulated engine.');
  } else if (spec.engine.kind === 'webllm' && spec.engine.modelId !== '') {
    const want = spec.engine.modelId;
    if (loaded && loaded.modelId !== want) {
      problems.push(`The grid asks for ${want}, but ${loaded.modelId} is loaded: load it first.`);
    }
  }
  if (spec.engine.kind === 'server' && get().server.phase !== 'connected') {
    problems.push(
      'No server is connected: connect one in the Server panel, or use the simulated engine.',
    );
  }
  if (problems.length > 0) return problems;
  run?.cancel();
  token += 1;
  const mine = token;
  forgetCells();
  if (!engineFor(spec.engine).capabilities.reproducible) {
    // One GPU (or one server's capacity): a live model run in the visualizer stops, and a
    // paused request wakes up.
    if (!engineFor(get().settings.engine).capabilities.reproducible) stopRun();
    modelSession.gate.resume();
  }
  setLab({
    grid: {
      spec,
      cells: [],
      results: {},
      status: 'running',
      progress: { done: 0, total: countRuns(spec), failed: 0, elapsedMs: 0, etaMs: null },
      error: null,
      example,
    },
    selectedPoint: null,
  });
  run = deferredRun(
    import('../lab/labRunner').then((m) => m.startLabRun(spec, sinkFor(mine), runnerDeps)),
  );
  return [];
}

/**
 * Pauses the grid at the next run boundary: it shows paused at once; the run in flight and
 * the results the runner still held (fewer than a batch) land just after.
 */
export function pauseLab(): void {
  if (get().lab.grid?.status !== 'running') return;
  run?.pause();
  setGrid(token, () => ({ status: 'paused' }));
}

/** Resumes a paused grid. */
export function resumeLab(): void {
  if (get().lab.grid?.status !== 'paused') return;
  run?.resume();
  setGrid(token, () => ({ status: 'running' }));
}

/**
 * Cancels the grid: the run in flight is aborted and dropped, every finished run's result
 * stays. The grid turns 'cancelled' once the runner has delivered its last results (at once
 * for a model; after the run in flight in the worker, which is ended if it does not answer
 * within 2 s), so the results shown as cancelled are final.
 */
export function cancelLab(): void {
  const status = get().lab.grid?.status;
  if (status !== 'running' && status !== 'paused') return;
  if (!run) {
    setGrid(token, (g) => ({ status: 'cancelled', progress: { ...g.progress, etaMs: null } }));
    return;
  }
  run.cancel();
}

/** The plot's x-axis: tokens generated or model calls. */
export function setLabMetric(metric: ComputeMetric): void {
  setLab({ metric });
}

/** The points' whiskers: Wilson 95 % intervals, or the seeds' spread. */
export function setLabInterval(interval: IntervalKind): void {
  setLab({ interval });
}

/** Selects a plot point (its runs are listed), or clears the selection. */
export function selectLabPoint(point: { series: string; budget: number } | null): void {
  setLab({ selectedPoint: point });
}
