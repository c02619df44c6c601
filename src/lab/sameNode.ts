/**
 * "The same node" in two runs of one problem: the node reached by the same sequence of step
 * texts. Searches that differ in budget or judge (MetaStone-S1's low / medium / high effort,
 * arXiv 2507.01951; a good PRM against a noisy one) often write the same opening steps and
 * part ways later; matching nodes by their path of step texts shows where. Pure: no DOM, no
 * store, so it is tested on hand-made trees.
 *
 * The root's text (the problem, with any hint steps it shows — StepHint, arXiv 2507.02841)
 * is the first step of every path: two runs that start from different roots share no node.
 */
import { hashString } from '../core/rng';
import type { NodeId } from '../core/tree/events';
import type { SearchTree } from '../core/tree/tree';

/**
 * A step text as matching sees it: Unicode NFC, every run of whitespace one space, trimmed.
 * Steps that differ only in spacing or line breaks are the same step.
 * @example normalizeStep('  8 *\n3  = 24 ') // '8 * 3 = 24'
 */
export function normalizeStep(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Joins normalised steps into a key; a normalised step never holds a line break. */
const SEP = '\n';

/** The nodes of one tree, indexed by the path of step texts that reaches each. */
export interface NodeIndex {
  /** Per node id: the normalised steps from the root, joined (the root's text first). */
  readonly keys: readonly string[];
  /** Node ids per key, in id order (siblings with the same text share a key). */
  readonly byKey: ReadonlyMap<string, readonly NodeId[]>;
}

/**
 * Indexes a tree by path keys in one pass: a child's id is always larger than its parent's,
 * so each parent's key is ready when its children are reached.
 * @example indexTree(tree).byKey.get('4 7 8 8\n8 - 4 = 4') // [1]
 */
export function indexTree(tree: SearchTree): NodeIndex {
  const keys: string[] = [];
  const byKey = new Map<string, NodeId[]>();
  for (const node of tree.nodes) {
    const step = normalizeStep(node.text);
    const parentKey = node.parent === null ? undefined : keys[node.parent];
    const key = parentKey === undefined ? step : parentKey + SEP + step;
    keys[node.id] = key;
    const list = byKey.get(key);
    if (list) list.push(node.id);
    else byKey.set(key, [node.id]);
  }
  return { keys, byKey };
}

/** The steps of a key, root first. */
export function keySteps(key: string): string[] {
  return key.split(SEP);
}

/**
 * The nodes of `other` reached by the same steps as node `id` of `from`: none when the other
 * run never took this line, several when it wrote the same steps more than once (best-of-N
 * samples often open alike).
 */
export function counterparts(from: NodeIndex, id: NodeId, other: NodeIndex): readonly NodeId[] {
  const key = from.keys[id];
  return key === undefined ? [] : (other.byKey.get(key) ?? []);
}

/**
 * How many nodes of the path to `id`, from the root, the other run has too: the shared
 * prefix of the two lines (path length when the node has a counterpart, 0 when even the
 * roots differ). The matched paths are closed under prefixes, so this is the depth + 1 of the
 * deepest ancestor with a counterpart.
 */
export function sharedPrefix(
  tree: SearchTree,
  from: NodeIndex,
  id: NodeId,
  other: NodeIndex,
): number {
  let depth = tree.nodes[id]?.depth ?? -1;
  for (let cur: NodeId | null = id; cur !== null; depth--) {
    if (counterparts(from, cur, other).length > 0) return depth + 1;
    cur = tree.nodes[cur]?.parent ?? null;
  }
  return 0;
}

/** How many nodes of `from` have a counterpart in `other`. */
export function sharedCount(from: NodeIndex, other: NodeIndex): number {
  let count = 0;
  for (const [key, ids] of from.byKey) if (other.byKey.has(key)) count += ids.length;
  return count;
}

/**
 * A short stable name for a path key (for `data-path-key`: two FNV-1a hashes, base 36), so
 * the same node in both runs carries the same attribute and a selector stays short. Matching
 * itself compares whole keys.
 * @example shortKey('4 7 8 8') === shortKey('4 7 8 8') // true
 */
export function shortKey(key: string): string {
  const a = hashString(key).toString(36);
  const b = hashString(`${key.length}:${key}`).toString(36);
  return `p${a}${b}`;
}
