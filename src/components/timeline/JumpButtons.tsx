import { memo, useMemo } from 'react';
import { JUMPS } from '../../core/tree/jumps';
import { seek, useArbor } from '../../store';

/**
 * Jumps to a place in the run (`core/tree/jumps.ts`): the first backtrack, the first wrong
 * answer, … Each button shows the event there (the cursor just after it); disabled when the
 * recorded events have none. The places are found again only when the recorded events
 * change, not at every step of the cursor (a pass over 100,000 events per frame while playing).
 */
export const JumpButtons = memo(function JumpButtons() {
  const trace = useArbor((s) => s.trace);
  const eventCount = useArbor((s) => s.eventCount);
  const places = useMemo(() => {
    const events = trace.all.slice(0, eventCount);
    const setbacks = trace.setbacks.filter((i) => i < eventCount);
    return JUMPS.map((jump) => jump.find({ events, setbacks }));
  }, [trace, eventCount]);
  return (
    <div role="group" aria-label="Jump to" className="flex flex-wrap items-center gap-1.5 text-xs">
      <span className="text-slate-700 dark:text-slate-300">Jump to</span>
      {JUMPS.map((jump, i) => {
        const at = places[i] ?? null;
        return (
          <button
            key={jump.id}
            type="button"
            className="h-7 rounded border border-slate-300 bg-white px-1.5 text-slate-900 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
            disabled={at === null}
            title={
              at === null ? `${jump.label}: none in this run` : `${jump.label}: event ${at + 1}`
            }
            onClick={() => at !== null && seek(at + 1)}
          >
            {jump.label}
          </button>
        );
      })}
    </div>
  );
});
