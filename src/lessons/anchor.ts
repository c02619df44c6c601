import type { PhaseGroup } from '../core/tree/phaseGroups';
import { phaseGroups } from '../core/tree/phaseGroups';
import type { TraceEvent } from '../core/tree/events';
import type { LessonAnchor } from './lessonSchema';

/** A step's cursor (events applied), or why its anchor names no place in the run. */
export type AnchorResult = { ok: true; cursor: number } | { ok: false; error: string };

/** The iteration (MCTS), depth (beam search) or sample (best-of-N) a phase belongs to. */
function roundOf(events: readonly TraceEvent[], group: PhaseGroup): number | null {
  const opening = events[group.start];
  if (opening === undefined) return null;
  if (opening.type === 'prune') return opening.depth;
  return 'iteration' in opening ? opening.iteration : null;
}

/**
 * Where a lesson step's anchor puts the cursor in a run's events: a number as it is (at most
 * the run's length), `start` just after the start event (the root alone), `end` after the last
 * event, and `{ iteration, phase, edge }` before or after the first phase of that kind in that
 * iteration (phaseGroups' partition, so "after a backprop" includes nothing of the next phase).
 * @example resolveAnchor(events, { iteration: 2, phase: 'select', edge: 'before' })
 *   // { ok: true, cursor: 9 } — iteration 1 drawn, iteration 2's selection not yet
 */
export function resolveAnchor(events: readonly TraceEvent[], anchor: LessonAnchor): AnchorResult {
  if (typeof anchor === 'number') {
    return anchor <= events.length
      ? { ok: true, cursor: anchor }
      : { ok: false, error: `event ${anchor} is past the run's end (${events.length} events)` };
  }
  if (anchor === 'end') return { ok: true, cursor: events.length };
  if (anchor === 'start') {
    return events[0]?.type === 'start'
      ? { ok: true, cursor: 1 }
      : { ok: false, error: 'the run has no start event' };
  }
  const group = phaseGroups(events).find(
    (g) => g.kind === anchor.phase && roundOf(events, g) === anchor.iteration,
  );
  if (group === undefined) {
    return {
      ok: false,
      error: `the run has no ${anchor.phase} phase in iteration ${anchor.iteration}`,
    };
  }
  return { ok: true, cursor: anchor.edge === 'before' ? group.start : group.end };
}
