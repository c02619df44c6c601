import { useId } from 'react';
import type { LogFit } from '../../../lab/logFit';
import { fitAt } from '../../../lab/logFit';
import { placeEndLabels, wrapLabel } from './endLabels';
import { PlotMarker } from './PlotMarker';
import { PlotPoint } from './PlotPoint';
import type { PlotDatum, PlotFrame, PlotLine } from './plotFrame';
import { linePath } from './plotFrame';
import type { PLOT_INK } from './seriesStyle';

/** The key a legend entry toggles and highlights: shared by a strategy's lines in every panel. */
export function legendKey(line: PlotLine): string {
  return line.legendKey ?? line.id;
}

/** Props of {@link PlotPanel}. */
export interface PlotPanelProps<D extends PlotDatum> {
  frame: PlotFrame<D>;
  /** The panel's title (the experiment's value), or '' for a single plot. */
  title: string;
  xLabel: string;
  /** Whether this panel carries the y-axis title (the left column of small multiples). */
  yTitle: boolean;
  ink: (typeof PLOT_INK)['light'];
  fontSize: number;
  /** Characters per row of a name at a line's end. */
  labelWidth: number;
  hidden: ReadonlySet<string>;
  highlight: string | null;
  fits: ReadonlyMap<string, LogFit> | undefined;
  active: { line: string; key: string } | null;
  tipId: string;
  pointLabel: (line: PlotLine<D>, d: D) => string;
  isSelected: (line: PlotLine<D>, d: D) => boolean;
  onSelect: (line: PlotLine<D>, d: D) => void;
  onActive: (active: { line: string; key: string } | null) => void;
  onHighlight: (key: string | null) => void;
}

/**
 * One panel of a lab plot, in its own frame: grid and axes, each visible line with its
 * interval whiskers and its fitted log-compute line (dashed, over the compute it covers),
 * the line's name at its end, and the points as buttons above everything. A highlighted
 * line stays at full strength while the others fade.
 */
