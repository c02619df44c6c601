import type { BacktrackEvent, NodeId } from './events';
import type { SearchTree, TerminalState } from './tree';

/**
 * Which backtracks mean something (issue 10). The Blueprint survey (Besta et al. 2025,
 * "Reasoning Language Models: A Blueprint") calls backtracking returning to an earlier point
 * to try another approach after a line went badly. A search's `backtrack` event marks every
 * change of line (MCTS: the new selection leaves the line grown the iteration before; beam
 * search: a beam whose every child was pruned). Of those, a **setback** is one where:
 *
 * - **went badly** (MCTS): the value the last iteration backed up was below {@link BAD_VALUE}
 *   (a wrong answer or an invalid step is worth 0; a rollout that missed, or a low PRM score),
 *   and it cost the abandoned line its lead: before that backup the line's first node below
 *   the resume point had the best Q among its visited siblings, after it a sibling has a
 *   better one. A change of line that only explores (the old line still leads, or the value
 *   was good) is not a setback.
 * - **above**: the search resumes at `at`, the deepest node the new path shares with the
 *   abandoned line — always above the node the last iteration expanded.
 * - Beam search: every child of a beam was pruned; the search goes on from the other beams.
 *
 * The trace's events keep their meaning (old run files replay to the same tree): setbacks are
 * derived from the tree the events build.
 */

/** A backed-up value below this went badly (a wrong answer or invalid step backs up 0). */
export const BAD_VALUE = 0.5;

/** Why a backtrack is a setback, with what the narration names. */
export type SetbackReason =
  | {
      kind: 'went-badly';
      /** The abandoned line's first node below the resume point. */
      branch: NodeId;
      /** The node the last iteration valued (where the line ended, or its new leaf). */
      valued: NodeId;
      /** That node's outcome, when it ends a line (a wrong answer, an invalid step). */
      outcome: TerminalState | null;
      value: number;
      /** The branch's Q before and after the last backup. */
      qBefore: number;
      qAfter: number;
      /** The sibling that now leads, and its Q. */
      rival: NodeId;
      rivalQ: number;
    }
  | { kind: 'all-pruned' };

const q = (n: { N: number; W: number }) => (n.N > 0 ? n.W / n.N : 0);

/**
 * Whether a backtrack event is a setback, and why; null when it only changes line.
 * @param tree the tree just before the backtrack event (after the last iteration's backprop)
 */
export function setbackReason(tree: SearchTree, event: BacktrackEvent): SetbackReason | null {
  if (event.at === event.abandoned) return { kind: 'all-pruned' };
  const backup = tree.lastBackprop;
  if (backup === null || backup.value >= BAD_VALUE) return null;
  // The abandoned line's first node below the resume point.
  let branch = tree.nodes[event.abandoned];
  while (branch && branch.parent !== event.at) {
    branch = branch.parent === null ? undefined : tree.nodes[branch.parent];
  }
  const at = tree.nodes[event.at];
  if (!branch || !at) return null;
  const update = backup.updates.find((u) => u.id === branch.id);
  if (!update || update.N < 2) return null; // the line had no value before this backup
  const qBefore = (update.W - backup.value) / (update.N - 1);
  const qAfter = q(branch);
  let rival: { id: NodeId; Q: number } | null = null;
  for (const id of at.children) {
    const sibling = tree.nodes[id];
    if (!sibling || id === branch.id || sibling.N === 0) continue;
    const Q = q(sibling);
    if (Q > qBefore) return null; // the line did not lead before the backup
    if (Q > qAfter && (rival === null || Q > rival.Q)) rival = { id, Q };
  }
  if (rival === null) return null; // it still leads: the search only explores
  const valued = backup.updates[0]?.id ?? branch.id;
  return {
    kind: 'went-badly',
    branch: branch.id,
    valued,
    outcome: tree.nodes[valued]?.terminal ?? null,
    value: backup.value,
    qBefore,
    qAfter,
    rival: rival.id,
    rivalQ: rival.Q,
  };
}
