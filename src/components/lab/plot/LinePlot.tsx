import type { Ref } from 'react';
import { useId, useMemo, useRef, useState } from 'react';
import { presentationFontPx } from '../../../layout/presentationFont';
import { useElementSize } from '../../tree/useElementSize';
import type { LogFit } from '../../../lab/logFit';
import type { Theme } from '../../../store';
import { PlotLegend } from './PlotLegend';
import type { PlotDatum, PlotLine, PlotPanelData } from './plotFrame';
import { plotFrame, sharedXDomain } from './plotFrame';
import { legendKey, PlotPanel } from './PlotPanel';
import { PLOT_INK } from './seriesStyle';

/** Props of {@link LinePlot}. */
export interface LinePlotProps<D extends PlotDatum> {
  /** The plot's accessible name (also the exported file's title). */
  title: string;
  panels: readonly PlotPanelData<D>[];
  xType: 'log' | 'linear';
  xLabel: string;
  theme: Theme;
  /** Fitted log-compute lines by line id, drawn dashed over the compute they cover. */
  fits?: ReadonlyMap<string, LogFit>;
  pointLabel: (line: PlotLine<D>, d: D) => string;
  tooltip: (line: PlotLine<D>, d: D) => string[];
  isSelected: (line: PlotLine<D>, d: D) => boolean;
  onSelect: (line: PlotLine<D>, d: D) => void;
  svgRef?: Ref<SVGSVGElement>;
  testId?: string;
  /**
   * Presentation mode: fill the box the plot is in (its height too, the legend under it)
   * with axis text at the mode's size (24 screen px). By default the plot scales to its width.
   */
  present?: boolean;
}

/** A size to fill, in CSS px, and the axis text size in px. */
export interface PlotFill {
  width: number;
  height: number;
  font: number;
}

/** Geometry of one panel, alone or as one of small multiples (viewBox units). */
const SINGLE = { width: 760, height: 340, right: 170, font: 11, labelWidth: 24, title: 0 };
const MULTIPLE = { width: 480, height: 290, right: 128, font: 11, labelWidth: 17, title: 22 };

/**
 * The geometry of one panel filling `fill` (`panels` of them, two to a row): viewBox units
 * are CSS px, the names at the lines' ends get room for their characters at the fill's font.
 */
export function filledLook(fill: PlotFill, panels: number) {
  const base = panels > 1 ? MULTIPLE : SINGLE;
  const columns = panels > 1 ? 2 : 1;
  const rows = Math.ceil(panels / columns);
  const title = panels > 1 ? Math.round(fill.font * 1.8) : 0;
  return {
    width: Math.floor(fill.width / columns),
    height: Math.max(120, Math.floor(fill.height / rows) - title),
    right: Math.round(base.labelWidth * fill.font * 0.6 + 12),
    font: fill.font,
    labelWidth: base.labelWidth,
    title,
  };
}

/**
 * A line plot of accuracy (y, 0–100 %) against compute or a variable (x): a line per series
 * named at its end, an interval whisker per point, the points as focusable buttons with a
 * tooltip that explains the numbers, and a legend whose entries highlight (hover, focus) and
 * toggle (press) their lines. Several panels are small multiples sharing both axes, two to a
 * row. d3-scale computes (`plotFrame`), React draws; colours are SVG attributes, so the
 * element serializes to a standalone file.
 */
