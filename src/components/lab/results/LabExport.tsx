import { pointsCsv, runsCsv } from '../../../lab/csv';
import { download } from '../../tree/exportPng';
import type { LabData } from '../useLabData';
import { SMALL_BUTTON } from './styles';

/** Saves CSV text as a file (UTF-8 with a byte-order mark, so spreadsheets read it right). */
function saveCsv(text: string, name: string): void {
  download(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }), name);
}

/**
 * The grid's results as CSV: one row per finished run (problem, strategy, budget, seed,
 * outcome, answer, compute, error) or one row per plotted point. Partial results export as
 * far as they go.
 */
export function LabExport({ data }: { data: LabData }) {
  return (
    <div
      className="flex flex-wrap items-center gap-2 text-sm"
      role="group"
      aria-label="Export results"
    >
      <span className="text-xs text-slate-500 dark:text-slate-400">Export results:</span>
      <button
        type="button"
        className={SMALL_BUTTON}
        disabled={data.results.size === 0}
        onClick={() => saveCsv(runsCsv(data.spec, data.cells, data.results), 'arbor-lab-runs.csv')}
      >
        Runs CSV
      </button>
      <button
        type="button"
        className={SMALL_BUTTON}
        disabled={data.points.length === 0}
        onClick={() => saveCsv(pointsCsv(data.points, data.spec), 'arbor-lab-points.csv')}
      >
        Points CSV
      </button>
    </div>
  );
}
