import type { LogFit } from '../../../lab/logFit';
import { MIN_FIT_POINTS } from '../../../lab/logFit';
import type { ComputeMetric } from '../../../lab/types';
import { fitSentence } from './fitText';
import type { PlotDatum, PlotPanelData } from './plotFrame';

/**
 * The log-compute law stated under the plot: per line (and panel), the slope of its fitted
 * line in points of accuracy per doubling of compute, with its 95 % interval — the
 * Blueprint's "performance ∝ log(compute)" checked on this grid. Lines with fewer than three
 * budgets get no fit, and the text says so.
 */
export function FitStatement<D extends PlotDatum>({
  panels,
  fits,
  metric,
}: {
  panels: readonly PlotPanelData<D>[];
  fits: ReadonlyMap<string, LogFit>;
  metric: ComputeMetric;
}) {
  const rows = panels.flatMap((panel) =>
    panel.lines.flatMap((line) => {
      const fit = fits.get(line.id);
      return fit
        ? [
            {
              id: line.id,
              name: panel.title ? `${line.label}, ${panel.title}` : line.label,
              color: line.color,
              fit,
            },
          ]
        : [];
    }),
  );
  return (
    <div className="text-sm" data-testid="fit-statement">
      <h3 className="font-semibold">
        Accuracy per doubling of compute (least-squares fit, dashed)
      </h3>
      {rows.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">
          No fit yet: a line needs points at {MIN_FIT_POINTS} budgets or more.
        </p>
      ) : (
        <ul className="flex flex-col gap-0.5">
          {rows.map((r) => (
            <li key={r.id} data-fit-line={r.id}>
              <span
                aria-hidden="true"
                className="mr-1 inline-block h-2 w-3 rounded-sm"
                style={{ background: r.color }}
              />
              <span className="font-medium">{r.name}:</span> {fitSentence(r.fit, metric)}
            </li>
          ))}
        </ul>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Fitted over the runs (each solved or not) against log₂ of the compute measured; the interval
        counts runs as independent, though the same problems recur at every budget.
      </p>
    </div>
  );
}
