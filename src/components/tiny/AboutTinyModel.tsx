import type { ReactNode } from 'react';
import type { TinyManifest } from '../../engines/tiny/manifest';
import type { GapSeries } from './SprmGapCurve';
import { SprmGapCurve } from './SprmGapCurve';
import { useTinyManifest } from './useTinyManifest';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** What the training recipes are called here. */
const RECIPES: Record<string, string> = {
  bce: 'plain BCE',
  spr: 'SPR loss',
  bce_then_spr: 'BCE, then SPR',
};

/** The manifest's SPRM curves as gap series, the shipped recipe marked. */
export function gapSeries(manifest: TinyManifest): GapSeries[] {
  const curves = manifest.metrics.sprm_curves ?? {};
  const shipped = manifest.training?.shipped_head;
  return Object.entries(curves).map(([recipe, points]) => ({
    label: RECIPES[recipe] ?? recipe,
    points,
    shipped: recipe === shipped,
  }));
}

/**
 * About this model: what it is, what it measured on the 120 held-out puzzles (the
 * manifest's numbers, never typed in here), and plainly that its SPRM head collapsed, with
 * the gap curve that shows it.
 * @param trainingCurves a slot for the training curves (src/components/tiny/TrainingCurves.tsx,
 *   written on another branch): the lead mounts them here
 */
export function AboutTinyModel({ trainingCurves }: { trainingCurves?: ReactNode }) {
  const m = useTinyManifest();
  const shippedGap = m
    ? gapSeries(m)
        .find((s) => s.shipped)
        ?.points.at(-1)?.gap
    : undefined;
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
        {m && (
          <>
            <p>
              The SPRM score gap (right lines minus wrong lines, held out) after each training
              epoch:
            </p>
            <SprmGapCurve series={gapSeries(m)} />
          </>
        )}
        {trainingCurves}
      </div>
    </details>
  );
}
