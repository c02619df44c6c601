// First: before any module builds a zod schema (see run/zodJitless.ts).
import '../run/zodJitless';
import type { ImportProgress, ImportRead } from './index';
import { readRunText } from './index';
import { FILE_TOO_LARGE, MAX_FILE_CHARS } from './limits';

/**
 * The import worker: reads a file the user opened, parses it, checks it and converts it
 * (`readRunText`), off the page's thread, reporting progress (bytes read, then events
 * checked) at most every 50 ms. Sends back the read file, not its trace: the page replays the
 * events itself (run/readRun.ts), where the trace's checkpoints are used.
 */

/** A request: the file (a File or Blob, which the page hands over without copying). */
export interface ImportRequest {
  file: Blob;
  fileName: string;
  /** Which record of a many-record file to open (importers/index.ts `ImportOptions`). */
  record?: number;
}

/**
 * What the worker says: progress, then the read file (or why not). A read file comes with
 * its events left out and sent after it in batches, so the page takes them in between frames
 * rather than in one long pause.
 */
export type ImportReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; read: ImportRead; events: number }
  | { type: 'events'; events: unknown[] };

const post = (reply: ImportReply) => (self as unknown as Worker).postMessage(reply);

/** Events per message. */
const BATCH = 5000;

/** Sends a read file: itself without its events, then its events in batches. */
function send(read: ImportRead): void {
  if (!read.ok) {
    post({ type: 'done', read, events: 0 });
    return;
  }
  const { events } = read.file;
  post({
    type: 'done',
    read: { ...read, file: { ...read.file, events: [] } },
    events: events.length,
  });
  for (let i = 0; i < events.length; i += BATCH) {
    post({ type: 'events', events: events.slice(i, i + BATCH) });
  }
}

/** Reports at most every 50 ms, and always the last step. */
function throttled(): (p: ImportProgress) => void {
  let last = 0;
  return (progress) => {
    const now = performance.now();
    if (now - last < 50 && progress.done < progress.total) return;
    last = now;
    post({ type: 'progress', progress });
  };
}

/** The file's text, read in chunks with the bytes read reported. */
async function readText(file: Blob, report: (p: ImportProgress) => void): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let done = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    done += chunk.value.byteLength;
    parts.push(decoder.decode(chunk.value, { stream: true }));
    report({ stage: 'reading', done, total: file.size });
  }
  parts.push(decoder.decode());
  return parts.join('');
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { file, fileName, record } = event.data;
  const report = throttled();
  // UTF-8 takes at most 4 bytes a character: a file this large is over the limit unread.
  if (file.size > 4 * MAX_FILE_CHARS) {
    send({ ok: false, error: FILE_TOO_LARGE });
    return;
  }
  void readText(file, report).then(
    (text) => send(readRunText(text, fileName, report, record === undefined ? {} : { record })),
    (error: unknown) =>
      send({ ok: false, error: `Could not read “${fileName}”: ${(error as Error).message}` }),
  );
};
