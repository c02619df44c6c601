import type { NodeId, TraceEvent } from '../core/tree/events';
import { num } from './card';

/**
 * Why step-level beam search kept or dropped a node (Snell et al. 2024, "Scaling LLM
 * test-time compute", beam search against a PRM): the prune at its depth ranked every
 * candidate by its aggregated path score and kept the best `kept.length`. Read from the
 * run's own prune event, so the numbers are the ones the search used.
 */
export interface BeamVerdict {
  /** The beam's depth when it was ranked. */
  depth: number;
  /** Index of the prune event in the run. */
  eventIndex: number;
  kept: boolean;
  /** This node's aggregated score. */
  score: number;
  /** The scores that were kept, best first. */
  keptScores: number[];
  /** The scores that were dropped, best first. */
  droppedScores: number[];
  /** The lowest kept score: the bar a candidate had to reach. */
  cutoff: number | null;
  /** The reason in words. */
  why: string;
}

/**
 * The verdict on `id` from the latest prune at or before `cursor` that ranked it, or null
 * when no prune has ranked it yet (or the run is not a beam search).
 */
export function beamVerdict(
  events: readonly TraceEvent[],
  cursor: number,
  id: NodeId,
): BeamVerdict | null {
  for (let i = Math.min(cursor, events.length) - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.type !== 'prune') continue;
    const mine = e.kept.find((d) => d.id === id) ?? e.dropped.find((d) => d.id === id);
    if (!mine) continue;
    const kept = e.kept.some((d) => d.id === id);
    const keptScores = e.kept.map((d) => d.score).sort((a, b) => b - a);
    const droppedScores = e.dropped.map((d) => d.score).sort((a, b) => b - a);
    const cutoff = keptScores.length > 0 ? Math.min(...keptScores) : null;
    const width = keptScores.length;
    const rank = [...keptScores, ...droppedScores].filter((s) => s > mine.score).length + 1;
    const why = kept
      ? `kept: ranked ${rank} of ${width + droppedScores.length}, inside the beam of ${width}`
      : cutoff === null
        ? 'dropped: nothing was kept at this depth'
        : mine.score === cutoff
          ? `dropped: tied with the lowest kept score ${num(cutoff)}, and the beam of ${width} was full`
          : `dropped: its score ${num(mine.score)} is below the lowest kept score ${num(cutoff)} (beam of ${width})`;
    return {
      depth: e.depth,
      eventIndex: i,
      kept,
      score: mine.score,
      keptScores,
      droppedScores,
      cutoff,
      why,
    };
  }
  return null;
}
