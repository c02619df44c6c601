import { useId } from 'react';
import type { BacktrackView } from '../../store';
import { setBacktrackView, useArbor } from '../../store';

/** How many of the first `eventCount` events are backtracks, and how many are setbacks. */
function counts(
  events: readonly { type: string }[],
  setbacks: readonly number[],
  eventCount: number,
): { setbacks: number; lineChanges: number } {
  let lineChanges = 0;
  for (let i = 0; i < eventCount; i++) if (events[i]?.type === 'backtrack') lineChanges += 1;
  return { setbacks: setbacks.filter((i) => i < eventCount).length, lineChanges };
}

/**
 * Which backtracks the timeline marks: setbacks (the search left a line that went badly, the
 * default) or every change of line (each selection that leaves the line grown the iteration
 * before), with how many of each the run has so far.
 */
export function BacktrackViewSelect() {
  const view = useArbor((s) => s.backtrackView);
  const trace = useArbor((s) => s.trace);
  const eventCount = useArbor((s) => s.eventCount);
  const id = useId();
  const n = counts(trace.all, trace.setbacks, eventCount);
  return (
    <span className="ml-auto flex items-center gap-1.5 text-xs">
      <label htmlFor={id} className="text-slate-700 dark:text-slate-300">
        Backtracks
      </label>
      <select
        id={id}
        data-testid="backtrack-view"
        className="h-7 rounded border border-slate-300 bg-white px-1 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        value={view}
        title="A setback: the search left a line whose last result was poor (value below 0.5) and cost it its lead. Every change of line: each selection that leaves the line grown the iteration before."
        onChange={(e) => setBacktrackView(e.target.value as BacktrackView)}
      >
        <option value="setbacks">{`after a setback (${n.setbacks})`}</option>
        <option value="line-changes">{`every change of line (${n.lineChanges})`}</option>
      </select>
    </span>
  );
}
