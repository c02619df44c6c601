import { useEffect, useId, useRef, useState } from 'react';
import type { ImportProgress } from '../importers';
import { dismissImportError, exportRun, importRunFile, useArbor } from '../store';
import { LazyImportChoices } from './lazy/panels';

const BUTTON =
  'rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-blue-600';

const ALERT =
  'rounded border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950 p-2 text-red-800 dark:text-red-300';

/** Saves the run as a JSON file through a temporary download link. */
function download(): void {
  const file = exportRun();
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `arbor-${file.settings.problemId}-${file.settings.search.algorithm}-seed${file.settings.seed}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** What the drop or the picker says besides the store's import error. */
interface Notice {
  tone: 'info' | 'error';
  text: string;
}

/** A JSON (or JSON-lines) file by its name or type, as the picker's `accept` allows. */
function isJsonFile(file: File): boolean {
  return /\.jsonl?$/i.test(file.name) || file.type === 'application/json';
}

/** A drag that carries files (not text, a link or an element of the page). */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Imports a file through the store: read and checked in the import worker, replayed on the
 * page (a refusal shows as `importError`). Resolves to a notice only when something threw.
 */
async function importFile(file: File): Promise<Notice | null> {
  try {
    await importRunFile(file, file.name);
    return null;
  } catch (error) {
    return { tone: 'error', text: `Could not read “${file.name}”: ${(error as Error).message}` };
  }
}

const MB = (bytes: number) => (bytes / 1e6).toFixed(1);
const count = (n: number) => n.toLocaleString('en-US');

/** What the import is doing, in words, with its numbers. */
function progressText(p: ImportProgress): string {
  switch (p.stage) {
    case 'reading':
      // Once every byte is in, the worker parses the text (no count to show until it has).
      return p.done < p.total
        ? `Reading the file: ${MB(p.done)} of ${MB(p.total)} MB`
        : `Read ${MB(p.total)} MB; parsing…`;
    case 'checking':
      return `Checking events: ${count(p.done)} of ${count(p.total)}`;
    case 'replaying':
      return `Building the tree: ${count(p.done)} of ${count(p.total)} events`;
  }
}

/** The import under way: a bar for its stage (bytes read, events checked, events replayed). */
function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const text = progressText(progress);
  return (
    <div role="status" className="flex flex-col gap-1" data-testid="import-progress">
      <span className="text-slate-700 dark:text-slate-300">{text}</span>
      <progress
        className="h-2 w-full max-w-md accent-blue-600"
        aria-label={`Import: ${text}`}
        max={Math.max(1, progress.total)}
        value={progress.done}
      />
    </div>
  );
}

/** What to import of the files dropped on the page: the first, and what to say about it. */
function pickDropped(files: readonly File[]): { file: File | null; notice: Notice | null } {
  const [first] = files;
  if (!first) return { file: null, notice: null };
  if (!isJsonFile(first)) {
    const text = `“${first.name}” is not a .json file: drop an Arbor run file (.json) to import it.`;
    return { file: null, notice: { tone: 'error', text } };
  }
  if (files.length === 1) return { file: first, notice: null };
  const text = `${files.length} files were dropped: importing the first, “${first.name}”. Drop one file at a time.`;
  return { file: first, notice: { tone: 'info', text } };
}

/**
 * Files dropped anywhere on the page. Only drags that carry files are taken (and their
 * default, the browser opening the file, is prevented); others pass by untouched. Returns
 * whether such a drag is over the page. `dragenter` of the element entered comes before
 * `dragleave` of the one left, so a count of the two says when the drag has left the page.
 */
function useFileDrop(onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  });
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // makes the page a drop target
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      latest.current([...(e.dataTransfer?.files ?? [])]);
    };
    const listeners = { dragenter: enter, dragover: over, dragleave: leave, drop } as const;
    for (const [type, listener] of Object.entries(listeners)) {
      window.addEventListener(type, listener as EventListener);
    }
    return () => {
      for (const [type, listener] of Object.entries(listeners)) {
        window.removeEventListener(type, listener as EventListener);
      }
    };
  }, []);
  return dragging;
}

/**
 * Export the run to a JSON file and import one back, by the file picker or by dropping the
 * file anywhere on the page. A refused file leaves the current run as it was and says why
 * (the error names the field).
 */
export function ImportExport() {
  const id = useId();
  const eventCount = useArbor((s) => s.eventCount);
  const importError = useArbor((s) => s.importError);
  const progress = useArbor((s) => s.importProgress);
  const [notice, setNotice] = useState<Notice | null>(null);
  const dragging = useFileDrop((files) => {
    const picked = pickDropped(files);
    setNotice(picked.notice);
    if (picked.file) void importFile(picked.file).then((failed) => failed && setNotice(failed));
  });
  return (
    <div className="flex flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={BUTTON} onClick={download} disabled={eventCount === 0}>
          Export run
        </button>
        <label htmlFor={id} className="font-medium text-slate-700 dark:text-slate-300">
          Import run file
        </label>
        <input
          id={id}
          type="file"
          accept="application/json,.json,.jsonl"
          className="text-sm"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            setNotice(null);
            void importFile(file).then((failed) => {
              if (failed) setNotice(failed);
              input.value = '';
            });
          }}
        />
        <span className="text-slate-500 dark:text-slate-400">or drop it on the page</span>
      </div>
      {progress && <ImportProgressBar progress={progress} />}
      {notice && (
        <div
          role={notice.tone === 'error' ? 'alert' : 'status'}
          className={
            notice.tone === 'error'
              ? ALERT
              : 'rounded border border-slate-300 dark:border-slate-700 p-2 text-slate-700 dark:text-slate-300'
          }
        >
          <p>{notice.text}</p>
          <button type="button" className="mt-1 underline" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      {importError && (
        <div role="alert" className={ALERT}>
          <p>
            Could not import the run file (the current run is unchanged): <span>{importError}</span>
          </p>
          <button type="button" className="mt-1 underline" onClick={dismissImportError}>
            Dismiss
          </button>
        </div>
      )}
      <LazyImportChoices />
      {dragging && (
        <div
          data-testid="drop-zone"
          className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center border-4 border-dashed border-blue-600 bg-blue-600/10"
        >
          <p className="rounded bg-white px-4 py-2 text-lg font-medium text-blue-800 shadow dark:bg-slate-900 dark:text-blue-300">
            Drop a run file (.json) to import it
          </p>
        </div>
      )}
    </div>
  );
}
