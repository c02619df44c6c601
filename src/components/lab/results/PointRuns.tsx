import { seriesId, seriesLabel } from '../../../lab/aggregate';
import { useArbor } from '../../../store';
import { selectLabPoint } from '../../../store/labActions';
import { computeText, percent } from '../format';
import { variableName } from '../plot/curveLines';
import type { LabData } from '../useLabData';
import type { RunChooser } from './runChooser';
import { SMALL_BUTTON } from './styles';
import { STATUS_LOOK } from './statusLook';

/**
 * The runs behind the selected plot point: one row per run (problem, seed, the experiment's
 * value, its outcome, the answer as text, its compute), each openable in the visualizer or
 * pickable for a side-by-side comparison.
 */
export function PointRuns({ data, chooser }: { data: LabData; chooser: RunChooser }) {
  const selected = useArbor((s) => s.lab.selectedPoint);
  if (!selected) return null;
  const point = data.points.find(
    (p) => seriesId(p.series) === selected.series && p.budget === selected.budget,
  );
  if (!point) return null;
  const variable = variableName(data.spec);
  return (
    <section
      aria-label="Runs behind the point"
      className="flex flex-col gap-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">
          {seriesLabel(point.series, data.spec)} at k = {point.budget}: accuracy{' '}
          {percent(point.accuracy)} ({point.solved} of {point.runs} solved
          {point.failed > 0 ? `, ${point.failed} failed` : ''})
        </h3>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {point.cellIds.length} runs
        </span>
        <button
          type="button"
          className={`${SMALL_BUTTON} ml-auto`}
          onClick={() => selectLabPoint(null)}
        >
          Close
        </button>
      </div>
      <div className="max-h-80 overflow-y-auto">
        <table className="w-full text-left text-xs">
          <thead className="sticky top-0 bg-white dark:bg-slate-950">
            <tr>
              <th scope="col" className="py-1 pr-2">
                Problem
              </th>
              <th scope="col" className="pr-2">
                Seed
              </th>
              {variable && (
                <th scope="col" className="pr-2">
                  {variable}
                </th>
              )}
              <th scope="col" className="pr-2">
                Result
              </th>
              <th scope="col" className="pr-2">
                Answer
              </th>
              <th scope="col" className="pr-2 text-right">
                Tokens
              </th>
              <th scope="col" className="pr-2 text-right">
                Calls
              </th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {point.cellIds.map((id) => {
              const cell = data.cellById.get(id);
              if (!cell) return null;
              const result = data.results.get(id);
              const look = STATUS_LOOK[result?.status ?? 'pending'];
              const name = `${cell.problemId}, seed ${cell.seed}${cell.role === 'run' ? '' : ` (${cell.role})`}`;
              return (
                <tr
                  key={id}
                  data-cell-id={id}
                  className="border-t border-slate-100 dark:border-slate-800"
                >
                  <th scope="row" className="py-1 pr-2 font-normal">
                    {cell.problemId}
                    {cell.role !== 'run' && (
                      <span className="text-slate-500 dark:text-slate-400"> · {cell.role}</span>
                    )}
                  </th>
                  <td className="pr-2">{cell.seed}</td>
                  {variable && <td className="pr-2">{cell.variant ?? '—'}</td>}
                  <td className={`pr-2 ${look.tone}`} title={result?.error}>
                    {look.glyph} {look.words}
                  </td>
                  <td className="max-w-40 truncate pr-2" title={result?.answer ?? undefined}>
                    {result?.answer ?? '—'}
                  </td>
                  <td className="pr-2 text-right">
                    {result ? computeText(result.cost.generated) : '—'}
                  </td>
                  <td className="pr-2 text-right">
                    {result ? computeText(result.cost.proposerCalls + result.cost.judgeCalls) : '—'}
                  </td>
                  <td className="flex justify-end gap-1 py-0.5">
                    <button
                      type="button"
                      className={SMALL_BUTTON}
                      aria-label={`Open ${name} in the visualizer`}
                      onClick={() => chooser.open(id)}
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      className={SMALL_BUTTON}
                      aria-pressed={chooser.first === id}
                      aria-label={`Compare ${name}`}
                      onClick={() => chooser.pick(id)}
                    >
                      Compare
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
