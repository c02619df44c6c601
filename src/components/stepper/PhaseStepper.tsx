import type { Algorithm } from '../../core/search/settings';
import type { RunSettings } from '../../run/settings';
import { useArbor } from '../../store';
import type { EventCategory } from '../timeline/buckets';
import { CATEGORY_COLOR } from '../timeline/colors';
import type { StageId } from './stages';
import { ITERATION_NOUN, STAGES, stageOf } from './stages';

/** Which timeline colour a stage's swatch takes, so the strip and the timeline agree. */
const STAGE_CATEGORY: Readonly<Record<StageId, EventCategory>> = {
  select: 'select',
  expand: 'expand',
  simulate: 'simulate',
  backprop: 'backprop',
  score: 'score',
  prune: 'prune',
  sample: 'expand',
  pick: 'other',
};

/** The iteration budget of the run's settings: MCTS iterations, beam depth, samples. */
function budget(search: RunSettings['search']): number {
  if (search.algorithm === 'mcts') return search.iterations;
  if (search.algorithm === 'beam') return search.maxDepth;
  return search.n;
}

/** The strip's heading: "MCTS iteration 7 of 30", "Beam search depth 2 of 4", … */
function progressWords(algorithm: Algorithm, iteration: number, of: number | null): string {
  const name = { mcts: 'MCTS', beam: 'Beam search', 'best-of-n': 'Best-of-N' }[algorithm];
  if (iteration < 1) return `${name}: not started`;
  // An imported tree has no budget of Arbor's: say only where it is.
  if (of === null) return `${name} ${ITERATION_NOUN[algorithm]} ${iteration} (imported)`;
  return `${name} ${ITERATION_NOUN[algorithm]} ${iteration} of ${of}`;
}

/**
 * The phase strip: the stages of the run's algorithm with the current one lit (MCTS: select →
 * expand → simulate → backprop; beam search, per depth: expand → score → prune; best-of-N:
 * sample k of N → pick). The lit stage's label carries `aria-current="step"`.
 */
export function PhaseStepper() {
  const algorithm = useArbor((s) => s.tree.algorithm ?? s.settings.search.algorithm);
  const search = useArbor((s) => s.settings.search);
  const theme = useArbor((s) => s.theme);
  const phase = useArbor((s) => s.tree.phase);
  const iteration = useArbor((s) => s.tree.iteration);
  const done = useArbor((s) => s.tree.done);
  const event = useArbor((s) => (s.cursor > 0 ? s.trace.all[s.cursor - 1] : undefined));
  const lit = stageOf(algorithm, event, phase);
  const imported = useArbor((s) => s.source !== null);
  const of = imported ? null : search.algorithm === algorithm ? budget(search) : iteration;

  return (
    <div className="phase-strip flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="font-medium tabular-nums" aria-live="off">
        {progressWords(algorithm, iteration, of)}
      </span>
      <ol
        aria-label={algorithm === 'mcts' ? 'MCTS phases' : 'Search stages'}
        className="flex flex-wrap gap-y-1"
      >
        {STAGES[algorithm].map((stage, i) => {
          const current = stage.id === lit;
          const label =
            stage.id === 'sample' && iteration >= 1
              ? `Sample ${iteration}${of === null ? '' : ` of ${of}`}`
              : stage.label;
          return (
            <li key={stage.id} className="flex items-center">
              {i > 0 && (
                <span aria-hidden="true" className="px-1 text-slate-400">
                  →
                </span>
              )}
              <span
                aria-current={current ? 'step' : undefined}
                title={stage.description}
                className={`flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 ${
                  current
                    ? 'border-blue-700 bg-blue-600 font-semibold text-white dark:border-blue-300 dark:bg-blue-600'
                    : 'border-slate-300 bg-slate-50 text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300'
                }`}
              >
                <span
                  aria-hidden="true"
                  className="inline-block h-2.5 w-2.5 rounded-full ring-1 ring-white/70"
                  style={{ backgroundColor: CATEGORY_COLOR[theme][STAGE_CATEGORY[stage.id]] }}
                />
                {label}
              </span>
            </li>
          );
        })}
      </ol>
      {done && (
        <span className="text-slate-600 dark:text-slate-400">
          Done:{' '}
          {done.answer === null
            ? 'no answer'
            : `${done.answer} — ${done.correct ? 'correct' : 'wrong'}`}
        </span>
      )}
    </div>
  );
}
