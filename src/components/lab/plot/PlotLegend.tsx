import type { PlotLine } from './plotFrame';
import { legendKey } from './PlotPanel';

/** Props of {@link PlotLegend}. */
export interface PlotLegendProps {
  /** One line per entry (the first line of each legend key). */
  entries: readonly PlotLine[];
  hidden: ReadonlySet<string>;
  highlight: string | null;
  onToggle: (key: string) => void;
  onHighlight: (key: string | null) => void;
  /** Presentation mode's large type (24 screen px). */
  large?: boolean;
}

/**
 * The plot's legend as buttons: each names a series (or a joint series: "… = … on these
 * runs") with its colour and marker; pointing at it (hover or focus) highlights its line,
 * pressing it hides or shows the line. Hidden entries stay listed, struck through.
 */
export function PlotLegend({
  entries,
  hidden,
  highlight,
  onToggle,
  onHighlight,
  large = false,
}: PlotLegendProps) {
  return (
    <ul
      aria-label="Series"
      className={`flex flex-wrap gap-x-1 gap-y-1 ${large ? 'text-[length:var(--arbor-presentation-font)] leading-tight' : 'text-sm'}`}
    >
      {entries.map((line) => {
        const key = legendKey(line);
        const shown = !hidden.has(key);
        return (
          <li key={key}>
            <button
              type="button"
              aria-pressed={shown}
              data-legend={key}
              title={shown ? 'Hide this series' : 'Show this series'}
              className={`flex items-center gap-1.5 rounded border px-1.5 py-0.5 text-left ${
                highlight === key
                  ? 'border-slate-500 bg-slate-100 dark:border-slate-400 dark:bg-slate-800'
                  : 'border-transparent hover:border-slate-300 dark:hover:border-slate-700'
              } ${shown ? '' : 'line-through opacity-60'}`}
              onClick={() => onToggle(key)}
              onMouseEnter={() => onHighlight(key)}
              onMouseLeave={() => onHighlight(null)}
              onFocus={() => onHighlight(key)}
              onBlur={() => onHighlight(null)}
            >
              <svg width="22" height="12" aria-hidden="true" className="shrink-0">
                <line
                  x1={0}
                  x2={22}
                  y1={6}
                  y2={6}
                  stroke={line.color}
                  strokeWidth={2}
                  strokeDasharray={line.dash ?? undefined}
                />
                <circle cx={11} cy={6} r={3.5} fill={line.color} />
              </svg>
              <span>{line.label}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
