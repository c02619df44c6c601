import type { Aggregation } from '../core/reward/aggregate';
import { aggregate } from '../core/reward/aggregate';
import type { SearchTree } from '../core/tree/tree';
import { LABEL_BELOW } from './overlay';
import type { NodeLabel } from './overlay';
import type { TreeLayout } from './tidyTree';

/**
 * Best-of-N draws each sample as a chain from the root; at each chain's last node the view
 * writes the sample's trajectory score: the PRM step scores along the chain, aggregated the
 * way the run picks its answer (MetaStone-S1: the geometric mean).
 */

/**
 * The trajectory score at the end of every drawn sample (a leaf below the root), as labels
 * under the leaf; the sample the search returned is marked good.
 * @param aggregation how the run aggregates step scores
 */
export function sampleScoreLabels(
  tree: SearchTree,
  layout: TreeLayout,
  aggregation: Aggregation,
): NodeLabel[] {
  const labels: NodeLabel[] = [];
  for (const p of layout.nodes) {
    const node = tree.nodes[p.id];
    if (!node || node.depth === 0 || node.children.length > 0) continue;
    const scores: number[] = [];
    for (let cur = node; cur.parent !== null;) {
      if (cur.prm !== null) scores.push(cur.prm);
      const up = tree.nodes[cur.parent];
      if (!up) break;
      cur = up;
    }
    if (scores.length === 0) continue;
    scores.reverse();
    labels.push({
      id: p.id,
      at: { x: p.x, y: p.y + LABEL_BELOW },
      text: aggregate(scores, aggregation).toFixed(2),
      tone: tree.done?.node === p.id ? 'good' : 'plain',
    });
  }
  return labels;
}

/**
 * Best-of-N's vote, drawn over the root once the search is done: each answer with its votes
 * (a count under majority voting, summed PRM scores under weighted voting), most first, and
 * the answer chosen (Wang et al. 2023, self-consistency; its PRM-weighted form). Null when
 * the run did not vote.
 */
export function voteTallyLabel(tree: SearchTree, layout: TreeLayout): NodeLabel | null {
  const done = tree.done;
  const root = layout.byId.get(0);
  if (!done?.votes || !root) return null;
  const weighted = done.reason === 'weighted-vote';
  const entries = Object.entries(done.votes).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  const shown = entries
    .slice(0, 4)
    .map(([answer, v]) => `${answer} ${weighted ? v.toFixed(2) : `×${v}`}`)
    .join(' · ');
  const more = entries.length > 4 ? ` · +${entries.length - 4} more` : '';
  return {
    id: 0,
    at: { x: root.x, y: root.y - LABEL_BELOW },
    text: `${weighted ? 'PRM-weighted vote' : 'votes'}: ${shown}${more} → ${done.answer ?? '—'}`,
    tone: done.correct ? 'good' : 'bad',
  };
}
