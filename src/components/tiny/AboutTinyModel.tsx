import { TrainingCurves } from './TrainingCurves';
import { useTinyManifest } from './useTinyManifest';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * About this model: what it is, what it measured on the 120 held-out puzzles (the
 * manifest's numbers, never typed in here), and plainly that its SPRM head collapsed, with
 * the training curves that show it (TrainingCurves.tsx).
 */
export function AboutTinyModel() {
  const m = useTinyManifest();
  const shipped = m?.training?.shipped_head === 'bce_then_spr' ? 'bce_then_spr' : undefined;
  const shippedGap = m?.metrics.sprm_curves.bce_then_spr.at(-1)?.gap;
  return (
    <details className="text-xs text-slate-700 dark:text-slate-300" open>
      <summary className="cursor-pointer font-medium">About this model</summary>
      <div className="mt-1 flex flex-col gap-2" aria-label="About this model">
        <p>
          A 4-layer transformer
          {m ? ` (${String(Math.round(m.parameters / 1000))}k parameters)` : ''} trained in this
          repository (scripts/tiny) on every solution path of the Game of 24 puzzles Arbor does not
          bundle; the bundled puzzles were held out. It writes each step token by token here, in
          your browser.
        </p>
        {m && (
          <p data-testid="tiny-measured">
            Greedy decoding solves {pct(m.metrics.greedy_solved)} of the{' '}
            {String(m.metrics.held_out_puzzles)} held-out puzzles
            {m.metrics.greedy_good_step_share !== undefined &&
              `; ${pct(m.metrics.greedy_good_step_share)} of its greedy steps are exactly right`}
            .
            {m.metrics.best_of &&
              ` Of ${String(m.metrics.best_of.n)} sampled lines, at least one is right on ${pct(m.metrics.best_of.any_right)} of them: search has something to find.`}
          </p>
        )}
        <p>
          <strong>Its SPRM head collapsed</strong> in training: its scores sit near 0 for right and
          wrong steps alike and say little
          {shippedGap !== undefined
            ? ` (final gap ${Math.abs(shippedGap) < 0.005 ? '0.00' : shippedGap.toFixed(2)})`
            : ''}
          . Choose the rule verifier or rollouts for a judge that discriminates.
        </p>
        {m && <TrainingCurves curves={m.metrics.sprm_curves} {...(shipped ? { shipped } : {})} />}
      </div>
    </details>
  );
}
