import { Fragment, useEffect, useRef } from 'react';
import { setHelpOpen, useArbor } from '../../store';
import { SHORTCUT_GROUPS } from './shortcutList';

const KEY =
  'rounded border border-b-2 border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';

/** A key combination, e.g. Shift + →, as <kbd> elements. */
function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <kbd className="inline-flex items-center gap-1">
      {keys.map((k, i) => (
        <Fragment key={k}>
          {i > 0 && <span aria-hidden="true">+</span>}
          <kbd className={KEY}>{k}</kbd>
        </Fragment>
      ))}
    </kbd>
  );
}

/**
 * The keyboard shortcuts as a modal dialog (a native `<dialog>` opened with `showModal`, so
 * the page behind is inert and focus stays inside). Opening moves focus to the Close button;
 * Esc, the Close button or a click on the backdrop close it, and focus returns to where it was.
 */
export function HelpOverlay() {
  const open = useArbor((s) => s.helpOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d || !open) return;
    const opener = document.activeElement;
    if (!d.open) d.showModal();
    close.current?.focus();
    return () => {
      if (d.open) d.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="help-heading"
      className="m-auto max-h-[90vh] w-[min(64rem,96vw)] overflow-auto rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      onCancel={(e) => {
        e.preventDefault();
        setHelpOpen(false);
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) setHelpOpen(false); // a click on the backdrop
      }}
    >
      <div className="flex flex-col gap-3 p-4">
        <div className="flex items-center justify-between gap-4">
          <h2 id="help-heading" className="text-lg font-semibold">
            Keyboard shortcuts
          </h2>
          <button
            ref={close}
            type="button"
            className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800"
            onClick={() => setHelpOpen(false)}
          >
            Close
          </button>
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Shortcuts work anywhere on the visualizer except while typing in a text field — also right
          after you click a button, pick from a dropdown or click a node. A dropdown, the tree or
          the timeline reached with Tab keeps its own arrow keys (below) until you click; after a
          click, ↑ or ↓ gives them back.
        </p>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {SHORTCUT_GROUPS.map((group, g) => (
            <section key={group.title} aria-labelledby={`help-group-${g}`}>
              <h3 id={`help-group-${g}`} className="mb-1 text-sm font-semibold">
                {group.title}
              </h3>
              <dl className="grid grid-cols-[auto_1fr] items-baseline gap-x-3 gap-y-1.5 text-sm">
                {group.shortcuts.map((s) => (
                  <Fragment key={s.action}>
                    <dt className="flex flex-wrap items-center gap-1 whitespace-nowrap">
                      {s.keys.map((combo, i) => (
                        <Fragment key={combo.join('+')}>
                          {i > 0 && <span className="text-xs text-slate-500">or</span>}
                          <Keys keys={combo} />
                        </Fragment>
                      ))}
                    </dt>
                    <dd>{s.action}</dd>
                  </Fragment>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <section aria-labelledby="help-backtracks" className="text-sm">
          <h3 id="help-backtracks" className="mb-1 font-semibold">
            What a backtrack is
          </h3>
          <p className="text-slate-700 dark:text-slate-300">
            As in the Blueprint survey: the search abandons a line that went badly and resumes from
            a point above it. <strong>Went badly</strong>: the value the last iteration backed up
            was below 0.5 (a wrong answer or an invalid step is worth 0) and it cost the line its
            lead — its first node below the turning point had the best Q among its siblings before,
            and a sibling has a better one after. <strong>Above</strong>: the deepest node the new
            path shares with the abandoned line. In beam search: a beam whose every child was
            pruned. The timeline can also mark every change of line.
          </p>
        </section>
      </div>
    </dialog>
  );
}
