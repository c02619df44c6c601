import type { NodeId } from '../core/tree/events';
import type { SearchTree, TreeNode } from '../core/tree/tree';

/**
 * Finding nodes (issue 10, "what a researcher reaches for"): by the words of their step, by a
 * range of PRM scores, by how their line ended. Pure, so matching is tested without a DOM;
 * the tree view highlights the matches and steps through them.
 */

/** How a node's line ended, as the find box offers it. */
export type FindOutcome = 'solved' | 'wrong-answer' | 'invalid' | 'open';

/** The outcomes offered, in order, with the words the find box shows. */
export const FIND_OUTCOMES: readonly { id: FindOutcome; label: string }[] = [
  { id: 'solved', label: 'solved' },
  { id: 'wrong-answer', label: 'wrong answer' },
  { id: 'invalid', label: 'invalid step' },
  { id: 'open', label: 'open (a leaf still going)' },
];

/** What the user typed: empty fields do not filter. */
export interface FindQuery {
  /** Words to find in a step (its text or its card's short form), any case. */
  text: string;
  /** A PRM score range as typed: `0.2–0.9`, `0.2-0.9`, `0.5` (one score), `≥ 0.5`, `< 0.3`. */
  prm: string;
  outcome: FindOutcome | null;
}

/** An empty query: finds nothing, highlights nothing. */
export const NO_QUERY: FindQuery = { text: '', prm: '', outcome: null };

/** A closed range of PRM scores, inside [0, 1]. */
export interface PrmRange {
  min: number;
  max: number;
}

/** What a PRM range reads as: a range, nothing (empty), or why it cannot be read. */
export type ParsedPrm = { ok: true; range: PrmRange | null } | { ok: false; error: string };

/** The allowed form, said in every error. */
const ALLOWED = 'write a score or a range between 0 and 1, e.g. 0.2–0.9, ≥ 0.5 or < 0.3';

const NUMBER = String.raw`(\d+(?:\.\d*)?|\.\d+)`;
const RANGE = new RegExp(String.raw`^${NUMBER}\s*(?:–|—|-|\.\.|to)\s*${NUMBER}$`, 'i');
const BOUND = new RegExp(String.raw`^(≥|>=|>|≤|<=|<)\s*${NUMBER}$`);
const SINGLE = new RegExp(String.raw`^${NUMBER}$`);

/**
 * Reads a PRM range as typed. `0.2–0.9` (en dash, hyphen, `..` or `to`), `≥ 0.5`, `> 0.5`,
 * `≤ 0.3`, `< 0.3` or one score; every number in [0, 1]; a range's lower end first.
 * Strict bounds count a score equal to the bound out only to two decimals' precision, as
 * the cards write scores (`> 0.5` finds 0.51, not 0.50).
 * @example parsePrmRange('0.9–0.2') // { ok: false, error: 'PRM range 0.9–0.2 runs backwards: …' }
 */
export function parsePrmRange(input: string): ParsedPrm {
  const text = input.trim().replace(/,/g, '.');
  if (text === '') return { ok: true, range: null };
  const outside = (v: number) => !(v >= 0 && v <= 1);
  const range = RANGE.exec(text);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    if (outside(min) || outside(max)) {
      return { ok: false, error: `PRM scores lie between 0 and 1: ${ALLOWED}.` };
    }
    if (min > max) {
      return {
        ok: false,
        error: `PRM range ${range[1]}–${range[2]} runs backwards: put the lower end first (${range[2]}–${range[1]}); scores lie between 0 and 1.`,
      };
    }
    return { ok: true, range: { min, max } };
  }
  const bound = BOUND.exec(text);
  if (bound) {
    const v = Number(bound[2]);
    if (outside(v)) return { ok: false, error: `PRM scores lie between 0 and 1: ${ALLOWED}.` };
    const step = 0.005; // half a hundredth: the cards round scores to two decimals
    switch (bound[1]) {
      case '>':
        return { ok: true, range: { min: Math.min(1, v + step), max: 1 } };
      case '<':
        return { ok: true, range: { min: 0, max: Math.max(0, v - step) } };
      case '≤':
      case '<=':
        return { ok: true, range: { min: 0, max: v } };
      default:
        return { ok: true, range: { min: v, max: 1 } };
    }
  }
  const single = SINGLE.exec(text);
  if (single) {
    const v = Number(single[1]);
    if (outside(v)) return { ok: false, error: `PRM scores lie between 0 and 1: ${ALLOWED}.` };
    // One score as the cards write it: 0.5 finds 0.495 … 0.505.
    return { ok: true, range: { min: Math.max(0, v - 0.005), max: Math.min(1, v + 0.005) } };
  }
  return { ok: false, error: `“${cut(input.trim())}” is not a PRM range: ${ALLOWED}.` };
}

