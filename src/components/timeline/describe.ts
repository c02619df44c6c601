import type { Algorithm } from '../../core/search/settings';
import type { TraceEvent } from '../../core/tree/events';
import { iterationAt } from '../../store';
import { ITERATION_NOUN } from '../stepper/stages';

/** Words for the timeline: the slider's value text and the hover readout. */

const round = (x: number) => String(Number(x.toFixed(3)));

/** One event in a few words, e.g. "expand node 4: 3 children". */
export function describeEvent(event: TraceEvent): string {
  switch (event.type) {
    case 'start':
      return 'start';
    case 'select':
      return `select a path to node ${event.path.at(-1) ?? 0}`;
    case 'expand':
      return event.skipped
        ? `expand node ${event.node}: skipped (${event.skipped})`
        : `expand node ${event.node}: ${event.children.length} ${event.children.length === 1 ? 'child' : 'children'}`;
    case 'score':
      return `score node ${event.node}: ${round(event.score)}`;
    case 'terminal':
      if (event.kind === 'invalid-step') return `terminal node ${event.node}: invalid step`;
      if (event.correct === null) {
        return `terminal node ${event.node}: ${event.answer || 'end'} (correctness unknown)`;
      }
      return `terminal node ${event.node}: ${event.answer} (${event.correct ? 'right' : 'wrong'})`;
    case 'simulate':
      return `simulate from node ${event.from}: reward ${round(event.reward)}`;
    case 'backprop':
      return `backprop value ${round(event.value)}`;
    case 'backtrack':
      return `backtrack to node ${event.at}`;
    case 'prune':
      return `prune: kept ${event.kept.length}, dropped ${event.dropped.length}`;
    case 'done':
      return event.answer === null
        ? 'done: no answer'
        : `done: ${event.answer} (${event.correct ? 'right' : 'wrong'})`;
  }
}

/** "iteration 7" (or "depth 2", "sample 3") for the event at `index`, or '' outside one. */
function iterationWords(algorithm: Algorithm, events: readonly TraceEvent[], index: number) {
  const iteration = iterationAt(events, index);
  return iteration !== null && iteration >= 1 ? `${ITERATION_NOUN[algorithm]} ${iteration}` : '';
}

/**
 * The slider's value text for a cursor, e.g. "event 41 of 211, iteration 7, expand": the
 * last applied event's number, its iteration and its type.
 */
export function cursorValueText(
  algorithm: Algorithm,
  events: readonly TraceEvent[],
  cursor: number,
  eventCount: number,
): string {
  const last = events[cursor - 1];
  if (cursor <= 0 || last === undefined) return `event 0 of ${eventCount}, before the start`;
  const parts = [`event ${cursor} of ${eventCount}`, iterationWords(algorithm, events, cursor - 1)];
  return [...parts, last.type].filter((p) => p !== '').join(', ');
}

/** The hover readout for the event at `index`, e.g. "event 42 · iteration 7 · backprop value 1". */
export function hoverText(
  algorithm: Algorithm,
  events: readonly TraceEvent[],
  index: number,
): string {
  const event = events[index];
  if (event === undefined) return '';
  const parts = [`event ${index + 1}`, iterationWords(algorithm, events, index)];
  return [...parts, describeEvent(event)].filter((p) => p !== '').join(' · ');
}
