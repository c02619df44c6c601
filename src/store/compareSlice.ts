import type { TraceEvent } from '../core/tree/events';
import type { TaskId } from '../run/settings';

/** One run to compare: a title for its side, its events (a whole run), and its task. */
export interface ComparedRun {
  title: string;
  events: readonly TraceEvent[];
  /** The run's task, for its cards' short step forms; the default task when unknown. */
  task?: TaskId | undefined;
}

/** Two runs side by side. */
export interface Comparison {
  left: ComparedRun;
  right: ComparedRun;
}

/**
 * The comparison of two runs shown over the page (issue 16): from two saved runs, the
 * visualizer's run and a saved one, or two runs of the lab's grid. View state: never part of
 * a run's record.
 */
export interface CompareSlice {
  /** The two runs shown side by side, or null when the comparison is closed. */
  comparison: Comparison | null;
  /** Why the last comparison asked for could not open (a saved run gone), or null. */
  compareError: string | null;
}

/** The compare slice: closed. */
export const createCompareSlice = (): CompareSlice => ({ comparison: null, compareError: null });
