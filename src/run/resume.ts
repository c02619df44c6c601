/**
 * Continuing a run from its recorded events (issue 6, "an engine that throws or hangs in the
 * middle of a run: ... the run can be continued"). The run's search is started again over
 * engines that give the answers it recorded, so it re-makes its recorded events one by one;
 * {@link afterRecorded} checks each against the recording and passes on only what comes after.
 *
 * - A reproducible engine (the simulated one): the search simply runs again from the start. It
 *   is deterministic by seed, so its first events are the recorded ones, byte for byte.
 * - A language model is not: the recorded calls are answered from the events
 *   (engines/replay/resumeEngine.ts) and only the calls past them go to the loaded model.
 */
import type { SearchProgram, SearchStep } from '../core/search';
import type { TraceEvent } from '../core/tree/events';
import { engineFor } from '../engines/registry';
import { recordedThenLive } from '../engines/replay/resumeEngine';
import type { RunSettings } from './settings';
import { searchProgram } from './startSearch';

/** The continued search did not re-make the recorded events: it was not continued. */
export class ResumeMismatchError extends Error {
  override name = 'ResumeMismatchError';
}

/** How a run is started afresh (startSearch.ts `searchProgram`; tests inject faults here). */
export type StartProgram = (settings: RunSettings, signal?: AbortSignal) => SearchProgram;

/**
 * The run's search again, from its `start`, over engines that give the recorded answers:
 * drive it through {@link afterRecorded} to continue the run.
 * @param settings the run's settings
 * @param recorded the run's events so far
 * @param signal aborts the search (Stop)
 * @param start how the simulated engine's run starts afresh (default `searchProgram`)
 * @throws Error as `searchProgram` does (unknown problem, no model loaded, another model)
 */
export function resumeProgram(
  settings: RunSettings,
  recorded: readonly TraceEvent[],
  signal?: AbortSignal,
  start: StartProgram = searchProgram,
): SearchProgram {
  if (engineFor(settings.engine).capabilities.reproducible) return start(settings, signal);
  return searchProgram(settings, signal, (live, task) => recordedThenLive(recorded, live, task));
}

/**
 * An event as JSON without its costs, keys sorted: what the search decided. A continued model
 * run re-makes recorded events with their recorded costs, but a rollout's steps carry no
 * recorded token counts (fromTrace.ts), so costs are left out of the comparison.
 */
export function decided(event: TraceEvent): string {
  return JSON.stringify(event, (key, value: unknown) => {
    if (key === 'cost') return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
  });
}

function isPending(step: SearchStep): step is Exclude<SearchStep, TraceEvent> {
  return 'pending' in step;
}

/**
 * Drives `program` past the recorded events: its first `recorded.length` events are checked
 * against the recording (costs aside) and not passed on; everything after is. Promises pass
 * through both ways, as `streamEvents` drives them.
 * @throws ResumeMismatchError when the program makes another event than the recorded one, ends
 *   before the recording does, or fails while re-making it
 */
export function* afterRecorded(
  program: SearchProgram,
  recorded: readonly TraceEvent[],
): SearchProgram {
  const total = recorded.length;
  let i = 0;
  let input: { value: unknown } | { error: unknown } = { value: undefined };
  try {
    for (;;) {
      let result: IteratorResult<SearchStep, void>;
      try {
        result = 'error' in input ? program.throw(input.error) : program.next(input.value);
      } catch (error) {
        if (i >= total) throw error;
        const why = error instanceof Error ? error.message : String(error);
        throw new ResumeMismatchError(
          `The run could not be continued: re-making its event ${i + 1} of ${total} failed (${why}). Its ${total} events are kept.`,
          { cause: error },
        );
      }
      if (result.done) {
        if (i < total) {
          throw new ResumeMismatchError(
            `The run could not be continued: its search ended after ${i} of the ${total} recorded events. Its events are kept.`,
          );
        }
        return;
      }
      const step: SearchStep = result.value;
      if (isPending(step)) {
        try {
          input = { value: yield step };
        } catch (error) {
          input = { error };
        }
        continue;
      }
      input = { value: undefined };
      if (i >= total) {
        yield step;
        continue;
      }
      const expected = recorded[i] as TraceEvent;
      if (decided(step) !== decided(expected)) {
        throw new ResumeMismatchError(
          `The run could not be continued: its search, started again, made a different event ${i + 1} (${step.type} where the run recorded ${expected.type}). Its ${total} events are kept.`,
        );
      }
      i += 1;
    }
  } finally {
    program.return();
  }
}
