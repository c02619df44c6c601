import { useEffect, useMemo, useRef } from 'react';
import { phaseSoFar } from '../core/tree/phaseGroups';
import { narrate } from '../narration/narrate';
import { useArbor } from '../store';

/** One sentence of the narration with the event type it tells. */
interface Told {
  index: number;
  type: string;
  text: string;
}

const CHIP =
  'mt-0.5 shrink-0 rounded bg-slate-200 px-1.5 py-0.5 font-mono text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300 presentation:hidden';

/**
 * What the current phase did, in plain words and with its numbers (src/narration): one
 * sentence per event of the phase so far (`core/tree/phaseGroups.ts`: a selection and its
 * backtrack, an expansion and its scores and answers, …), the last applied event last (its
 * sentence is `data-testid="narration"`). Announced politely to screen readers, and held
 * back (`aria-busy`) while playing so that a fast run does not flood them. The tree before an
 * event is `trace.treeAt(index)`, after it `trace.treeAt(index + 1)` (checkpointed).
 */
export function NarrationLine() {
  const trace = useArbor((s) => s.trace);
  const cursor = useArbor((s) => s.cursor);
  const after = useArbor((s) => s.tree);
  const search = useArbor((s) => s.settings.search);
  const task = useArbor((s) => s.settings.task);
  const playing = useArbor((s) => s.playing);
  const told = useMemo((): Told[] => {
    const context = { search, task };
    const phase = phaseSoFar(trace.all, cursor);
    if (phase === null) return [{ index: -1, type: '', text: narrate(null, after, after) }];
    // While playing only the current event is told: the list would flash by.
    const from = playing ? phase.end - 1 : phase.start;
    const out: Told[] = [];
    for (let i = from; i < phase.end; i++) {
      const event = trace.all[i];
      if (event === undefined) continue;
      const before = trace.treeAt(i);
      const next = i + 1 === cursor ? after : trace.treeAt(i + 1);
      out.push({ index: i, type: event.type, text: narrate(event, before, next, context) });
    }
    return out;
  }, [trace, cursor, after, search, task, playing]);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = list.current;
    // The newest sentence in view. One sentence (always, while playing) needs no scroll, and
    // reading scrollHeight would lay the page out again in every frame.
    if (el && told.length > 1) el.scrollTop = el.scrollHeight;
  }, [told]);
  const last = told.at(-1);
  const earlier = told.slice(0, -1);
  return (
    <section
      aria-label="Narration"
      className="narration rounded border presentation:flex presentation:min-h-0 presentation:flex-1 presentation:flex-col border-slate-200 bg-slate-50 px-3 py-2 dark:border-slate-800 dark:bg-slate-900"
    >
      <div
        ref={list}
        role="group"
        aria-label="This phase"
        tabIndex={0}
        className="flex max-h-[8.5rem] min-h-[3.5rem] flex-col gap-1 overflow-y-auto presentation:max-h-none presentation:min-h-0 presentation:flex-1"
      >
        {earlier.length > 0 && (
          <ol aria-label="Earlier events of this phase" data-testid="narration-phase">
            {earlier.map((t) => (
              <li
                key={t.index}
                className="flex items-start gap-2 presentation:border-b presentation:border-slate-300 presentation:pb-1 dark:presentation:border-slate-700"
              >
                <span aria-hidden="true" className={CHIP}>
                  {t.type}
                </span>
                <span className="narration-text text-sm text-slate-700 dark:text-slate-300">
                  {t.text}
                </span>
              </li>
            ))}
          </ol>
        )}
        <div className="flex items-start gap-2">
          {last && last.type !== '' && (
            <span aria-hidden="true" className={CHIP}>
              {last.type}
            </span>
          )}
          <p
            aria-live="polite"
            aria-busy={playing}
            data-testid="narration"
            className="narration-text text-sm text-slate-800 dark:text-slate-200"
          >
            {last?.text}
          </p>
        </div>
      </div>
    </section>
  );
}
