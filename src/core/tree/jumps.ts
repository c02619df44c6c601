import type { TraceEvent } from './events';

/**
 * Places in a run a researcher jumps to (issue 10): one table, so a new jump is one more
 * entry (e.g. "the first place the PRM disagreed with the truth").
 */

/** What a jump may read: the events and the indices of the setbacks (`backtracks.ts`). */
export interface JumpInput {
  events: readonly TraceEvent[];
  setbacks: readonly number[];
}

/** A place to jump to: its button label and how to find its event. */
export interface Jump {
  id: string;
  label: string;
  /** The index of the event to show (applied), or null when the run has none. */
  find: (input: JumpInput) => number | null;
}

/** The first event index matching `test`, or null. */
function firstIndex(
  events: readonly TraceEvent[],
  test: (e: TraceEvent) => boolean,
): number | null {
  const i = events.findIndex(test);
  return i < 0 ? null : i;
}

/** The jumps the timeline offers, in order. */
export const JUMPS: readonly Jump[] = [
  {
    id: 'first-backtrack',
    label: 'First backtrack',
    find: ({ setbacks }) => setbacks[0] ?? null,
  },
  {
    id: 'first-wrong-answer',
    label: 'First wrong answer',
    find: ({ events }) =>
      firstIndex(events, (e) => e.type === 'terminal' && e.kind === 'wrong-answer'),
  },
  {
    id: 'first-prm-disagreement',
    label: 'First PRM mistake',
    // Where the engine knows the truth: the simulated PRM scores a blurred copy of it, and
    // says so in its evidence. A score of 0.5 or more counts as "good" (layout/prmTruth.ts).
    find: ({ events }) =>
      firstIndex(
        events,
        (e) =>
          e.type === 'score' &&
          e.evidence.judge === 'simulated-prm' &&
          e.evidence.truth >= 0.5 !== e.score >= 0.5,
      ),
  },
];
