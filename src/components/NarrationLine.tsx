import { useMemo } from 'react';
import { narrate } from '../narration/narrate';
import { useArbor } from '../store';

/**
 * What the current event did, in plain words and with its numbers (src/narration). Announced
 * politely to screen readers, and held back (`aria-busy`) while playing so that a fast run
 * does not flood them. Reads the trace and cursor with narrow selectors: the tree before the
 * event is `trace.treeAt(cursor - 1)`, the store's `tree` is the tree after it.
 */
export function NarrationLine() {
  const trace = useArbor((s) => s.trace);
  const cursor = useArbor((s) => s.cursor);
  const after = useArbor((s) => s.tree);
  const search = useArbor((s) => s.settings.search);
  const task = useArbor((s) => s.settings.task);
  const playing = useArbor((s) => s.playing);
  const event = cursor > 0 ? (trace.all[cursor - 1] ?? null) : null;
  const text = useMemo(() => {
    const before = event === null ? after : trace.treeAt(cursor - 1);
    return narrate(event, before, after, { search, task });
  }, [event, trace, cursor, after, search, task]);
  return (
    <section
      aria-label="Narration"
      className="flex min-h-[4.5rem] items-start gap-2 rounded border border-slate-200 bg-slate-50 px-3 py-2 dark:border-slate-800 dark:bg-slate-900"
    >
      {event && (
        <span
          aria-hidden="true"
          className="mt-0.5 shrink-0 rounded bg-slate-200 px-1.5 py-0.5 font-mono text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300"
        >
          {event.type}
        </span>
      )}
      <p
        aria-live="polite"
        aria-busy={playing}
        data-testid="narration"
        className="text-sm text-slate-800 dark:text-slate-200"
      >
        {text}
      </p>
    </section>
  );
}
