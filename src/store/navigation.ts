import type { TraceEvent } from '../core/tree/events';
import { nextPhaseEnd, previousPhaseEnd } from '../core/tree/phaseGroups';
import { SPEEDS } from './playbackSlice';
import { cancelPlay } from './playToken';
import { setSpeed } from './playback';
import { advance, runToEnd, seek } from './runActions';
import { useArbor } from './store';

/**
 * Moving the cursor by event and by iteration. An iteration is an MCTS iteration (select …
 * backprop), a beam-search depth (expansions, scores, the prune and the backtracks it causes)
 * or a best-of-N sample. "The end of an iteration" is a cursor position: the number of events
 * applied once the iteration's last event is in the tree.
 *
 * The pure helpers below read only the events; the actions move the store's cursor.
 */

/**
 * The iteration an event names itself, or null for events that belong to the iteration
 * before them (`score`, `terminal`). `start` is iteration 0; `done` belongs to none.
 */
function ownIteration(event: TraceEvent): number | null {
  switch (event.type) {
    case 'select':
    case 'expand':
    case 'simulate':
    case 'backprop':
    case 'backtrack':
      return event.iteration;
    case 'prune':
      return event.depth;
    case 'start':
      return 0;
    case 'done':
      return Number.POSITIVE_INFINITY;
    default:
      return null;
  }
}

/**
 * The iteration the event at `index` belongs to (MCTS iteration, beam depth or best-of-N
 * sample; 0 for the start), or null for an index outside the events.
 * @example iterationAt(events, 5) // 2: events[5] is a score event of iteration 2
 */
export function iterationAt(events: readonly TraceEvent[], index: number): number | null {
  for (let i = Math.min(index, events.length - 1); i >= 0; i--) {
    const own = ownIteration(events[i] as TraceEvent);
    if (own !== null) return own === Number.POSITIVE_INFINITY ? iterationAt(events, i - 1) : own;
  }
  return null;
}

/**
 * Whether cursor position `cursor` (events applied) ends an iteration: the last applied event
 * belongs to an iteration ≥ 1 and the next event starts another one (or is `done`). An MCTS
 * `backprop` always ends its iteration; otherwise the next event must be known, so at the
 * end of a live run's recorded events the answer is false until one more event is pulled.
 */
export function isIterationEnd(events: readonly TraceEvent[], cursor: number): boolean {
  const last = events[cursor - 1];
  if (last === undefined || last.type === 'done') return false;
  if (last.type === 'backprop') return true;
  const current = iterationAt(events, cursor - 1);
  if (current === null || current < 1) return false;
  const next = events[cursor];
  if (next === undefined) return false;
  const nextOwn = ownIteration(next);
  return nextOwn !== null && nextOwn !== current;
}

/**
 * The end of the next iteration after `cursor`: the smallest iteration end > cursor among
 * the recorded events, or null when the recorded events do not show one yet.
 */
export function nextIterationEnd(events: readonly TraceEvent[], cursor: number): number | null {
  for (let c = Math.max(1, Math.floor(cursor) + 1); c <= events.length; c++) {
    if (isIterationEnd(events, c)) return c;
  }
  return null;
}

/** The end of the previous iteration: the largest iteration end < cursor, or null. */
export function previousIterationEnd(events: readonly TraceEvent[], cursor: number): number | null {
  for (let c = Math.min(Math.ceil(cursor) - 1, events.length); c >= 1; c--) {
    if (isIterationEnd(events, c)) return c;
  }
  return null;
}

/** Every iteration end of the recorded events, in order. */
export function iterationEnds(events: readonly TraceEvent[]): number[] {
  const ends: number[] = [];
  for (let c = 1; c <= events.length; c++) if (isIterationEnd(events, c)) ends.push(c);
  return ends;
}

/** The next faster (`direction` 1) or slower (−1) of the offered speeds, clamped to the ends. */
export function nextSpeed(speed: number, direction: 1 | -1): number {
  if (direction > 0) return SPEEDS.find((s) => s > speed) ?? SPEEDS.at(-1) ?? speed;
  return SPEEDS.findLast((s) => s < speed) ?? SPEEDS[0] ?? speed;
}

// Actions. Iteration moves run one after another, so pressing Shift+→ twice quickly moves
// two iterations, each starting where the one before stopped.

const get = useArbor.getState;
let queue: Promise<void> = Promise.resolve();

function queued(task: () => Promise<void> | void): Promise<void> {
  const result = queue.then(task);
  queue = result.catch(() => undefined);
  return result;
}

/** Previous event: moves the cursor back one event (pauses playback). */
export function previousEvent(): void {
  seek(get().cursor - 1);
}

/** Start: the cursor before the first event (pauses playback). */
export function goToStart(): void {
  seek(0);
}

/** End: the last recorded event of a finished run; a live search is run to its end first. */
export function goToEnd(): Promise<void> {
  const s = get();
  if (s.complete || s.error !== null) {
    seek(s.trace.length);
    return Promise.resolve();
  }
  return runToEnd();
}

/**
 * Next iteration: moves the cursor to the end of the next iteration, pulling events from the
 * live search (with `advance`, one at a time) when the recorded events end first. On the last
 * iteration it goes to the end of the run. Pauses playback.
 */
export function nextIteration(): Promise<void> {
  cancelPlay();
  return queued(async () => {
    const { trace, cursor: from } = get();
    for (;;) {
      const s = get();
      if (s.trace !== trace) return; // the run was reset or replaced meanwhile
      const target = nextIterationEnd(trace.all, from);
      if (target !== null) return seek(target);
      if (s.complete || s.error !== null) return seek(trace.length);
      if (s.cursor < trace.length) seek(trace.length);
      if (!(await advance())) return;
    }
  });
}

/** Previous iteration: moves the cursor to the end of the previous iteration, or to 0. */
export function previousIteration(): Promise<void> {
  cancelPlay();
  return queued(() => {
    const { trace, cursor } = get();
    seek(previousIterationEnd(trace.all, cursor) ?? 0);
  });
}

/**
 * Next phase (→, Page Down): moves the cursor to the end of the next phase
 * (`core/tree/phaseGroups.ts`: an MCTS phase with its scores, terminals and backtrack, a beam
 * expansion or prune, a best-of-N sample), pulling events from a live search until the
 * phase is whole. Pauses playback.
 */
export function nextPhase(): Promise<void> {
  cancelPlay();
  return queued(async () => {
    const { trace, cursor: from } = get();
    for (;;) {
      const s = get();
      if (s.trace !== trace) return; // the run was reset or replaced meanwhile
      const ended = s.complete || s.error !== null;
      const target = nextPhaseEnd(trace.all, from, ended);
      if (target !== null) return seek(target);
      if (ended) return seek(trace.length);
      if (s.cursor < trace.length) seek(trace.length);
      if (!(await advance())) return;
    }
  });
}

/** Previous phase (←, Page Up): moves the cursor to the end of the previous phase, or to 0. */
export function previousPhase(): Promise<void> {
  cancelPlay();
  return queued(() => {
    const { trace, cursor } = get();
    seek(previousPhaseEnd(trace.all, cursor));
  });
}

/** Plays faster: the next of the offered speeds. */
export function speedUp(): void {
  setSpeed(nextSpeed(get().speed, 1));
}

/** Plays slower: the previous of the offered speeds. */
export function slowDown(): void {
  setSpeed(nextSpeed(get().speed, -1));
}
