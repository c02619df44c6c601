import { useMemo, useRef } from 'react';
import { seriesId } from '../../../lab/aggregate';
import type { ComputeMetric } from '../../../lab/types';
import { selectLabPoint, setLabMetric, useArbor } from '../../../store';
import { METRIC_AXIS } from '../format';
import type { LabData } from '../useLabData';
import { curveLines } from './curveLines';
import { LinePlot } from './LinePlot';
import { PlotSaveButtons } from './PlotSaveButtons';
import { pointLabel, pointTooltip } from './pointText';

const METRICS: readonly { value: ComputeMetric; label: string }[] = [
  { value: 'generated', label: 'Tokens generated' },
  { value: 'calls', label: 'Model calls' },
];

/**
 * Accuracy against compute (log x) per series, with the spread across seeds as whiskers —
 * the curve of the Blueprint (accuracy grows with the logarithm of compute) and of
 * MetaStone-S1's low / medium / high effort, measured here and filling in while the grid
 * runs. A point is a button: it lists the runs behind it.
 */
export function EffortPlot({ data }: { data: LabData }) {
  const metric = useArbor((s) => s.lab.metric);
  const selected = useArbor((s) => s.lab.selectedPoint);
  const theme = useArbor((s) => s.theme);
  const svg = useRef<SVGSVGElement>(null);
  const lines = useMemo(
    () => curveLines(data.spec, data.points, metric, theme),
    [data.spec, data.points, metric, theme],
  );
  const seeds = data.spec.seeds.length;
  return (
    <section aria-labelledby="effort-plot-heading" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="effort-plot-heading" className="font-semibold">
          Accuracy against compute
        </h2>
        <div role="radiogroup" aria-label="Compute measured as" className="flex gap-1 text-sm">
          {METRICS.map((m) => (
            <button
              key={m.value}
              type="button"
              role="radio"
              aria-checked={metric === m.value}
              className={`rounded border px-2 py-0.5 ${metric === m.value ? 'border-blue-600 bg-blue-50 text-blue-900 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-100' : 'border-slate-300 dark:border-slate-700'}`}
              onClick={() => setLabMetric(m.value)}
            >
              {m.label}
            </button>
          ))}
        </div>
        <PlotSaveButtons svg={svg} name="arbor-effort" label="effort" className="ml-auto" />
      </div>
      {lines.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="effort-plot-empty">
          The points appear here as the first runs finish.
        </p>
      ) : (
        <LinePlot
          title={`Accuracy against ${metric === 'generated' ? 'tokens generated' : 'model calls'} per strategy`}
          testId="effort-plot"
          svgRef={svg}
          lines={lines}
          xType="log"
          xLabel={METRIC_AXIS[metric]}
          theme={theme}
          pointLabel={(line, d) => pointLabel(line.label, d.point, metric)}
          tooltip={(_line, d) => pointTooltip(d.point, seeds)}
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
