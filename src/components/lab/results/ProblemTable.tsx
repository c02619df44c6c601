import { useId, useMemo, useState } from 'react';
import { problemTable, seriesId, seriesLabel } from '../../../lab/aggregate';
import type { SeriesKey } from '../../../lab/types';
import { problemsOf } from '../../../run/problems';
import { useArbor } from '../../../store';
import type { LabData } from '../useLabData';
import type { RunChooser } from './runChooser';
import { ProblemTableRow, rowSignature } from './ProblemTableRow';

/**
 * Which budget solved which problem, for one chosen series: a row per problem, a column per
 * budget with "solved / runs" over the seeds (tinted by the share), the smallest budget that
 * solved it, and a button per run (its seed and outcome) that opens it — or, in compare mode,
 * picks it.
 */
export function ProblemTable({ data, chooser }: { data: LabData; chooser: RunChooser }) {
  const selectedPoint = useArbor((s) => s.lab.selectedPoint);
  const pickerId = useId();
  const series = useMemo(() => {
    const byId = new Map<string, SeriesKey>();
    for (const p of data.points) byId.set(seriesId(p.series), p.series);
    return [...byId.entries()];
  }, [data.points]);
  const [chosen, setChosen] = useState<string | null>(null);
  const id =
    [chosen, selectedPoint?.series, series[0]?.[0]].find(
      (x) => x != null && series.some(([s]) => s === x),
    ) ?? null;
  const key = series.find(([s]) => s === id)?.[1];
  const rows = useMemo(
    () => (key ? problemTable(data.spec, data.cells, data.results, key) : []),
    [data.spec, data.cells, data.results, key],
  );
  const labels = useMemo(
    () => new Map(problemsOf(data.spec.task).map((p) => [p.id, p.label])),
    [data.spec.task],
  );
  if (!key) return null;
  const status = (cellId: string) => data.results.get(cellId)?.status ?? null;
  const run = (cellId: string) => ({ cell: data.cellById.get(cellId), status: status(cellId) });
  const budgets = rows[0]?.cells.map((c) => c.budget) ?? [];
  return (
    <section aria-labelledby="problem-table-heading" className="flex flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="problem-table-heading" className="font-semibold">
          Per problem
        </h2>
        <label htmlFor={pickerId} className="text-slate-600 dark:text-slate-400">
          Series
        </label>
        <select
          id={pickerId}
          className="min-w-0 rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900"
          value={id ?? ''}
          onChange={(e) => setChosen(e.target.value)}
        >
          {series.map(([sid, k]) => (
            <option key={sid} value={sid}>
              {seriesLabel(k, data.spec)}
            </option>
          ))}
        </select>
      </div>
      <div className="max-h-[28rem] overflow-auto rounded border border-slate-200 dark:border-slate-800">
        <table aria-label="Solved per problem and budget" className="w-full text-left text-xs">
          <thead className="sticky top-0 z-10 bg-slate-50 dark:bg-slate-900">
            <tr>
              <th scope="col" className="px-2 py-1">
                Problem
              </th>
              {budgets.map((b) => (
                <th key={b} scope="col" className="px-2">
                  k = {b}
                </th>
              ))}
              <th scope="col" className="px-2">
                First solved at
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <ProblemTableRow
                key={row.problemId}
                label={labels.get(row.problemId) ?? row.problemId}
                row={row}
                run={run}
                signature={rowSignature(row, status)}
                mode={chooser.mode}
                first={chooser.first}
                choose={chooser.choose}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
