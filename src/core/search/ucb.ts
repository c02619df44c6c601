import type { Candidate, NodeId, SelectLevel, SelectionRule } from '../tree/events';

/** What the selection rule needs to know about one child. */
export interface ChildStats {
  id: NodeId;
  N: number;
  W: number;
  /** Prior probability P(s), used by PUCT. */
  prior: number;
}

/**
 * Scores one child with its terms split, as the README defines them:
 *
 * - UCT (Kocsis & Szepesvári 2006): `W/N + c · sqrt(ln N(parent) / N)`, unvisited = +∞.
 * - PUCT (Silver et al. 2017, as in OpenR): `Q + c · P · sqrt(N(parent)) / (1 + N)`, with
 *   Q = 0 for an unvisited child.
 *
 * An infinite term is written as `null` so that events stay plain JSON.
 */
export function scoreCandidate(
  child: ChildStats,
  parentN: number,
  rule: SelectionRule,
  c: number,
): Candidate {
  const Q = child.N > 0 ? child.W / child.N : 0;
  if (rule === 'uct') {
    if (child.N === 0) {
      return { id: child.id, N: 0, W: child.W, Q, exploit: Q, explore: null, total: null };
    }
    const explore = c * Math.sqrt(Math.log(parentN) / child.N);
    return { id: child.id, N: child.N, W: child.W, Q, exploit: Q, explore, total: Q + explore };
  }
  const explore = (c * child.prior * Math.sqrt(parentN)) / (1 + child.N);
  return {
    id: child.id,
    N: child.N,
    W: child.W,
    Q,
    P: child.prior,
    exploit: Q,
    explore,
    total: Q + explore,
  };
}

/** a beats b: a larger total, +∞ (null) above every number; ties keep the earlier child. */
function beats(a: number | null, b: number | null): boolean {
  if (a === null) return b !== null;
  if (b === null) return false;
  return a > b;
}

/**
 * Chooses among a node's children by the selection rule, keeping every candidate's terms
 * and saying which term decided: `unvisited` when the winner's score is +∞, `exploit` when
 * the winner also has the largest Q (exploitation alone would have chosen it), `explore`
 * when the exploration term overturned the order by Q. Ties go to the earlier child.
 *
 * @param parent the node choosing
 * @param parentN N(parent)
 * @param children the candidates, in child order (at least one)
 */
export function chooseChild(
  parent: NodeId,
  parentN: number,
  children: readonly ChildStats[],
  rule: SelectionRule,
  c: number,
): SelectLevel {
  if (children.length === 0) throw new RangeError('chooseChild needs at least one child');
  const candidates = children.map((child) => scoreCandidate(child, parentN, rule, c));
  let best = candidates[0] as Candidate;
  let bestExploit = best;
  for (const cand of candidates) {
    if (beats(cand.total, best.total)) best = cand;
    if (cand.exploit > bestExploit.exploit) bestExploit = cand;
  }
  const decidedBy =
    best.total === null ? 'unvisited' : best.exploit >= bestExploit.exploit ? 'exploit' : 'explore';
  return { parent, parentN, candidates, winner: best.id, decidedBy };
}
