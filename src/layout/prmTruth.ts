import type { TreeNode } from '../core/tree/tree';

/**
 * Where the PRM and the truth part ways, so "what a bad PRM does" shows on the tree: a step
 * the PRM rated good (≥ 0.5) that is on no right path, or one it rated bad that is. The truth
 * is what Arbor can know without a model: the simulated PRM's own ground truth (it blurs it),
 * an exact rule verifier's verdict, or how the line ended (an answer graded right or wrong).
 */

/** Which way the PRM is wrong at a node. */
export type PrmDisagreement = 'overrates' | 'underrates';

/** The PRM score at which a step counts as rated good. */
export const PRM_GOOD = 0.5;

/**
 * The truth at a node: 1 when the step is on a right path, 0 when not, null when Arbor cannot
 * tell (a language model's judge on an open step, an end whose correctness is unknown).
 * @param exactRule whether the task's rule verifier sees the whole truth (Game of 24), so
 *   its "solvable" verdict is the truth; an arithmetic-only check is not
 */
export function stepTruth(
  node: Pick<TreeNode, 'evidence' | 'terminal' | 'valid'>,
  exactRule: boolean,
): 0 | 1 | null {
  if (node.terminal) return node.terminal.correct === null ? null : node.terminal.correct ? 1 : 0;
  if (!node.valid) return 0;
  const e = node.evidence;
  if (e?.judge === 'simulated-prm') return e.truth >= 0.5 ? 1 : 0;
  if (e?.judge === 'rule' && exactRule) return e.solvable && e.valid ? 1 : 0;
  return null;
}

/**
 * Whether the PRM score at a node disagrees with the truth, and which way; null when they
 * agree, or when the node is unscored or its truth unknown.
 * @example prmDisagrees({ prm: 0.9, terminal: { correct: false, … }, … }, false) // 'overrates'
 */
export function prmDisagrees(
  node: Pick<TreeNode, 'prm' | 'evidence' | 'terminal' | 'valid'>,
  exactRule: boolean,
): PrmDisagreement | null {
  if (node.prm === null || !Number.isFinite(node.prm)) return null;
  const truth = stepTruth(node, exactRule);
  if (truth === null) return null;
  if (truth === 0 && node.prm >= PRM_GOOD) return 'overrates';
  if (truth === 1 && node.prm < PRM_GOOD) return 'underrates';
  return null;
}