export function LinePlot<D extends PlotDatum>({
  svgRef,
  panels,
  xType,
  xLabel,
  theme,
  title,
  present: filling = false,
  ...props
}: LinePlotProps<D>) {
  const box = useRef<HTMLDivElement>(null);
  const size = useElementSize(box);
  // The box's size changes with the browser's zoom too, so the type size is read again.
  const fill = useMemo(
    () =>
      filling && size.width > 0 && size.height > 0
        ? {
            width: size.width,
            height: size.height,
            font: presentationFontPx(window.devicePixelRatio || 1),
          }
        : null,
    [filling, size.width, size.height],
  );
  const ink = PLOT_INK[theme];
  const [active, setActive] = useState<{ line: string; key: string } | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [highlight, setHighlight] = useState<string | null>(null);
  const tipId = useId();
  const look = useMemo(
    () => (fill ? filledLook(fill, panels.length) : panels.length > 1 ? MULTIPLE : SINGLE),
    [fill, panels.length],
  );
  const columns = panels.length > 1 ? 2 : 1;
  const rows = Math.ceil(panels.length / columns);
  const cellHeight = look.height + look.title;
  const width = columns * look.width;
  const height = rows * cellHeight;
  const frames = useMemo(() => {
    const all = panels.flatMap((p) => p.lines);
    const domain = sharedXDomain(all, xType);
    return panels.map((p) =>
      plotFrame(p.lines, xType, look.width, look.height, {
        domain,
        rightMargin: look.right,
        fontSize: look.font,
      }),
    );
  }, [panels, xType, look]);
  const entries = useMemo(() => {
    const seen = new Map<string, PlotLine<D>>();
    for (const line of panels.flatMap((p) => p.lines)) {
      if (!seen.has(legendKey(line))) seen.set(legendKey(line), line);
    }
    return [...seen.values()];
  }, [panels]);
  const offset = (i: number) => ({
    x: (i % columns) * look.width,
    y: Math.floor(i / columns) * cellHeight + look.title,
  });
  const activePlaced = frames
    .flatMap((frame, i) =>
      frame.lines.flatMap(({ line, placed }) => placed.map((p) => ({ line, p, at: offset(i) }))),
    )
    .find(({ line, p }) => active?.line === line.id && active.key === p.datum.key);
  const dropped = frames.reduce((n, f) => n + f.dropped, 0);
  const toggle = (key: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <div
      className={`flex flex-col gap-2 ${filling ? 'h-full min-h-0' : ''}`}
      data-testid={props.testId}
    >
      <div ref={box} className={`relative ${filling ? 'min-h-0 flex-1 overflow-hidden' : ''}`}>
        <svg
          ref={svgRef}
          role="group"
          aria-label={title}
          viewBox={`0 0 ${width} ${height}`}
          {...(fill ? { width, height } : {})}
          className={fill ? 'block' : 'h-auto w-full'}
          fontFamily="system-ui, -apple-system, Segoe UI, sans-serif"
        >
          <title>{title}</title>
          <rect width={width} height={height} fill={ink.background} />
          {panels.map((panel, i) => {
            const frame = frames[i];
            if (!frame) return null;
            const at = offset(i);
            return (
              <g key={panel.id} transform={`translate(${at.x},${at.y})`}>
                <PlotPanel
                  frame={frame}
                  title={panel.title}
                  xLabel={xLabel}
                  yTitle={i % columns === 0}
                  ink={ink}
                  fontSize={look.font}
                  labelWidth={look.labelWidth}
                  hidden={hidden}
                  highlight={highlight}
                  fits={props.fits}
                  active={active}
                  tipId={tipId}
                  pointLabel={props.pointLabel}
                  isSelected={props.isSelected}
                  onSelect={props.onSelect}
                  onActive={setActive}
                  onHighlight={setHighlight}
                />
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
              left: `${Math.min(80, Math.max(20, ((activePlaced.at.x + activePlaced.p.cx) / width) * 100))}%`,
              top: `${((activePlaced.at.y + activePlaced.p.cy + 14) / height) * 100}%`,
            }}
          >
            <p className="font-semibold">{activePlaced.line.label}</p>
            {props.tooltip(activePlaced.line, activePlaced.p.datum).map((text) => (
              <p key={text}>{text}</p>
            ))}
          </div>
        )}
      </div>
      <PlotLegend
        large={filling}
        entries={entries}
        hidden={hidden}
        highlight={highlight}
        onToggle={toggle}
        onHighlight={setHighlight}
      />
      {dropped > 0 && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {dropped} point{dropped === 1 ? '' : 's'} with no compute yet cannot be drawn on a log
          axis.
        </p>
      )}
    </div>
  );
}
