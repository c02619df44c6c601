import { streamEvents } from '../core/search/program';
import type { TraceEvent } from '../core/tree/events';
import { readRunFile } from '../run/parseRunFile';
import type { RunSettings } from '../run/settings';
import { searchProgram } from '../run/startSearch';
import type { LessonRun } from './lessonSchema';
import { lessonSettings } from './lessonSettings';

/** A lesson run's whole event list, or why it cannot be had. */
export type LessonRunEvents =
  { ok: true; events: TraceEvent[]; settings: RunSettings | null } | { ok: false; error: string };

/**
 * A lesson run's events worked out away from the page's store: a settings run searched to its
 * end (the simulated engine answers at once, so this costs no frame), a bundled run file read
 * from `readFile(path)`. For what a step shows beside its own run (a compare view's second
 * run) and for the tests that check every step of a bundled lesson against its run.
 * @param readFile the text of a file under `public/` (fetched in the page, read from disk in tests)
 */
export async function lessonRunEvents(
  run: LessonRun,
  readFile: (path: string) => Promise<string>,
): Promise<LessonRunEvents> {
  if ('settings' in run) {
    const read = lessonSettings(run.settings);
    if (!read.ok) return read;
    const events: TraceEvent[] = [];
    try {
      for await (const event of streamEvents(searchProgram(read.settings))) events.push(event);
    } catch (error) {
      return { ok: false, error: `the search failed: ${(error as Error).message}` };
    }
    return { ok: true, events, settings: read.settings };
  }
  let text: string;
  try {
    text = await readFile(run.file);
  } catch (error) {
    return { ok: false, error: `the run file ${run.file} could not be read (${String(error)})` };
  }
  const read = readRunFile(text);
  if (!read.ok) return { ok: false, error: `the run file ${run.file}: ${read.error}` };
  return { ok: true, events: [...read.file.events], settings: null };
}
