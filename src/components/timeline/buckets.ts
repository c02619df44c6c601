import type { TraceEvent } from '../../core/tree/events';

/**
 * The timeline's data: events grouped into pixel columns, each coloured by the category most
 * of its events have, with markers for backtracks and terminal answers. Pure, so that a
 * 100k-event run costs one pass over the events per redraw and no DOM node per event.
 */

/** How the timeline colours an event. */
export type EventCategory =
  'select' | 'expand' | 'score' | 'simulate' | 'backprop' | 'prune' | 'other';

/** The categories in legend order; earlier ones win ties for a column's colour. */
export const CATEGORIES: readonly EventCategory[] = [
  'select',
  'expand',
  'score',
  'simulate',
  'backprop',
  'prune',
  'other',
];

const CATEGORY_INDEX: Readonly<Record<EventCategory, number>> = Object.fromEntries(
  CATEGORIES.map((c, i) => [c, i]),
) as Record<EventCategory, number>;

/** An event's colour category: its phase or stage; start, terminal, backtrack, done are 'other'. */
export function eventCategory(event: TraceEvent): EventCategory {
  switch (event.type) {
    case 'select':
    case 'expand':
    case 'score':
    case 'simulate':
    case 'backprop':
    case 'prune':
      return event.type;
    default:
      return 'other';
  }
}

/** Markers of a column, as bit flags. */
export const MARK_BACKTRACK = 1;
export const MARK_RIGHT = 2;
export const MARK_WRONG = 4;

/**
 * The markers one event sets: a backtrack, a right or a wrong terminal answer (an answer of
 * unknown correctness is neither, so it sets none).
 * @param setback whether a backtrack event is marked (false: it only changes line)
 */
export function eventMarks(event: TraceEvent, setback = true): number {
  if (event.type === 'backtrack') return setback ? MARK_BACKTRACK : 0;
  if (event.type !== 'terminal' || event.kind === 'invalid-step' || event.correct === null) {
    return 0;
  }
  return event.correct ? MARK_RIGHT : MARK_WRONG;
}

/** Events grouped into columns. */
export interface Buckets {
  /** Number of columns: min(columns asked for, events). */
  count: number;
  /** Per column, the index in {@link CATEGORIES} of its dominant category. */
  dominant: Uint8Array;
  /** Per column, its markers (MARK_* flags). */
  marks: Uint8Array;
}

/**
 * Groups events into at most `columns` columns of (nearly) equal numbers of events: event i
 * falls in column ⌊i · count / n⌋. A column takes the category most of its events have
 * (ties: the earlier category in {@link CATEGORIES}) and every marker its events set.
 * @param setbacks the indices of the backtrack events to mark (`CheckpointedTrace.setbacks`),
 *   or null to mark every backtrack event (every change of line)
 * @example bucketEvents(tenEvents, 4) // columns of 3, 2, 3 and 2 events
 */
export function bucketEvents(
  events: readonly TraceEvent[],
  columns: number,
  setbacks: ReadonlySet<number> | null = null,
): Buckets {
  const n = events.length;
  const count = Math.max(0, Math.min(Math.floor(columns), n));
  const dominant = new Uint8Array(count);
  const marks = new Uint8Array(count);
  const tally = new Uint32Array(CATEGORIES.length);
  let column = 0;
  const close = (col: number) => {
    let best = 0;
    for (let k = 1; k < tally.length; k++) if ((tally[k] ?? 0) > (tally[best] ?? 0)) best = k;
    dominant[col] = best;
    tally.fill(0);
  };
  for (let i = 0; i < n && count > 0; i++) {
    const col = Math.floor((i * count) / n);
    if (col !== column) {
      close(column);
      column = col;
    }
    const event = events[i] as TraceEvent;
    const k = CATEGORY_INDEX[eventCategory(event)];
    tally[k] = (tally[k] ?? 0) + 1;
    marks[col] = (marks[col] ?? 0) | eventMarks(event, setbacks === null || setbacks.has(i));
  }
  if (count > 0) close(column);
  return { count, dominant, marks };
}

/**
 * The cursor (events applied) for a pointer at `fraction` of the timeline's width: the event
 * under the pointer is applied; at or left of the left edge, none is.
 */
export function cursorAtFraction(fraction: number, eventCount: number): number {
  if (!(fraction > 0) || eventCount <= 0) return 0;
  return Math.min(eventCount, Math.floor(fraction * eventCount) + 1);
}

/** The index of the event under a pointer at `fraction` of the width, or null off the bar. */
export function eventAtFraction(fraction: number, eventCount: number): number | null {
  if (!(fraction >= 0 && fraction <= 1) || eventCount <= 0) return null;
  return Math.min(eventCount - 1, Math.floor(fraction * eventCount));
}
