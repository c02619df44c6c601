import { useMemo, useRef } from 'react';
import { seriesId } from '../../../lab/aggregate';
import type { ComputeMetric, IntervalKind } from '../../../lab/types';
import { useArbor } from '../../../store';
import { selectLabPoint, setLabInterval, setLabMetric } from '../../../store/labActions';
import { METRIC_AXIS } from '../format';
import type { LabData } from '../useLabData';
import { curvePanels } from './curveLines';
import { FitStatement } from './FitStatement';
import { lineFits } from './fitText';
import { LinePlot } from './LinePlot';
import { PlotSaveButtons } from './PlotSaveButtons';
import { pointLabel, pointTooltip } from './pointText';

const METRICS: readonly { value: ComputeMetric; label: string }[] = [
  { value: 'generated', label: 'Tokens generated' },
  { value: 'calls', label: 'Model calls' },
];

const INTERVALS: readonly { value: IntervalKind; label: string }[] = [
  { value: 'wilson', label: '95 % interval' },
  { value: 'seeds', label: 'Seeds’ spread' },
];

function Choice<T extends string>(props: {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <div role="radiogroup" aria-label={props.label} className="flex gap-1 text-sm">
      {props.options.map((m) => (
        <button
          key={m.value}
          type="button"
          role="radio"
          aria-checked={props.value === m.value}
          className={`rounded border px-2 py-0.5 ${props.value === m.value ? 'border-blue-600 bg-blue-50 text-blue-900 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-100' : 'border-slate-300 dark:border-slate-700'}`}
          onClick={() => props.onChange(m.value)}
        >
          {m.label}
        </button>
      ))}
    </div>
  );
}

/**
 * Accuracy against compute (log x) per strategy, one panel per value of an experiment's
 * variable, with a 95 % Wilson interval (or the seeds' spread) as whiskers and the fitted
 * log-compute line per strategy, stated under the plot — the curve of the Blueprint
 * (accuracy grows with the logarithm of compute) and of MetaStone-S1's low / medium / high
 * effort, measured here and filling in while the grid runs. A point is a button: it lists
 * the runs behind it. In presentation mode it fills the screen in large type, its
 * controls and the fits' statement hidden (the fitted lines stay drawn).
 */
export function EffortPlot({ data }: { data: LabData }) {
  const metric = useArbor((s) => s.lab.metric);
  const interval = useArbor((s) => s.lab.interval);
  const selected = useArbor((s) => s.lab.selectedPoint);
  const theme = useArbor((s) => s.theme);
  const present = useArbor((s) => s.presenting);
  const svg = useRef<SVGSVGElement>(null);
  const panels = useMemo(
    () => curvePanels(data.spec, data.points, metric, theme, interval),
    [data.spec, data.points, metric, theme, interval],
  );
  const fits = useMemo(() => lineFits(panels), [panels]);
  const empty = panels.every((p) => p.lines.length === 0);
  const seeds = data.spec.seeds.length;
  return (
    <section
      aria-labelledby="effort-plot-heading"
      className="flex flex-col gap-2 presentation:h-full presentation:min-h-0"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2
          id="effort-plot-heading"
          className="font-semibold presentation:text-[length:var(--arbor-presentation-font)]"
        >
          Accuracy against compute
        </h2>
        <div className="contents presentation:hidden">
          <Choice
            label="Compute measured as"
            options={METRICS}
            value={metric}
            onChange={setLabMetric}
          />
          <Choice label="Whiskers" options={INTERVALS} value={interval} onChange={setLabInterval} />
          <PlotSaveButtons svg={svg} name="arbor-effort" label="effort" className="ml-auto" />
        </div>
      </div>
      {empty ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="effort-plot-empty">
          The points appear here as the first runs finish.
        </p>
      ) : (
        <>
          <LinePlot
            title={`Accuracy against ${metric === 'generated' ? 'tokens generated' : 'model calls'} per strategy`}
            testId="effort-plot"
            svgRef={svg}
            panels={panels}
            fits={fits}
            xType="log"
            xLabel={METRIC_AXIS[metric]}
            theme={theme}
            present={present}
            pointLabel={(line, d) => pointLabel(line.label, d.point, metric)}
            tooltip={(_line, d) => pointTooltip(d.point, seeds, interval)}
            isSelected={(_line, d) =>
              selected !== null &&
              selected.series === d.seriesId &&
              selected.budget === d.point.budget
            }
            onSelect={(_line, d) =>
              selectLabPoint({ series: seriesId(d.point.series), budget: d.point.budget })
            }
          />
          <div className="presentation:hidden">
            <FitStatement panels={panels} fits={fits} metric={metric} />
          </div>
        </>
      )}
    </section>
  );
}
