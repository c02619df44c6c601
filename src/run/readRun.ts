import { CheckpointedTrace } from '../core/tree/checkpoints';
import { TraceError } from '../core/tree/tree';
import type { ParsedRun, RunFileV2 } from './runFile';

/**
 * A run file read and checked but not yet replayed: what an import worker sends back (the
 * trace, with its checkpoints, is built where it is shown). `replay` says how a replay error
 * is worded: an Arbor file names the event (`events.12: …`); a tree converted from another
 * tool says the imported tree could not be replayed.
 */
export type ReadRun =
  | {
      ok: true;
      file: RunFileV2;
      /** Events between checkpoints of the trace to build. */
      interval: number;
      replay: 'arbor' | 'foreign';
      migratedFrom?: 1;
      /**
       * The events are the file's own values, as `JSON.parse` of their text gives them (the
       * check changed nothing), so a trace the page built from that text is this run's trace
       * (importers/readInWorker.ts).
       */
      eventsAsParsed?: true;
    }
  | { ok: false; error: string };

/** Why a read run could not be replayed, in the words of its kind. */
function replayError(replay: 'arbor' | 'foreign', error: unknown): string {
  if (replay === 'foreign') {
    const message = error instanceof TraceError ? `events.${error.message}` : String(error);
    return `The imported tree could not be replayed: ${message}`;
  }
  if (error instanceof TraceError) return `events.${error.message}`;
  return `The run could not be replayed: ${(error as Error).message}`;
}

/** A read run with the trace of its events, built elsewhere (its checkpoints as `interval`). */
export function withTrace(
  read: Extract<ReadRun, { ok: true }>,
  trace: CheckpointedTrace,
): ParsedRun {
  const { file, migratedFrom } = read;
  return migratedFrom === 1 ? { ok: true, file, trace, migratedFrom } : { ok: true, file, trace };
}

/** Replays a read run's events through the reducer (with checkpoints). Never throws. */
export function replayRead(read: ReadRun): ParsedRun {
  if (!read.ok) return read;
  try {
    return withTrace(read, CheckpointedTrace.from(read.file.events, read.interval));
  } catch (error) {
    return { ok: false, error: replayError(read.replay, error) };
  }
}

/**
 * {@link replayRead} in slices of `slice` events, yielding to the page between slices (so a
 * 100,000-event run replays while the page still answers input) and reporting the events
 * replayed so far. Gives the same run, or the same error, as {@link replayRead}.
 */
export async function replayReadInSlices(
  read: ReadRun,
  onProgress: (replayed: number, total: number) => void = () => undefined,
  slice = 8192,
): Promise<ParsedRun> {
  if (!read.ok) return read;
  const { events } = read.file;
  const trace = new CheckpointedTrace(read.interval);
  try {
    for (let i = 0; i < events.length; i++) {
      trace.append(events[i] as RunFileV2['events'][number]);
      if ((i + 1) % slice === 0) {
        onProgress(i + 1, events.length);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
  } catch (error) {
    return { ok: false, error: replayError(read.replay, error) };
  }
  onProgress(events.length, events.length);
  return withTrace(read, trace);
}