export function PlotPanel<D extends PlotDatum>(props: PlotPanelProps<D>) {
  const { frame, ink, fontSize, hidden, highlight, fits } = props;
  const clip = useId();
  const shown = frame.lines.filter(({ line }) => !hidden.has(legendKey(line)));
  const faded = (line: PlotLine<D>) => highlight !== null && legendKey(line) !== highlight;
  const row = fontSize + 2;
  const names = shown.flatMap(({ line, placed }) => {
    const last = placed[placed.length - 1];
    if (!last) return [];
    return [{ line, last, rows: wrapLabel(line.endLabel ?? line.label, props.labelWidth) }];
  });
  const nameY = placeEndLabels(
    names.map((n) => ({ id: n.line.id, y: n.last.cy + fontSize / 3, rows: n.rows.length })),
    row,
    frame.top + fontSize,
    frame.bottom,
  );
  return (
    <g data-panel={props.title}>
      <clipPath id={clip}>
        <rect
          x={frame.left}
          y={frame.top}
          width={frame.right - frame.left}
          height={frame.bottom - frame.top}
        />
      </clipPath>
      {props.title && (
        <text
          x={frame.left}
          y={frame.top - 4}
          fontSize={fontSize + 1}
          fontWeight={600}
          fill={ink.text}
        >
          {props.title}
        </text>
      )}
      {frame.yTicks.map((t) => (
        <g key={`y${t.value}`}>
          <line x1={frame.left} x2={frame.right} y1={t.pos} y2={t.pos} stroke={ink.grid} />
          <text
            x={frame.left - Math.round(fontSize * 0.55)}
            y={t.pos + Math.round(fontSize * 0.36)}
            textAnchor="end"
            fontSize={fontSize}
            fill={ink.muted}
          >
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
              y={frame.bottom + Math.round(fontSize * 1.36)}
              textAnchor="middle"
              fontSize={fontSize}
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
        y={frame.bottom + Math.round(fontSize * 3.1)}
        textAnchor="middle"
        fontSize={fontSize + 1}
        fill={ink.text}
      >
        {props.xLabel}
      </text>
      {props.yTitle && (
        <text
          transform={`translate(${Math.round(fontSize * 1.27)},${(frame.top + frame.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={fontSize + 1}
          fill={ink.text}
        >
          Accuracy (problems solved)
        </text>
      )}
      {shown.map(({ line, placed }) => {
        const fit = fits?.get(line.id);
        return (
          <g
            key={line.id}
            data-series={line.id}
            data-members={line.members?.map((m) => m.id).join(' ')}
            opacity={faded(line) ? 0.18 : 1}
            onMouseEnter={() => props.onHighlight(legendKey(line))}
            onMouseLeave={() => props.onHighlight(null)}
          >
            <path
              d={linePath(placed)}
              fill="none"
              stroke={line.color}
              strokeWidth={legendKey(line) === highlight ? 3 : 2}
              strokeDasharray={line.dash ?? undefined}
            />
            {/* A wide invisible stroke, so a line is easy to point at. */}
            <path d={linePath(placed)} fill="none" stroke="transparent" strokeWidth={12} />
            {placed.map((p) =>
              p.cyLo === p.cyHi ? null : (
                <path
                  key={`w${p.datum.key}`}
                  d={`M${p.cx - 3},${p.cyHi}h6M${p.cx},${p.cyHi}V${p.cyLo}M${p.cx - 3},${p.cyLo}h6`}
                  stroke={line.color}
                  strokeWidth={1.25}
                  opacity={0.7}
                  fill="none"
                  pointerEvents="none"
                />
              ),
            )}
            {fit && (
              <line
                data-fit={line.id}
                clipPath={`url(#${clip})`}
                x1={frame.toX(fit.xMin)}
                x2={frame.toX(fit.xMax)}
                y1={frame.toY(fitAt(fit, fit.xMin))}
                y2={frame.toY(fitAt(fit, fit.xMax))}
                stroke={line.color}
                strokeWidth={1.5}
                strokeDasharray="5 4"
                opacity={0.85}
                pointerEvents="none"
              />
            )}
          </g>
        );
      })}
      {names.map(({ line, last, rows }) => (
        <text
          key={`name-${line.id}`}
          x={frame.right + 8}
          y={nameY.get(line.id) ?? last.cy}
          fontSize={fontSize}
          fill={line.color}
          fontWeight={600}
          opacity={faded(line) ? 0.25 : 1}
          data-end-label={line.id}
        >
          {rows.map((text, i) => (
            <tspan key={text} x={frame.right + 8} dy={i === 0 ? 0 : row}>
              {text}
            </tspan>
          ))}
        </text>
      ))}
      {/* The points above every line, so no line or whisker covers a point's target. */}
      {shown.map(({ line, placed }) =>
        placed.map((p) => {
          const on = props.active?.line === line.id && props.active.key === p.datum.key;
          const selected = props.isSelected(line, p.datum);
          return (
            <PlotPoint
              key={`${line.id}@${p.datum.key}`}
              id={`${line.id}@${p.datum.key}`}
              label={props.pointLabel(line, p.datum)}
              selected={selected}
              describedBy={on ? props.tipId : undefined}
              onChoose={() => props.onSelect(line, p.datum)}
              onActive={(yes) => props.onActive(yes ? { line: line.id, key: p.datum.key } : null)}
            >
              <g opacity={faded(line) ? 0.25 : 1}>
                <PlotMarker
                  shape={line.marker}
                  x={p.cx}
                  y={p.cy}
                  color={line.color}
                  ring={on || selected ? ink.text : null}
                />
              </g>
              <circle cx={p.cx} cy={p.cy} r={11} fill="transparent" />
            </PlotPoint>
          );
        }),
      )}
    </g>
  );
}
