import type { Aggregation } from '../core/reward/aggregate';
import { aggregate } from '../core/reward/aggregate';
import { formatAdvantage, groupAdvantages } from '../core/reward/grpo';
import type { SearchTree } from '../core/tree/tree';
import { LABEL_BELOW } from './overlay';
import type { NodeLabel } from './overlay';
import type { TreeLayout } from './tidyTree';

/**
 * Best-of-N draws each sample as a chain from the root; at each chain's last node the view
 * writes the sample's trajectory score: the PRM step scores along the chain, aggregated the
 * way the run picks its answer (MetaStone-S1: the geometric mean).
 */

/** A sample's end (a leaf below the root) and its trajectory score. */
export interface SampleReward {
  id: number;
  reward: number;
}

/**
 * Every sample's end in the tree (a leaf below the root with at least one PRM score on its
 * chain), in node order, with its trajectory score: the step scores from the root down,
 * aggregated as the run aggregates them. Drawn or folded away alike: a GRPO group is every
 * sample, not the ones on screen.
 */
export function sampleRewards(tree: SearchTree, aggregation: Aggregation): SampleReward[] {
  const out: SampleReward[] = [];
  for (const node of tree.nodes) {
    if (node.depth === 0 || node.children.length > 0) continue;
    const scores: number[] = [];
    for (let cur = node; cur.parent !== null;) {
      if (cur.prm !== null) scores.push(cur.prm);
      const up = tree.nodes[cur.parent];
      if (!up) break;
      cur = up;
    }
    if (scores.length === 0) continue;
    out.push({ id: node.id, reward: aggregate(scores.reverse(), aggregation) });
  }
  return out;
}

/** What the sample labels write besides each sample's score. */
export interface SampleLabelOptions {
  /**
   * Each sample's GRPO advantage beside its score (`0.63 · A +1.22`), over the group of every
   * sample so far, with a tooltip that says how it is computed (core/reward/grpo.ts).
   */
  advantages?: boolean;
}

/** The tooltip of a sample's advantage: the formula with this group's numbers plugged in. */
function advantageTitle(reward: number, advantage: number, mean: number, std: number, g: number) {
  const head = `GRPO advantage A = (r − mean r) / std r over this group of ${g} samples; r is the sample's trajectory score.`;
  if (std === 0) {
    return `${head} Every r is ${reward.toFixed(2)}: std = 0, so A = 0 — the group says nothing about which sample is better, and training would push none of them.`;
  }
  const push = advantage > 0 ? 'up (made more likely)' : advantage < 0 ? 'down' : 'neither way';
  return `${head} Here (${reward.toFixed(2)} − ${mean.toFixed(2)}) / ${std.toFixed(2)} = ${formatAdvantage(advantage)} (population std): training would push this sample ${push}.`;
}

/**
 * The trajectory score at the end of every drawn sample (a leaf below the root), as labels
 * under the leaf; the sample the search returned is marked good. With `advantages`, each label
 * also carries the sample's GRPO advantage and a tooltip explaining it.
 * @param aggregation how the run aggregates step scores
 */
export function sampleScoreLabels(
  tree: SearchTree,
  layout: TreeLayout,
  aggregation: Aggregation,
  options: SampleLabelOptions = {},
): NodeLabel[] {
  const rewards = sampleRewards(tree, aggregation);
  const group = options.advantages ? groupAdvantages(rewards.map((r) => r.reward)) : null;
  const labels: NodeLabel[] = [];
  rewards.forEach(({ id, reward }, i) => {
    const p = layout.byId.get(id);
    if (!p) return;
    const label: NodeLabel = {
      id,
      at: { x: p.x, y: p.y + LABEL_BELOW },
      text: reward.toFixed(2),
      tone: tree.done?.node === id ? 'good' : 'plain',
    };
    const advantage = group?.advantages[i];
    if (group && advantage !== undefined) {
      label.text = `${label.text} · A ${formatAdvantage(advantage)}`;
      label.title = advantageTitle(reward, advantage, group.mean, group.std, rewards.length);
    }
    labels.push(label);
  });
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
