import type { TaskId } from '../run/settings';
import type { Aggregation } from '../core/reward/aggregate';
import { aggregate } from '../core/reward/aggregate';
import type { SearchSettings } from '../core/search/settings';
import type { NodeId } from '../core/tree/events';
import type { SearchTree, TreeNode } from '../core/tree/tree';
import { pathTo } from '../core/tree/tree';
import { QUOTE_MAX, quote } from './format';

/** What a narration may know besides the event: the run's search settings, when known. */
export interface NarrationContext {
  /** The settings of the run the event belongs to (for "sample 3 of 8", "min score"). */
  search?: SearchSettings | null;
  /** The run's task: the words for a judge's evidence depend on it. */
  task?: TaskId | null;
}

/** The trees around one event and the run's settings: everything a sentence may use. */
export interface Scene {
  /** The tree before the event. */
  before: SearchTree;
  /** The tree after the event (holds every node the event names). */
  after: SearchTree;
  search: SearchSettings | null;
  task: TaskId | null;
}

/** A node by id from the tree after the event, else before it; null when neither has it. */
export function nodeOf(scene: Scene, id: NodeId): TreeNode | null {
  return scene.after.nodes[id] ?? scene.before.nodes[id] ?? null;
}

/**
 * How a sentence names a node: "the root", or its step text quoted and shortened
 * ("'8 / 8 = 1 (left: 4 6 1)'"); "node 12" when the trees do not hold it.
 */
export function nameOf(scene: Scene, id: NodeId, max: number = QUOTE_MAX): string {
  const node = nodeOf(scene, id);
  if (!node) return `node ${id}`;
  return node.parent === null ? 'the root' : quote(node.text, max);
}

/** The aggregation the run scores trajectories with (beam and best-of-N only). */
export function aggregationOf(scene: Scene): Aggregation | null {
  const search = scene.search;
  return search && search.algorithm !== 'mcts' ? search.aggregation : null;
}

/** Words for each aggregation, as in "ranked by min score". */
export const AGGREGATION_WORDS: Record<Aggregation, string> = {
  last: 'last-step score',
  min: 'min score',
  product: 'product of step scores',
  mean: 'mean step score',
  geomean: 'geometric-mean score',
};

/**
 * The aggregated PRM score of the line from the root to `id` in the tree after the event
 * (unscored steps count as 0, as the searches count them); null without an aggregation.
 */
export function lineScore(scene: Scene, id: NodeId): number | null {
  const how = aggregationOf(scene);
  if (how === null) return null;
  const scores = pathTo(scene.after, id)
    .slice(1)
    .map((n) => scene.after.nodes[n]?.prm ?? 0);
  return aggregate(scores, how);
}

/** "iteration 3", "depth 2" or "sample 3 of 8": what `tree.iteration` counts, in words. */
export function roundWords(scene: Scene, round: number): string {
  const search = scene.search;
  switch (scene.after.algorithm) {
    case 'beam':
      return `Depth ${round}`;
    case 'best-of-n':
      return search?.algorithm === 'best-of-n'
        ? `Sample ${round} of ${search.n}`
        : `Sample ${round}`;
    default:
      return `Iteration ${round}`;
  }
}
