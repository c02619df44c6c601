import { engineFor } from '../engines/registry';
import type { TraceEvent } from '../core/tree/events';
import type { GridCell } from '../lab/types';
import { makeRunFile } from '../run/runFile';
import { searchProgram } from '../run/startSearch';
import type { LabState } from './labSlice';
import { openComparison } from './compareActions';
import { importRun, runToEnd, setSettings } from './runActions';
import { useArbor } from './store';

/**
 * The runs of the lab's grid, opened: in the visualizer (`openCell`) or as events for the
 * side-by-side comparison (`cellEvents`). Opening a run reproduces it exactly: a simulated run
 * is re-run from its settings (the same events, byte for byte, as the grid's worker made);
 * a model run is opened from the events recorded while the grid ran.
 */

const get = useArbor.getState;

/** Events of model runs, by cell id (the simulated engine re-makes its runs instead). */
const recorded = new Map<string, TraceEvent[]>();
/** Events re-made for `cellEvents`, the last few (a compare view asks for two at a time). */
const remade = new Map<string, TraceEvent[] | null>();

/** Keeps a model run's events (the lab's runner calls it as each run ends). */
export function keepEvents(cellId: string, events: TraceEvent[]): void {
  recorded.set(cellId, events);
}

/** Forgets the kept and re-made events (a new grid starts). */
export function forgetCells(): void {
  recorded.clear();
  remade.clear();
}

function setLab(patch: Partial<LabState>): void {
  useArbor.setState((s) => ({ lab: { ...s.lab, ...patch } }));
}

function findCell(cellId: string): GridCell | undefined {
  return get().lab.grid?.cells.find((c) => c.id === cellId);
}

function simulated(cell: GridCell): boolean {
  return engineFor(cell.settings.engine).capabilities.reproducible && cell.forcing === undefined;
}

/**
 * Opens a run of the grid in the visualizer and shows it there: a simulated run from its
 * settings (the URL then reproduces it too), a model run from its recorded events as a run
 * file. An unknown cell does nothing; a model run whose events were not kept (cancelled
 * while it ran) says so in the visualizer's import message.
 */
export async function openCell(cellId: string): Promise<void> {
  const cell = findCell(cellId);
  if (!cell) return;
  if (simulated(cell)) {
    setSettings(cell.settings);
    setLab({ page: 'visualizer' });
    await runToEnd();
    return;
  }
  const events = recorded.get(cellId);
  setLab({ page: 'visualizer' });
  if (!events) {
    useArbor.setState({
      importError: `The run ${cellId} has no recorded events (it did not finish), so it cannot be opened.`,
    });
    return;
  }
  // A model run names the model that made it (the tiny model's name and hash).
  const model = engineFor(cell.settings.engine).model?.() ?? null;
  await importRun(makeRunFile(cell.settings, events, undefined, model ? { model } : {}));
}

/** Re-makes a simulated run's events, up to where it threw if it did. */
function remake(cell: GridCell): TraceEvent[] | null {
  const events: TraceEvent[] = [];
  try {
    for (const step of searchProgram(cell.settings)) {
      if ('pending' in step) return null;
      events.push(step);
    }
  } catch {
    // a failed run: the events before the failure
  }
  return events.length > 0 ? events : null;
}

/**
 * The events of a run of the grid: re-made for the simulated engine (deterministic), the
 * recorded ones for a model. Null for an unknown cell or a model run not kept.
 */
export function cellEvents(cellId: string): TraceEvent[] | null {
  const cell = findCell(cellId);
  if (!cell) return null;
  if (!simulated(cell)) return recorded.get(cellId) ?? null;
  if (remade.has(cellId)) return remade.get(cellId) ?? null;
  const events = remake(cell);
  remade.set(cellId, events);
  if (remade.size > 4) remade.delete(remade.keys().next().value as string);
  return events;
}

/** A run of the grid to compare: its cell id and the title its side shows. */
export interface CellPick {
  id: string;
  title: string;
}

/**
 * Shows two runs of the grid side by side (the page's comparison, `./compareActions`).
 * @returns null when it opened, else why not (a model run whose events were not kept)
 */
export function compareCells(left: CellPick, right: CellPick): string | null {
  const a = cellEvents(left.id);
  const b = cellEvents(right.id);
  if (!a || !b) {
    return `${a ? 'The second' : 'The first'} run has no recorded events (it did not finish before the grid was cancelled), so it cannot be compared.`;
  }
  const task = (id: string) => findCell(id)?.settings.task;
  openComparison(
    { title: left.title, events: a, task: task(left.id) },
    { title: right.title, events: b, task: task(right.id) },
  );
  return null;
}
