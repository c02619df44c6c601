import type { Ref } from 'react';
/** Children shown per node: every one, or the top k by visits then PRM. */
export const TOP_K_CHOICES: readonly (number | null)[] = [null, 3, 5, 10];

/** Props of {@link TreeToolbar}. */
export interface TreeToolbarProps {
  /** The toolbar's element (the tree view measures it to keep the drawing below it). */
  ref?: Ref<HTMLDivElement>;
  follow: boolean;
  /** Cards show their words (off: coloured marks only). */
  labels: boolean;
  topK: number | null;
  /** Best-of-N samples show their GRPO advantage; null hides the button (no samples). */
  advantages?: boolean | null;
  onAdvantages?: () => void;
  onFit: () => void;
  onFollow: () => void;
  onLabels: () => void;
  onExpandAll: () => void;
  onTopK: (k: number | null) => void;
  onExportSvg: () => void;
  onExportPng: () => void;
}

const BUTTON =
  'rounded border border-slate-300 bg-white/90 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900/90 dark:hover:bg-slate-800';

/** The small toolbar over the tree: Fit, Follow, Labels, GRPO A (best-of-N), Expand all, children shown, Export SVG / PNG. */
export function TreeToolbar({ ref, ...props }: TreeToolbarProps) {
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label="Tree view"
      className="absolute right-2 top-2 z-10 flex flex-wrap items-center justify-end gap-1 text-xs"
    >
      <button type="button" className={BUTTON} onClick={props.onFit} title="Show the whole tree">
        Fit
      </button>
      <button
        type="button"
        aria-pressed={props.follow}
        className={`${BUTTON} ${props.follow ? 'border-blue-500 text-blue-700 dark:border-blue-400 dark:text-blue-300' : ''}`}
        onClick={props.onFollow}
        title="Keep the current event in view (stops when you pan or zoom)"
      >
        Follow
      </button>
      <button
        type="button"
        aria-pressed={props.labels}
        className={`${BUTTON} ${props.labels ? 'border-blue-500 text-blue-700 dark:border-blue-400 dark:text-blue-300' : ''}`}
        onClick={props.onLabels}
        title="Write each node's step and numbers on its card (off: coloured marks only)"
      >
        Labels
      </button>
      {props.advantages !== null && props.advantages !== undefined && (
        <button
          type="button"
          aria-pressed={props.advantages}
          className={`${BUTTON} ${props.advantages ? 'border-blue-500 text-blue-700 dark:border-blue-400 dark:text-blue-300' : ''}`}
          onClick={props.onAdvantages}
          title="Write each sample's GRPO advantage beside its score: A = (r − mean r) / std r over the samples (DeepSeekMath, DeepSeek-R1). Hover a score for its numbers."
        >
          GRPO A
        </button>
      )}
      <button
        type="button"
        className={BUTTON}
        onClick={props.onExpandAll}
        title="Unfold every subtree and show every child"
      >
        Expand all
      </button>
      <label className="flex items-center gap-1 rounded border border-slate-300 bg-white/90 px-1.5 py-0.5 dark:border-slate-600 dark:bg-slate-900/90">
        Children
        <select
          className="bg-transparent"
          value={props.topK === null ? 'all' : String(props.topK)}
          onChange={(e) => props.onTopK(e.target.value === 'all' ? null : Number(e.target.value))}
        >
          {TOP_K_CHOICES.map((k) => (
            <option
              key={String(k)}
              value={k === null ? 'all' : String(k)}
              className="text-slate-900"
            >
              {k === null ? 'all' : `top ${k}`}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className={BUTTON} onClick={props.onExportSvg}>
        Export SVG
      </button>
      <button type="button" className={BUTTON} onClick={props.onExportPng}>
        Export PNG
      </button>
    </div>
  );
}
