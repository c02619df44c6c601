import { CheckpointedTrace } from '../core/tree/checkpoints';
import type { TraceEvent } from '../core/tree/events';
import type { ImportOptions, ImportProgress, ImportRead } from './index';
import type { ImportReply, ImportRequest } from './importWorker';

/**
 * A file read in the import worker: the read file (not yet replayed, or why it was refused)
 * and, where the page already replayed the events from their text while the worker checked
 * them (importWorker.ts), that trace — this run's trace, to use instead of a replay.
 */
export interface WorkerRead {
  read: ImportRead;
  trace: CheckpointedTrace | null;
}

/**
 * The page's side of the events' text: parses each batch and replays it into a trace as it
 * arrives. Any failure (text that does not parse, an event the tree refuses) just ends the
 * attempt: the page then replays the checked events as before, which says why.
 */
function textReplay(interval: number) {
  let trace: CheckpointedTrace | null = new CheckpointedTrace(interval);
  return {
    /** Replays a batch that starts at event `from`; the events replayed so far (0 once failed). */
    add(text: string, from: number): number {
      if (trace === null || trace.length !== from) {
        trace = null;
        return 0;
      }
      try {
        for (const event of JSON.parse(text) as TraceEvent[]) trace.append(event);
        return trace.length;
      } catch {
        trace = null;
        return 0;
      }
    },
    /** The trace, if it holds exactly `events` events. */
    result(events: number): CheckpointedTrace | null {
      return trace !== null && trace.length === events ? trace : null;
    },
  };
}

/**
 * Reads a file the user opened in the import worker (importWorker.ts), off the page's
 * thread: resolves to the read file (not yet replayed) or why it was refused, in the same
 * words as a read on the page, with the trace where the page built it meanwhile. Aborting
 * ends the worker; the promise then never settles (the caller has moved on). Where there is
 * no Worker (Node, in tests), it reads here.
 *
 * @param interval events between the checkpoints of a trace built from the events' text
 */
export function readInWorker(
  file: Blob,
  fileName: string,
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
  options: ImportOptions = {},
  interval?: number,
): Promise<WorkerRead> {
  if (typeof Worker === 'undefined') {
    return Promise.all([file.text(), import('./index')]).then(([text, { readRunText }]) => ({
      read: readRunText(text, fileName, onProgress, options),
      trace: null,
    }));
  }
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  signal?.addEventListener('abort', () => worker.terminate(), { once: true });
  return new Promise((resolve) => {
    let read: ImportRead | null = null;
    let expected = 0;
    const events: unknown[] = [];
    const fromText = interval === undefined ? null : textReplay(interval);
    let replaying = false;
    const finish = (trace: CheckpointedTrace | null) => {
      worker.terminate();
      if (read?.ok && trace === null) read.file.events = events as typeof read.file.events;
      if (read) resolve({ read, trace });
    };
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') {
        // While the page builds the tree from the text, its own count is the one shown.
        if (!replaying) onProgress(reply.progress);
        return;
      }
      if (reply.type === 'events-text') {
        const replayed = fromText?.add(reply.text, reply.from) ?? 0;
        replaying = replayed > 0 && replayed < reply.total;
        if (replayed > 0) onProgress({ stage: 'replaying', done: replayed, total: reply.total });
        return;
      }
      if (reply.type === 'done') {
        read = reply.read;
        expected = reply.events;
        if (reply.sliced) {
          const trace = fromText?.result(expected) ?? null;
          if (trace !== null) {
            finish(trace);
            return;
          }
          worker.postMessage({ type: 'send-events' } satisfies ImportRequest);
        }
      } else for (const e of reply.events) events.push(e);
      if (read !== null && events.length === expected) finish(null);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({
        read: { ok: false, error: `The import worker failed: ${event.message || 'no message'}` },
        trace: null,
      });
    };
    worker.postMessage({ type: 'read', file, fileName, ...options } satisfies ImportRequest);
  });
}
