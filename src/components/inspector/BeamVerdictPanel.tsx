import type { BeamVerdict } from '../../layout/beamVerdict';
import { num } from '../../layout/card';

/**
 * Why beam search kept or pruned the selected node: its aggregated score beside the scores
 * that were kept (and the others dropped with it), the cut-off, and the reason in words. Beam
 * search visits nothing, so there is no N, Q or UCB to show.
 */
export function BeamVerdictPanel({ verdict }: { verdict: BeamVerdict | null }) {
  if (!verdict) {
    return (
      <p className="text-slate-600 dark:text-slate-400">
        Not ranked yet: beam search ranks a depth&apos;s candidates once all are scored.
      </p>
    );
  }
  const { kept, score, keptScores, droppedScores, cutoff } = verdict;
  return (
    <section aria-label="Beam verdict" className="flex flex-col gap-1.5">
      <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {kept ? 'Kept in the beam' : 'Pruned from the beam'} · depth {verdict.depth}
      </h3>
      <p
        data-testid="beam-why"
        className={kept ? 'text-green-800 dark:text-green-300' : 'text-red-800 dark:text-red-300'}
      >
        {verdict.why}.
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 font-mono text-sm">
        <dt className="text-slate-600 dark:text-slate-400">aggregated score</dt>
        <dd data-testid="beam-score" className="font-semibold">
          {num(score)}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">kept</dt>
        <dd data-testid="beam-kept">{keptScores.map(num).join(', ') || '—'}</dd>
        <dt className="text-slate-600 dark:text-slate-400">cut-off</dt>
        <dd>{cutoff === null ? '—' : `≥ ${num(cutoff)}`}</dd>
        <dt className="text-slate-600 dark:text-slate-400">dropped</dt>
        <dd>{droppedScores.map(num).join(', ') || '—'}</dd>
      </dl>
    </section>
  );
}
