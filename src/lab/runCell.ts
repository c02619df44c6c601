/**
 * One run of a grid: drive the search its settings describe and say how it ended, as the
 * lab counts it (solved, wrong, no answer, failed) with the compute it spent. A run that
 * throws is a failed result with the cost of the events it had made, never dropped.
 */
import type { SearchProgram } from '../core/search/program';
import { streamEvents } from '../core/search/program';
import type { Cost, TraceEvent } from '../core/tree/events';
import { ZERO_COST, addCost } from '../core/tree/events';
import { searchProgram } from '../run/startSearch';
import type { CellResult, GridCell } from './types';

/** A readable message for anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return 'the run stopped with an unknown error';
}

/** Compute summed over every event that carries a cost (expand, score, simulate). */
export function sumCost(events: readonly TraceEvent[]): Cost {
  let cost = ZERO_COST;
  for (const e of events) {
    if (e.type === 'expand' || e.type === 'score' || e.type === 'simulate') {
      cost = addCost(cost, e.cost);
    }
  }
  return cost;
}

/**
 * How a run ended, from its events: the `done` event's answer and grade decide solved /
 * wrong / no-answer; an error (or events without a `done`) makes it failed, with the cost
 * summed over the events made before it.
 * @param events the run's events, possibly cut short
 * @param error what the run threw, if it did
 * @example summarizeRun([...events, { type: 'done', answer: '24', correct: true, … }]).status // 'solved'
 */
export function summarizeRun(
  events: readonly TraceEvent[],
  error?: unknown,
): Omit<CellResult, 'cellId' | 'ms'> {
  const cost = sumCost(events);
  let done: Extract<TraceEvent, { type: 'done' }> | undefined;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.type === 'done') {
      done = e;
      break;
    }
  }
  if (error !== undefined || done === undefined) {
    return {
      status: 'failed',
      answer: null,
      cost,
      events: events.length,
      error: error !== undefined ? errorMessage(error) : 'the run ended without an answer event',
    };
  }
  const status = done.answer === null ? 'no-answer' : done.correct ? 'solved' : 'wrong';
  const summary: Omit<CellResult, 'cellId' | 'ms'> = {
    status,
    answer: done.answer,
    cost,
    events: events.length,
  };
  if (done.votes) summary.votes = { ...done.votes };
  return summary;
}

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

/** Drives a program whose engine answers at once, keeping the events made before a throw. */
function drainSync(program: () => SearchProgram, events: TraceEvent[]): void {
  for (const step of program()) {
    if ('pending' in step) throw new Error('runCellSync needs the simulated engine');
    events.push(step);
  }
}

/**
 * Runs one cell with an engine that answers synchronously (the simulated engine), in one go.
 * Never throws: an error becomes a failed result.
 */
export function runCellSync(cell: GridCell): CellResult {
  const start = now();
  const events: TraceEvent[] = [];
  let error: unknown;
  try {
    drainSync(() => searchProgram(cell.settings), events);
  } catch (e) {
    error = e ?? new Error('the run threw nothing readable');
  }
  return { cellId: cell.id, ...summarizeRun(events, error), ms: now() - start };
}

/**
 * Runs one cell with any engine (web-llm included), streaming its events. Never throws: an
 * error becomes a failed result. `aborted` tells a run stopped by `signal` (the grid was
 * cancelled) from one that failed on its own, so a runner can leave it out of the results.
 */
export async function runCellAsync(
  cell: GridCell,
  signal?: AbortSignal,
): Promise<{ result: CellResult; events: TraceEvent[]; aborted: boolean }> {
  const start = now();
  const events: TraceEvent[] = [];
  let error: unknown;
  try {
    for await (const event of streamEvents(searchProgram(cell.settings, signal))) {
      events.push(event);
    }
  } catch (e) {
    error = e ?? new Error('the run threw nothing readable');
  }
  const aborted = signal?.aborted === true;
  if (aborted && error === undefined && !events.some((e) => e.type === 'done')) {
    error = new Error('cancelled');
  }
  const result: CellResult = { cellId: cell.id, ...summarizeRun(events, error), ms: now() - start };
  return { result, events, aborted };
}
