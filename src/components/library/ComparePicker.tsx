import { useState } from 'react';
import type { RunMeta } from '../../library/meta';
import { savedRunTitle } from '../../library/meta';
import { dismissCompareError, useArbor } from '../../store';
import { compareCurrentWith, compareSavedRuns } from '../../store/libraryActions';
import { SMALL_BUTTON } from './styles';

/** Props of {@link ComparePicker}. */
export interface ComparePickerProps {
  runs: readonly RunMeta[];
  /** The saved runs ticked for comparison, in the order ticked (at most two). */
  picked: readonly string[];
  onDone: () => void;
}

/**
 * Comparing runs from the library (issue 16): "Compare" shows the two ticked runs side by
 * side, the first ticked on the left; "Compare with…" puts the visualizer's run (as far as
 * it has got) beside a saved run chosen from a list. A saved run that is gone says so.
 */
export function ComparePicker({ runs, picked, onDone }: ComparePickerProps) {
  const eventCount = useArbor((s) => s.eventCount);
  const error = useArbor((s) => s.compareError);
  const [choosing, setChoosing] = useState(false);
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const chosen = runs.some((r) => r.id === other) ? other : (runs[0]?.id ?? '');
  const act = (work: Promise<boolean>) => {
    setBusy(true);
    void work.then((opened) => {
      setBusy(false);
      if (opened) {
        setChoosing(false);
        onDone();
      }
    });
  };
  const [a, b] = picked;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-1">
        <button
          type="button"
          className={SMALL_BUTTON}
          disabled={busy || a === undefined || b === undefined}
          title="Tick two saved runs, then compare them side by side"
          onClick={() => {
            if (a !== undefined && b !== undefined) act(compareSavedRuns(a, b));
          }}
        >
          Compare {picked.length}/2 ticked
        </button>
        <button
          type="button"
          className={SMALL_BUTTON}
          aria-expanded={choosing}
          disabled={eventCount === 0 || runs.length === 0}
          title="Compare the run in the visualizer with a saved run"
          onClick={() => setChoosing((c) => !c)}
        >
          Compare with…
        </button>
      </div>
      {choosing && (
        <div role="group" aria-label="Compare this run with" className="flex items-center gap-1">
          <label className="flex min-w-0 flex-1 items-center gap-1 text-xs">
            <span className="shrink-0">This run with</span>
            <select
              className="min-w-0 flex-1 rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-700"
              value={chosen}
              onChange={(e) => setOther(e.target.value)}
            >
              {runs.map((r) => (
                <option key={r.id} value={r.id} className="text-slate-900">
                  {savedRunTitle(r)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={SMALL_BUTTON}
            disabled={busy || chosen === ''}
            onClick={() => act(compareCurrentWith(chosen))}
          >
            Compare
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-800 dark:text-red-300">
          {error}{' '}
          <button type="button" className="underline" onClick={dismissCompareError}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
