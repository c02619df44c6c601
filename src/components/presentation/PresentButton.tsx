import { togglePresenting, useArbor } from '../../store';
import { tooltip } from '../help/shortcuts';

/**
 * Presentation mode on and off (P; Esc leaves it): in the visualizer the tree, the phase
 * strip and the narration get the screen in large type, settings and side panels hide; in
 * the effort lab the accuracy-against-compute plot does.
 */
export function PresentButton() {
  const on = useArbor((s) => s.presenting);
  return (
    <button
      type="button"
      aria-pressed={on}
      className={`rounded border px-2 py-1 text-sm font-medium ${
        on
          ? 'border-slate-900 bg-slate-900 text-white dark:border-white dark:bg-white dark:text-slate-950'
          : 'border-slate-300 dark:border-slate-700'
      }`}
      title={tooltip(
        on
          ? 'Leave presentation mode'
          : 'Presentation mode: the tree (or the lab’s plot) in large type',
        on ? 'P or Esc' : 'P',
      )}
      onClick={togglePresenting}
    >
      {on ? 'Exit presentation' : 'Present'}
    </button>
  );
}