function cut(text: string): string {
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

/** How `node`'s line ended, or null for a node inside a line (it has children) or pruned. */
export function findOutcome(node: TreeNode): FindOutcome | null {
  if (node.terminal?.kind === 'solved') return 'solved';
  if (node.terminal?.kind === 'wrong-answer') return 'wrong-answer';
  if (node.terminal?.kind === 'invalid-step' || !node.valid) return 'invalid';
  if (node.children.length === 0 && !node.pruned && node.parent !== null) return 'open';
  return null;
}

/**
 * Text as it is compared: lower case, the card's true minus, times and division signs as the
 * keyboard writes them, runs of spaces as one.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[−–]/g, '-')
    .replace(/[×·]/g, '*')
    .replace(/÷/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Each node's folded text, worked out once per node object (nodes are never mutated). */
const foldedText = new WeakMap<TreeNode, string>();

function foldedOf(node: TreeNode): string {
  let folded = foldedText.get(node);
  if (folded === undefined) {
    folded = foldText(node.text);
    foldedText.set(node, folded);
  }
  return folded;
}

/** What {@link findNodes} returns. */
export interface FindResult {
  /** Matching nodes in reading order (depth first, children in the proposer's order). */
  matches: NodeId[];
  /** Why the query cannot be used (a bad PRM range); then nothing matches. */
  error: string | null;
  /** Whether any field filters (an empty query matches nothing and highlights nothing). */
  active: boolean;
}

/**
 * The nodes of `tree` that match every filled field of `query`: the text in the node's step
 * or its short form (`short`, the card's title), its PRM score inside the range (an unscored
 * node never matches a range), its outcome. Text is compared as text, never as markup or a
 * pattern: `<b>` finds the characters `<b>`.
 * @param short the words the node's card shows (e.g. `7 − 4 = 3`), also searched
 * @example findNodes(tree, { text: '7 - 4', prm: '', outcome: null }).matches // [3, 12]
 */
export function findNodes(
  tree: SearchTree,
  query: FindQuery,
  short: (node: TreeNode) => string = () => '',
): FindResult {
  const words = foldText(query.text);
  const prm = parsePrmRange(query.prm);
  const active = words !== '' || query.prm.trim() !== '' || query.outcome !== null;
  if (!prm.ok) return { matches: [], error: prm.error, active };
  if (!active) return { matches: [], error: null, active };
  const { range } = prm;
  const test = (node: TreeNode): boolean => {
    if (query.outcome !== null && findOutcome(node) !== query.outcome) return false;
    if (range !== null && (node.prm === null || node.prm < range.min || node.prm > range.max)) {
      return false;
    }
    if (words === '') return true;
    return foldedOf(node).includes(words) || foldText(short(node)).includes(words);
  };
  const matches: NodeId[] = [];
  const stack: NodeId[] = tree.nodes[0] ? [0] : [];
  while (stack.length > 0) {
    const node = tree.nodes[stack.pop() as NodeId];
    if (!node) continue;
    if (test(node)) matches.push(node.id);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as NodeId);
  }
  return { matches, error: null, active };
}

/**
 * The match after (`+1`) or before (`−1`) the current one, wrapping around; the first (or the
 * last, going back) when there is no current one.
 * @returns an index into the matches, or null when there are none
 */
export function stepMatch(count: number, current: number | null, by: 1 | -1): number | null {
  if (count === 0) return null;
  if (current === null || current < 0 || current >= count) return by === 1 ? 0 : count - 1;
  return (current + by + count) % count;
}
