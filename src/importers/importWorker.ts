// First: before any module builds a zod schema (see run/zodJitless.ts).
import '../run/zodJitless';
import type { ImportProgress, ImportRead } from './index';
import { readRunText } from './index';
import type { JsonScan } from './jsonScan';
import { eventsText, scanJson } from './jsonScan';
import { FILE_TOO_LARGE, MAX_DEPTH, MAX_FILE_CHARS } from './limits';

/**
 * The import worker: reads a file the user opened, parses it, checks it and converts it
 * (`readRunText`), off the page's thread, reporting progress (bytes read, then events
 * checked) at most every 50 ms. Sends back the read file, not its trace: the page replays the
 * events itself (run/readRun.ts), where the trace's checkpoints are used.
 *
 * An Arbor run file's events go to the page first, as their own text in batches, before the
 * worker parses and checks the file: the page parses and replays them while the worker checks
 * (both cores at work), and keeps that trace only if the worker then says the events passed
 * the check unchanged (`sliced`). Otherwise the page asks for the checked events
 * (`send-events`) and replays those.
 */

/**
 * A request: the file (a File or Blob, which the page hands over without copying), or, after
 * a `sliced` read whose text the page could not replay, the checked events themselves.
 */
export type ImportRequest =
  | {
      type: 'read';
      file: Blob;
      fileName: string;
      /** Which record of a many-record file to open (importers/index.ts `ImportOptions`). */
      record?: number;
    }
  | { type: 'send-events' };

/**
 * What the worker says: progress, then the read file (or why not). A read file comes with
 * its events left out and sent after it in batches, so the page takes them in between frames
 * rather than in one long pause.
 */
export type ImportReply =
  | { type: 'progress'; progress: ImportProgress }
  /** The text of events `from` on, as one JSON array; `total` events come this way. */
  | { type: 'events-text'; from: number; total: number; text: string }
  /**
   * The read file without its events; `sliced`: they are exactly the `events-text` sent
   * before, so they follow only on request.
   */
  | { type: 'done'; read: ImportRead; events: number; sliced: boolean }
  | { type: 'events'; events: unknown[] };

const post = (reply: ImportReply) => (self as unknown as Worker).postMessage(reply);

/** Events per message. */
const BATCH = 5000;

/** The events of the last read file, kept until the page has what it needs. */
let kept: unknown[] = [];

function sendEvents(events: unknown[]): void {
  for (let i = 0; i < events.length; i += BATCH) {
    post({ type: 'events', events: events.slice(i, i + BATCH) });
  }
}

/**
 * Sends a read file: itself without its events, then its events in batches — unless the
 * events are the text already sent (`slicedEvents` of them, passed unchanged), which the page
 * has replayed.
 */
function send(read: ImportRead, slicedEvents = -1): void {
  if (!read.ok) {
    post({ type: 'done', read, events: 0, sliced: false });
    return;
  }
  const { events } = read.file;
  const sliced = read.eventsAsParsed === true && slicedEvents === events.length;
  post({
    type: 'done',
    read: { ...read, file: { ...read.file, events: [] } },
    events: events.length,
    sliced,
  });
  if (sliced) kept = events;
  else sendEvents(events);
}

/** Posts the events' own text in batches (see the module's note); how many events went. */
function sendEventsText(text: string, places: NonNullable<JsonScan['events']>): number {
  const total = places.ends.length;
  for (let from = 0; from < total; from += BATCH) {
    const to = Math.min(total, from + BATCH);
    post({ type: 'events-text', from, total, text: eventsText(text, places, from, to) });
  }
  return total;
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

/** Reads the text: events' text to the page first where it can, then the checked file. */
function readAndSend(text: string, fileName: string, record: number | undefined): void {
  const report = throttled();
  const options = record === undefined ? {} : { record };
  if (text.length > MAX_FILE_CHARS) {
    send(readRunText(text, fileName, report, options));
    return;
  }
  const scan = scanJson(text, MAX_DEPTH);
  const sliced =
    scan.events !== null && record === undefined ? sendEventsText(text, scan.events) : -1;
  send(readRunText(text, fileName, report, { ...options, depth: scan.depth }), sliced);
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  if (event.data.type === 'send-events') {
    sendEvents(kept);
    return;
  }
  const { file, fileName, record } = event.data;
  const report = throttled();
  // UTF-8 takes at most 4 bytes a character: a file this large is over the limit unread.
  if (file.size > 4 * MAX_FILE_CHARS) {
    send({ ok: false, error: FILE_TOO_LARGE });
    return;
  }
  void readText(file, report).then(
    (text) => readAndSend(text, fileName, record),
    (error: unknown) =>
      send({ ok: false, error: `Could not read “${fileName}”: ${(error as Error).message}` }),
  );
};
