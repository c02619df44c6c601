import { useEffect, useRef } from 'react';
import { closeComparison, useArbor } from '../../store';
import { LessonPanel } from '../lesson/LessonPanel';
import { CompareRuns } from './CompareRuns';

/**
 * The comparison of two runs over the page (issue 16), wherever the two runs came from (two
 * saved runs, the visualizer's run and a saved one, two runs of the lab's grid): a native
 * `<dialog>` opened with `showModal`, so the page behind is inert, its keys are off and
 * focus stays inside. Each side's tree fills its pane and is fitted whole on opening (in
 * presentation mode, where that would leave its cards unreadable, it opens on the answer's line
 * at full labels: `readableOpening`); Fit shows it whole again after a pan or zoom. Escape (once a highlighted node is cleared), the
 * Close button or a click on the backdrop closes it, and focus returns to where it was.
 */
export function CompareDialog() {
  const comparison = useArbor((s) => s.comparison);
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const open = comparison !== null;
  // A lesson's compare step keeps its words and Back / Next over the two runs.
  const lesson = useArbor((s) => s.lesson !== null);

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
      aria-labelledby="compare-dialog-heading"
      data-testid="compare-dialog"
      className="m-auto h-[calc(100dvh-1rem)] max-h-none w-[calc(100vw-1rem)] max-w-none overflow-auto rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      onCancel={(e) => {
        e.preventDefault();
        closeComparison();
      }}
      onClose={(e) => {
        // A close event fires after the fact: if the dialog was shown again meanwhile (React's
        // strict mode runs the effect's cleanup and the effect again on mounting), it is stale.
        if (e.currentTarget.open) return;
        if (useArbor.getState().comparison !== null) closeComparison();
      }}
      onKeyDown={(e) => {
        // Escape clears a highlighted node first (CompareRuns takes it); else it closes.
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        closeComparison();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) closeComparison(); // a click on the backdrop
      }}
    >
      {comparison && (
        <div
          data-compare-fill
          className={`flex min-h-full flex-col gap-2 p-2 ${lesson ? '[--compare-row-height:max(16rem,calc(100dvh-10rem))]' : '[--compare-row-height:max(20rem,calc(100dvh-4.5rem))]'}`}
        >
          {lesson && <LessonPanel compact />}
          <div className="flex items-center gap-3">
            <h2 id="compare-dialog-heading" className="text-base font-semibold">
              Compare two runs
            </h2>
            <p className="hidden text-xs text-slate-600 md:block dark:text-slate-400">
              Point at a node to find it in the other run · drag to pan, wheel to zoom, Fit to see a
              whole tree · Esc closes
            </p>
            <button
              ref={close}
              type="button"
              className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-600"
              onClick={closeComparison}
            >
              Close
            </button>
          </div>
          <CompareRuns left={comparison.left} right={comparison.right} />
        </div>
      )}
    </dialog>
  );
}
