import type { RefObject } from 'react';
import { useState } from 'react';
import { savePlot } from './plotExport';

const BUTTON =
  'rounded border border-slate-300 px-1.5 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-700 dark:hover:bg-slate-800';

/** "SVG" and "PNG" buttons that save a drawn plot as a standalone file (`plotExport.ts`). */
export function PlotSaveButtons(props: {
  svg: RefObject<SVGSVGElement | null>;
  name: string;
  /** What the plot shows, for the buttons' accessible names. */
  label: string;
  className?: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const save = (kind: 'svg' | 'png') => {
    const el = props.svg.current;
    if (!el) return;
    setError(null);
    savePlot(el, kind, props.name).catch((e: unknown) =>
      setError(
        `The ${kind.toUpperCase()} could not be made: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
  };
  return (
    <span className={`flex items-center gap-1 ${props.className ?? ''}`}>
      <span className="text-xs text-slate-500 dark:text-slate-400">Save plot:</span>
      <button
        type="button"
        className={BUTTON}
        aria-label={`Save the ${props.label} plot as SVG`}
        onClick={() => save('svg')}
      >
        SVG
      </button>
      <button
        type="button"
        className={BUTTON}
        aria-label={`Save the ${props.label} plot as PNG`}
        onClick={() => save('png')}
      >
        PNG
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}
