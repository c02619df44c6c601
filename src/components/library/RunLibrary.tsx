import { useEffect, useState } from 'react';
import { useArbor } from '../../store';
import { saveCurrentRun, watchLibrary } from '../../store/libraryActions';
import { ComparePicker } from './ComparePicker';
import { LibraryMessage } from './LibraryMessage';
import { RunRow } from './RunRow';
import { SMALL_BUTTON } from './styles';

/**
 * The run library: every saved run (in this browser's IndexedDB), newest first, with Open,
 * Rename and Delete; "Save run" saves the current one (finished and stopped runs are saved
 * on their own). Tick two runs and Compare shows them side by side; "Compare with…" puts the
 * visualizer's run beside a saved one. Other tabs' saves appear here too. When the browser's storage is full or
 * denied, the message says so and the runs saved earlier stay listed.
 */
export function RunLibrary() {
  const runs = useArbor((s) => s.libraryRuns);
  const state = useArbor((s) => s.libraryState);
  const unavailable = useArbor((s) => s.libraryError?.kind === 'unavailable');
  const eventCount = useArbor((s) => s.eventCount);
  const [ticked, setTicked] = useState<readonly string[]>([]);
  useEffect(() => watchLibrary(), []);
  // Ticks of runs deleted meanwhile drop out.
  const picked = ticked.filter((id) => runs.some((r) => r.id === id));
  const tick = (id: string, on: boolean) =>
    setTicked((t) =>
      on ? [...t.filter((x) => x !== id), id].slice(-2) : t.filter((x) => x !== id),
    );
  return (
    <section
      aria-labelledby="run-library-heading"
      className="flex flex-col gap-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-800"
    >
      <div className="flex items-center gap-2">
        <h2 id="run-library-heading" className="font-semibold">
          Saved runs
        </h2>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {state === 'ready' && `${runs.length}`}
        </span>
        <button
          type="button"
          className={`${SMALL_BUTTON} ml-auto`}
          disabled={eventCount === 0 || unavailable}
          title="Save the current run in this browser"
          onClick={() => void saveCurrentRun({ manual: true })}
        >
          Save run
        </button>
      </div>
      <LibraryMessage />
      {runs.length > 0 && (
        <ComparePicker runs={runs} picked={picked} onDone={() => setTicked([])} />
      )}
      {state === 'loading' && <p className="text-xs text-slate-500">Loading saved runs…</p>}
      {state === 'ready' && runs.length === 0 && !unavailable && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          No saved runs yet. Finished and stopped runs are saved here, in this browser, and stay
          after a reload.
        </p>
      )}
      {runs.length > 0 && (
        <ul aria-label="Saved runs" className="max-h-96 overflow-y-auto pr-1">
          {runs.map((meta) => (
            <RunRow
              key={meta.id}
              meta={meta}
              ticked={picked.includes(meta.id)}
              onTick={(on) => tick(meta.id, on)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
