import type { StartEvent, TraceEvent } from './events';

/**
 * One press per phase (issue 10): the trace cut into the phases a class watches. A phase is
 * one "opening" event and the events that belong to it, which follow it until the next
 * opening event:
 *
 * - MCTS: `select` (with the `backtrack` it causes), `expand` (with the `score` and
 *   `terminal` events of the new children), `simulate`, `backprop` — the four phases of
 *   Kocsis & Szepesvári's UCT as the strip shows them.
 * - Beam search: one `expand` per beam (with its children's `score` and `terminal`
 *   events), then the `prune` of the depth (with the `backtrack`s it causes).
 * - Best-of-N: one whole sample (every `expand`, `score`, `terminal` of that sample number).
 * - `start` and `done` are phases of their own.
 *
 * Pure: reads only the events. The phases partition the events, in order.
 */

/** What a phase is, named by its opening event (`sample` for a best-of-N sample). */
export type PhaseKind =
  | 'start'
  | 'select'
  | 'expand'
  | 'simulate'
  | 'backprop'
  | 'prune'
  | 'sample'
  | 'done'
  /** Events before any opening event (only in a malformed or partial trace). */
  | 'other';

/** One phase: events `[start, end)` of the trace. */
export interface PhaseGroup {
  kind: PhaseKind;
  /** Index of the opening event. */
  start: number;
  /** One past the last event of the phase. */
  end: number;
}

type Algorithm = StartEvent['algorithm'];

/** The iteration an event names, for best-of-N's "same sample" rule. */
function iterationOf(event: TraceEvent): number | null {
  return 'iteration' in event ? event.iteration : null;
}

/**
 * The phase an event opens, or null when it belongs to the phase before it.
 * @param current the iteration of the open best-of-N sample (null when none is open)
 */
export function opensPhase(
  algorithm: Algorithm,
  event: TraceEvent,
  current: number | null = null,
): PhaseKind | null {
  switch (event.type) {
    case 'start':
    case 'done':
      return event.type;
    case 'score':
    case 'terminal':
    case 'backtrack':
      return null;
    case 'select':
    case 'simulate':
    case 'backprop':
      return algorithm === 'best-of-n' ? null : event.type;
    case 'prune':
      return algorithm === 'best-of-n' ? null : 'prune';
    case 'expand':
      if (algorithm !== 'best-of-n') return 'expand';
      return event.iteration === current ? null : 'sample';
  }
}

/** The run's algorithm, from its `start` event (MCTS when there is none). */
export function algorithmOf(events: readonly TraceEvent[]): Algorithm {
  const first = events[0];
  return first?.type === 'start' ? first.algorithm : 'mcts';
}

/**
 * The phases of a trace, in order; together they cover every event exactly once.
 * @example phaseGroups([start, select, backtrack, expand, score, score])
 *   // [{kind:'start',start:0,end:1}, {kind:'select',start:1,end:3}, {kind:'expand',start:3,end:6}]
 */
export function phaseGroups(events: readonly TraceEvent[]): PhaseGroup[] {
  const algorithm = algorithmOf(events);
  const groups: PhaseGroup[] = [];
  let sample: number | null = null;
  events.forEach((event, i) => {
    const kind = opensPhase(algorithm, event, sample);
    const open = groups.at(-1);
    if (kind === null && open !== undefined) {
      open.end = i + 1;
      return;
    }
    groups.push({ kind: kind ?? 'other', start: i, end: i + 1 });
    sample = kind === 'sample' ? iterationOf(event) : null;
  });
  return groups;
}

/**
 * Whether cursor position `cursor` (events applied) ends a phase: the next event opens a
 * new phase. At the end of the recorded events that is only known when the run is complete
 * (`complete`), or when the last event always ends its phase (`backprop`, `done`).
 */
export function isPhaseEnd(
  events: readonly TraceEvent[],
  cursor: number,
  complete: boolean,
): boolean {
  if (cursor < 1 || cursor > events.length) return false;
  const last = events[cursor - 1] as TraceEvent;
  const next = events[cursor];
  if (next === undefined) return complete || last.type === 'backprop' || last.type === 'done';
  const algorithm = algorithmOf(events);
  const sample = algorithm === 'best-of-n' ? currentSample(events, cursor) : null;
  return opensPhase(algorithm, next, sample) !== null;
}

/** The sample number of the best-of-N phase open at `cursor` (its last expand's iteration). */
function currentSample(events: readonly TraceEvent[], cursor: number): number | null {
  for (let i = cursor - 1; i >= 0; i--) {
    const e = events[i] as TraceEvent;
    if (e.type === 'expand') return e.iteration;
    if (e.type === 'start' || e.type === 'done') return null;
  }
  return null;
}

/** The end of the next phase after `cursor`, or null when the recorded events do not show it. */
export function nextPhaseEnd(
  events: readonly TraceEvent[],
  cursor: number,
  complete: boolean,
): number | null {
  for (let c = Math.max(1, Math.floor(cursor) + 1); c <= events.length; c++) {
    if (isPhaseEnd(events, c, complete)) return c;
  }
  return null;
}

/** The end of the previous phase before `cursor` (0 when there is none). */
export function previousPhaseEnd(events: readonly TraceEvent[], cursor: number): number {
  for (let c = Math.min(Math.ceil(cursor) - 1, events.length); c >= 1; c--) {
    if (isPhaseEnd(events, c, true)) return c;
  }
  return 0;
}

/**
 * The phase the last applied event belongs to (cursor − 1), as `[start, end)` with `end`
 * cut at the cursor: the events a narration of "this phase so far" lists. Null at cursor 0.
 */
export function phaseSoFar(events: readonly TraceEvent[], cursor: number): PhaseGroup | null {
  if (cursor < 1 || cursor > events.length) return null;
  const algorithm = algorithmOf(events);
  for (let i = cursor - 1; i >= 0; i--) {
    const e = events[i] as TraceEvent;
    const sample = algorithm === 'best-of-n' ? currentSample(events, i) : null;
    const kind = opensPhase(algorithm, e, sample);
    if (kind !== null) return { kind, start: i, end: cursor };
  }
  return { kind: 'other', start: 0, end: cursor };
}
