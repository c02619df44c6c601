import type { Ref } from 'react';
import { useId, useMemo, useState } from 'react';
import type { Theme } from '../../../store';
import { PlotMarker } from './PlotMarker';
import { PlotPoint } from './PlotPoint';
import type { PlotDatum, PlotLine } from './plotFrame';
import { legendColumns, linePath, plotFrame } from './plotFrame';
import { PLOT_INK } from './seriesStyle';

/** Props of {@link LinePlot}. */
export interface LinePlotProps<D extends PlotDatum> {
  /** The plot's accessible name (also the exported file's title). */
  title: string;
  lines: readonly PlotLine<D>[];
  xType: 'log' | 'linear';
  xLabel: string;
  theme: Theme;
  pointLabel: (line: PlotLine<D>, d: D) => string;
  tooltip: (line: PlotLine<D>, d: D) => string[];
  isSelected: (line: PlotLine<D>, d: D) => boolean;
  onSelect: (line: PlotLine<D>, d: D) => void;
  svgRef?: Ref<SVGSVGElement>;
  testId?: string;
}

const LEGEND_ROW = 18;

/**
 * A line plot of accuracy (y, 0–100 %) against compute or a variable (x): a line per series,
 * a min–max whisker per point (the spread across seeds) and the points as focusable buttons
 * with a tooltip that explains the numbers. d3-scale computes (`plotFrame`), React draws; the
 * colours are SVG attributes, so the element serializes to a standalone file.
 */
export function LinePlot<D extends PlotDatum>({
  svgRef,
  lines,
  xType,
  xLabel,
  theme,
  title,
  ...props
}: LinePlotProps<D>) {
  const ink = PLOT_INK[theme];
  const frame = useMemo(() => plotFrame(lines, xType), [lines, xType]);
  const [active, setActive] = useState<{ line: string; key: string } | null>(null);
  const tipId = useId();
  const { column, columns } = legendColumns(lines, frame.width - frame.left);
  const legendTop = frame.height + 4;
  const height = legendTop + Math.ceil(lines.length / columns) * LEGEND_ROW + 6;
  const activePlaced = frame.lines
    .flatMap(({ line, placed }) => placed.map((p) => ({ line, p })))
    .find(({ line, p }) => active?.line === line.id && active.key === p.datum.key);
  return (
    <div className="relative max-w-4xl" data-testid={props.testId}>
      <svg
        ref={svgRef}
        role="group"
        aria-label={title}
        viewBox={`0 0 ${frame.width} ${height}`}
        className="h-auto w-full"
        fontFamily="system-ui, -apple-system, Segoe UI, sans-serif"
      >
        <title>{title}</title>
        <rect width={frame.width} height={height} fill={ink.background} />
        {frame.yTicks.map((t) => (
          <g key={`y${t.value}`}>
            <line x1={frame.left} x2={frame.right} y1={t.pos} y2={t.pos} stroke={ink.grid} />
            <text x={frame.left - 6} y={t.pos + 4} textAnchor="end" fontSize={11} fill={ink.muted}>
              {t.label}
            </text>
          </g>
        ))}
        {frame.xTicks.map((t) => (
          <g key={`x${t.value}`}>
            <line
              x1={t.pos}
              x2={t.pos}
              y1={frame.bottom}
              y2={t.label ? frame.top : frame.bottom - 4}
              stroke={t.label ? ink.grid : ink.axis}
            />
            {t.label && (
              <text
                x={t.pos}
                y={frame.bottom + 15}
                textAnchor="middle"
                fontSize={11}
                fill={ink.muted}
              >
                {t.label}
              </text>
            )}
          </g>
        ))}
        <line
          x1={frame.left}
          x2={frame.right}
          y1={frame.bottom}
          y2={frame.bottom}
          stroke={ink.axis}
        />
        <line x1={frame.left} x2={frame.left} y1={frame.top} y2={frame.bottom} stroke={ink.axis} />
        <text
          x={(frame.left + frame.right) / 2}
          y={frame.bottom + 34}
          textAnchor="middle"
          fontSize={12}
          fill={ink.text}
        >
          {xLabel}
        </text>
        <text
          transform={`translate(14,${(frame.top + frame.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={12}
          fill={ink.text}
        >
          Accuracy (problems solved)
        </text>
        <g pointerEvents="none">
          {frame.lines.map(({ line, placed }) => (
            <g key={line.id} data-series={line.id}>
              <path
                d={linePath(placed)}
                fill="none"
                stroke={line.color}
                strokeWidth={2}
                strokeDasharray={line.dash ?? undefined}
              />
              {placed.map((p) =>
                p.cyLo === p.cyHi ? null : (
                  <path
                    key={`w${p.datum.key}`}
                    d={`M${p.cx - 3},${p.cyHi}h6M${p.cx},${p.cyHi}V${p.cyLo}M${p.cx - 3},${p.cyLo}h6`}
                    stroke={line.color}
                    strokeWidth={1.25}
                    opacity={0.7}
                    fill="none"
                  />
                ),
              )}
            </g>
          ))}
        </g>
        {/* The points above every line, so no line or whisker covers a point's target. */}
        {frame.lines.map(({ line, placed }) =>
          placed.map((p) => {
            const on = active?.line === line.id && active.key === p.datum.key;
            const selected = props.isSelected(line, p.datum);
            return (
              <PlotPoint
                key={`${line.id}@${p.datum.key}`}
                id={`${line.id}@${p.datum.key}`}
                label={props.pointLabel(line, p.datum)}
                selected={selected}
                describedBy={on ? tipId : undefined}
                onChoose={() => props.onSelect(line, p.datum)}
                onActive={(yes) => setActive(yes ? { line: line.id, key: p.datum.key } : null)}
              >
                <PlotMarker
                  shape={line.marker}
                  x={p.cx}
                  y={p.cy}
                  color={line.color}
                  ring={on || selected ? ink.text : null}
                />
                <circle cx={p.cx} cy={p.cy} r={11} fill="transparent" />
              </PlotPoint>
            );
          }),
        )}
        {lines.map((line, i) => {
          const x = frame.left + (i % columns) * column;
          const y = legendTop + Math.floor(i / columns) * LEGEND_ROW;
          return (
            <g key={`legend-${line.id}`} transform={`translate(${x},${y})`}>
              <line
                x1={0}
                x2={22}
                y1={8}
                y2={8}
                stroke={line.color}
                strokeWidth={2}
                strokeDasharray={line.dash ?? undefined}
              />
              <PlotMarker shape={line.marker} x={11} y={8} color={line.color} ring={null} />
              <text x={28} y={12} fontSize={11} fill={ink.text}>
                {line.label}
              </text>
            </g>
          );
        })}
      </svg>
      {activePlaced && (
        <div
          role="tooltip"
          id={tipId}
          className="pointer-events-none absolute z-20 w-72 -translate-x-1/2 rounded border border-slate-300 bg-white p-2 text-xs text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
          style={{
            left: `${Math.min(80, Math.max(20, (activePlaced.p.cx / frame.width) * 100))}%`,
            top: `${((activePlaced.p.cy + 14) / height) * 100}%`,
          }}
        >
          <p className="font-semibold">{activePlaced.line.label}</p>
          {props.tooltip(activePlaced.line, activePlaced.p.datum).map((text) => (
            <p key={text}>{text}</p>
          ))}
        </div>
      )}
      {frame.dropped > 0 && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {frame.dropped} point{frame.dropped === 1 ? '' : 's'} with no compute yet cannot be drawn
          on a log axis.
        </p>
      )}
    </div>
  );
}
