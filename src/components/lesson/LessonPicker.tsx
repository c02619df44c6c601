import { useEffect, useRef, useState } from 'react';
import { BUNDLED_LESSONS } from '../../lessons/bundled';
import { setLessonPickerOpen, useArbor } from '../../store';
import { dismissLessonError, openLesson } from '../../store/lessonActions';

const BUTTON =
  'inline-flex min-h-9 items-center rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800';

/** Saves a bundled lesson's file, for a teacher to edit into their own. */
async function saveCopy(id: string): Promise<void> {
  const entry = BUNDLED_LESSONS.find((l) => l.id === id);
  if (!entry) return;
  const text = `${JSON.stringify(await entry.load(), null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${id}.arbor-lesson.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Each bundled lesson's summary and chapter count, read from its file (in this chunk). */
function useBundledAbout(): Record<string, string> {
  const [about, setAbout] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    void Promise.all(
      BUNDLED_LESSONS.map(async (l) => {
        const file = (await l.load()) as { summary?: unknown; chapters?: unknown };
        const chapters = Array.isArray(file.chapters) ? file.chapters.length : 0;
        const summary = typeof file.summary === 'string' ? `${file.summary} ` : '';
        return [l.id, `${summary}${chapters} chapter${chapters === 1 ? '' : 's'}.`] as const;
      }),
    ).then((pairs) => {
      if (live) setAbout(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, []);
  return about;
}

/**
 * The lesson picker (issue 11), a modal dialog: the bundled lessons, a lesson file from the
 * user's disk, or a lesson file on this site by its address. A lesson that does not validate
 * is named with the field's path (`chapters.2.steps.0.at: …`), and nothing on the page changes.
 * Esc, Close or a click on the backdrop close it.
 */
export function LessonPicker() {
  const open = useArbor((s) => s.lessonPickerOpen);
  const error = useArbor((s) => s.lessonError);
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [url, setUrl] = useState('');
  const about = useBundledAbout();

  useEffect(() => {
    const d = dialog.current;
    if (!d || !open) return;
    const opener = document.activeElement;
    if (!d.open) d.showModal();
    first.current?.focus();
    return () => {
      if (d.open) d.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [open]);

  const go = async (input: Parameters<typeof openLesson>[0]) => {
    setBusy(true);
    try {
      await openLesson(input);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby="lesson-picker-heading"
      className="m-auto max-h-[90vh] w-[min(42rem,96vw)] overflow-auto rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      onCancel={(e) => {
        e.preventDefault();
        setLessonPickerOpen(false);
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) setLessonPickerOpen(false);
      }}
    >
      <div className="flex flex-col gap-4 p-4">
        <div className="flex items-center justify-between gap-4">
          <h2 id="lesson-picker-heading" className="text-lg font-semibold">
            Lessons
          </h2>
          <button type="button" className={BUTTON} onClick={() => setLessonPickerOpen(false)}>
            Close
          </button>
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          A lesson plays real runs step by step, with words for the class and questions they answer
          on the tree. ← → (or a clicker) move through it; you can explore at any step and come back
          with Backspace.
        </p>
        <ul aria-label="Bundled lessons" className="flex flex-col gap-2">
          {BUNDLED_LESSONS.map((l, i) => (
            <li
              key={l.id}
              className="flex flex-wrap items-center gap-2 rounded border border-slate-200 p-2 dark:border-slate-700"
            >
              <div className="min-w-0 flex-1">
                <p className="font-semibold">{l.title}</p>
                <p className="text-sm text-slate-600 dark:text-slate-400">{about[l.id] ?? '…'}</p>
              </div>
              <button
                ref={i === 0 ? first : undefined}
                type="button"
                disabled={busy}
                className={`${BUTTON} border-blue-700 bg-blue-600 text-white hover:bg-blue-700 dark:border-blue-400 dark:bg-blue-600 dark:hover:bg-blue-700`}
                onClick={() => void go({ kind: 'bundled', id: l.id })}
              >
                Play
              </button>
              <button
                type="button"
                className={BUTTON}
                title="Save the lesson file, to write your own from it"
                onClick={() => void saveCopy(l.id)}
              >
                Save a copy
              </button>
            </li>
          ))}
        </ul>
        <div className="flex flex-col gap-2 border-t border-slate-200 pt-3 dark:border-slate-700">
          <label className="flex flex-wrap items-center gap-2 text-sm font-medium">
            Open a lesson file
            <input
              type="file"
              accept=".json,application/json"
              disabled={busy}
              className="text-sm"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) {
                  void file.text().then((text) => go({ kind: 'file', name: file.name, text }));
                }
              }}
            />
          </label>
          <form
            className="flex flex-wrap items-center gap-2 text-sm"
            onSubmit={(e) => {
              e.preventDefault();
              if (url.trim() !== '') void go({ kind: 'link', url: url.trim() });
            }}
          >
            <label className="flex flex-wrap items-center gap-2 font-medium">
              or one on this site
              <input
                type="text"
                value={url}
                placeholder="lessons/my-lesson.json"
                onChange={(e) => setUrl(e.target.value)}
                className="w-64 rounded border border-slate-400 bg-white px-2 py-1 font-mono dark:border-slate-500 dark:bg-slate-950"
              />
            </label>
            <button type="submit" className={BUTTON} disabled={busy || url.trim() === ''}>
              Open
            </button>
          </form>
        </div>
        {busy && (
          <p role="status" className="text-sm">
            Opening the lesson and working out its first step…
          </p>
        )}
        {error !== null && (
          <div
            role="alert"
            data-testid="lesson-error"
            className="flex flex-col gap-1 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          >
            <p className="font-semibold">This lesson cannot open. Nothing on the page changed.</p>
            <p className="font-mono break-words">{error}</p>
            <button type="button" className={`${BUTTON} self-start`} onClick={dismissLessonError}>
              Dismiss
            </button>
          </div>
        )}
      </div>
    </dialog>
  );
}
