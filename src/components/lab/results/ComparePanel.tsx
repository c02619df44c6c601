import type { LabData } from '../useLabData';
import type { RunChooser } from './runChooser';
import { cellTitle } from './runChooser';
import { SMALL_BUTTON } from './styles';

/**
 * Comparing two runs of the grid: a bar that turns clicks on runs into picks (the first
 * pick waits for the second), the second pick opening the two runs side by side over the
 * page (`<CompareDialog>`: the same node highlighted in both) — e.g. k = 2 against k = 32
 * (MetaStone-S1's low and high effort), or a good PRM against a noisy one.
 */
export function ComparePanel({ data, chooser }: { data: LabData; chooser: RunChooser }) {
  return (
    <section
      aria-labelledby="compare-heading"
      className="flex flex-col gap-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="compare-heading" className="font-semibold">
          Compare two runs
        </h2>
        <button
          type="button"
          className={SMALL_BUTTON}
          aria-pressed={chooser.mode === 'compare'}
          onClick={() => chooser.setMode(chooser.mode === 'compare' ? 'open' : 'compare')}
        >
          {chooser.mode === 'compare' ? 'Stop picking' : 'Pick two runs'}
        </button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="compare-hint">
        {chooser.first
          ? `First run: ${cellTitle(data, chooser.first)}. Now pick the second.`
          : chooser.mode === 'compare'
            ? 'Click a run in the table (or Compare in a point’s list of runs) to pick it.'
            : 'Pick two runs — from the table or a point’s list — to see their trees side by side.'}
      </p>
      {chooser.error && (
        <p role="alert" className="text-red-800 dark:text-red-300">
          {chooser.error}
        </p>
      )}
    </section>
  );
}
