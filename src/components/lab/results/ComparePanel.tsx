import { useMemo } from 'react';
import { getStrategy } from '../../../lab/strategies';
import type { GridCell } from '../../../lab/types';
import { useArbor } from '../../../store';
import { cellEvents, clearCompare } from '../../../store/labCells';
import { CompareRuns } from '../../compare/CompareRuns';
import { runLabel } from '../format';
import { variableName } from '../plot/curveLines';
import type { LabData } from '../useLabData';
import type { RunChooser } from './runChooser';
import { SMALL_BUTTON } from './styles';

function title(data: LabData, cell: GridCell | undefined, id: string): string {
  if (!cell) return id;
  const strategy = getStrategy(cell.strategy)?.label ?? cell.strategy;
  return runLabel(cell, strategy, variableName(data.spec) ?? undefined);
}

/**
 * Comparing two runs of the grid: a bar that turns clicks on runs into picks (the first
 * pick waits for the second), and the two runs side by side (`<CompareRuns>`: the same node
 * highlighted in both) — e.g. k = 2 against k = 32 (MetaStone-S1's low and high effort), or
 * a good PRM against a noisy one.
 */
export function ComparePanel({ data, chooser }: { data: LabData; chooser: RunChooser }) {
  const compare = useArbor((s) => s.lab.compare);
  const runs = useMemo(() => {
    if (!compare) return null;
    const left = cellEvents(compare.left);
    const right = cellEvents(compare.right);
    return { left, right };
  }, [compare]);
  const first = chooser.first ? data.cellById.get(chooser.first) : undefined;
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
        {compare && (
          <button type="button" className={`${SMALL_BUTTON} ml-auto`} onClick={clearCompare}>
            Close comparison
          </button>
        )}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="compare-hint">
        {chooser.first
          ? `First run: ${title(data, first, chooser.first)}. Now pick the second.`
          : chooser.mode === 'compare'
            ? 'Click a run in the table (or Compare in a point’s list of runs) to pick it.'
            : 'Pick two runs — from the table or a point’s list — to see their trees side by side.'}
      </p>
      {compare && runs && (
        <>
          {runs.left && runs.right ? (
            <CompareRuns
              left={{
                title: title(data, data.cellById.get(compare.left), compare.left),
                events: runs.left,
              }}
              right={{
                title: title(data, data.cellById.get(compare.right), compare.right),
                events: runs.right,
              }}
            />
          ) : (
            <p role="alert" className="text-red-800 dark:text-red-300">
              {runs.left ? 'The second' : 'The first'} run has no recorded events (it did not finish
              before the grid was cancelled), so it cannot be compared.
            </p>
          )}
        </>
      )}
    </section>
  );
}
