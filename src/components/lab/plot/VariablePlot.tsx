import { useId, useMemo, useRef, useState } from 'react';
import { seriesId, variableCurve } from '../../../lab/aggregate';
import { useArbor } from '../../../store';
import { selectLabPoint } from '../../../store/labActions';
import type { LabData } from '../useLabData';
import { variableLines, variableName } from './curveLines';
import { LinePlot } from './LinePlot';
import { PlotSaveButtons } from './PlotSaveButtons';
import { pointLabel, pointTooltip } from './pointText';

/**
 * For experiments with a variable, accuracy against that variable at one chosen budget: the
 * PRM's noise (MetaStone-S1 and the Blueprint: search falls as the PRM gets worse), the hint
 * level j (StepHint: too little leaves near-misses, too much leaves nothing to explore), the
 * thinking budget (s1). A line per strategy; points open their runs like the main plot's.
 */
export function VariablePlot({ data }: { data: LabData }) {
  const theme = useArbor((s) => s.theme);
  const metric = useArbor((s) => s.lab.metric);
  const interval = useArbor((s) => s.lab.interval);
  const selected = useArbor((s) => s.lab.selectedPoint);
  const svg = useRef<SVGSVGElement>(null);
  const budgetId = useId();
  const budgets = data.spec.budgets;
  const [chosen, setChosen] = useState<number | null>(null);
  const budget =
    chosen !== null && budgets.includes(chosen) ? chosen : (budgets[budgets.length - 1] ?? 0);
  const name = variableName(data.spec) ?? 'variable';
  const lines = useMemo(
    () => [
      {
        id: 'all',
        title: '',
        lines: variableLines(data.spec, variableCurve(data.points, budget), theme, interval),
      },
    ],
    [data.spec, data.points, budget, theme, interval],
  );
  const forcing = data.spec.experiment.kind === 'budget-forcing';
  return (
    <section aria-labelledby="variable-plot-heading" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="variable-plot-heading" className="font-semibold">
          Accuracy against {name}
        </h2>
        {!forcing && (
          <label htmlFor={budgetId} className="flex items-center gap-1 text-sm">
            at budget k =
            <select
              id={budgetId}
              className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900"
              value={budget}
              onChange={(e) => setChosen(Number(e.target.value))}
            >
              {budgets.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </label>
        )}
        <PlotSaveButtons svg={svg} name="arbor-variable" label={name} className="ml-auto" />
      </div>
      {lines[0]?.lines.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The points appear here as the runs at this budget finish.
        </p>
      ) : (
        <LinePlot
          title={`Accuracy against ${name}${forcing ? '' : ` at k = ${budget}`}`}
          testId="variable-plot"
          svgRef={svg}
          panels={lines}
          xType="linear"
          xLabel={name[0]?.toUpperCase() + name.slice(1)}
          theme={theme}
          pointLabel={(line, d) =>
            pointLabel(line.label, d.point, metric, `${name} ${d.point.series.variant ?? ''}`)
          }
          tooltip={(_line, d) => pointTooltip(d.point, data.spec.seeds.length, interval)}
          isSelected={(_line, d) =>
            selected !== null &&
            selected.series === d.seriesId &&
            selected.budget === d.point.budget
          }
          onSelect={(_line, d) =>
            selectLabPoint({ series: seriesId(d.point.series), budget: d.point.budget })
          }
        />
      )}
    </section>
  );
}
