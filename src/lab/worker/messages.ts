/**
 * The messages between the page and the lab's worker (the simulated engine runs a grid off
 * the main thread, so the page keeps drawing frames while thousands of runs are made).
 * Everything is structured-cloneable: plain objects, arrays, numbers and strings.
 */
import type { CellResult, GridCell, GridProgress, GridSpec } from '../types';

/** Page → worker. */
export type LabRequest =
  { type: 'start'; spec: GridSpec } | { type: 'pause' } | { type: 'resume' } | { type: 'cancel' };

/** Worker → page, in order: stage, results…, finished (or error). */
export type LabResponse =
  | { type: 'stage'; stage: 1 | 2; cells: GridCell[] }
  | { type: 'results'; results: CellResult[]; progress: GridProgress }
  | { type: 'progress'; progress: GridProgress; paused: boolean }
  | { type: 'finished'; status: 'done' | 'cancelled'; progress: GridProgress }
  | { type: 'error'; message: string };
