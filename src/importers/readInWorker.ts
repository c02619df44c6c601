import type { ImportOptions, ImportProgress, ImportRead } from './index';
import type { ImportReply, ImportRequest } from './importWorker';

/**
 * Reads a file the user opened in the import worker (importWorker.ts), off the page's
 * thread: resolves to the read file (not yet replayed) or why it was refused, in the same
 * words as a read on the page. Aborting ends the worker; the promise then never settles
 * (the caller has moved on). Where there is no Worker (Node, in tests), it reads here.
 */
export function readInWorker(
  file: Blob,
  fileName: string,
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
  options: ImportOptions = {},
): Promise<ImportRead> {
  if (typeof Worker === 'undefined') {
    return Promise.all([file.text(), import('./index')]).then(([text, { readRunText }]) =>
      readRunText(text, fileName, onProgress, options),
    );
  }
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  signal?.addEventListener('abort', () => worker.terminate(), { once: true });
  return new Promise((resolve) => {
    let read: ImportRead | null = null;
    let expected = 0;
    const events: unknown[] = [];
    const finish = () => {
      worker.terminate();
      if (read?.ok) read.file.events = events as typeof read.file.events;
      if (read) resolve(read);
    };
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') onProgress(reply.progress);
      else if (reply.type === 'done') {
        read = reply.read;
        expected = reply.events;
      } else for (const e of reply.events) events.push(e);
      if (read !== null && events.length === expected) finish();
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ ok: false, error: `The import worker failed: ${event.message || 'no message'}` });
    };
    worker.postMessage({ file, fileName, ...options } satisfies ImportRequest);
  });
}
