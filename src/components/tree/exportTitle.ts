import type { SearchTree } from '../../core/tree/tree';

/** Algorithms as an export's title line names them. */
const ALGORITHM_NAMES = { mcts: 'MCTS', beam: 'Beam search', 'best-of-n': 'Best-of-N' } as const;

/**
 * The title line of an exported tree: the problem, the algorithm and the event shown.
 * @example exportTitle({ problem: '4 6 8 8', algorithm: 'mcts', event: 'event 211 of 211: done' })
 * // '4 6 8 8 · MCTS · event 211 of 211: done'
 */
export function exportTitle(t: {
  problem: string;
  algorithm: SearchTree['algorithm'];
  event: string;
}): string {
  const algorithm = t.algorithm === null ? 'search' : ALGORITHM_NAMES[t.algorithm];
  return [t.problem, algorithm, t.event].filter((x) => x !== '').join(' · ');
}
