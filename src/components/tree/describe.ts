import type { JudgeKind } from '../../core/tree/events';
import type { TreeNode } from '../../core/tree/tree';
import { q } from '../../core/tree/tree';
import { TERMINAL_MARK } from './encodings';

/**
 * Words for a node: the accessible name a screen reader announces and the tooltip's lines.
 * Plain strings, always drawn as text (React text nodes, canvas fillText, escaped XML), never
 * parsed as HTML: step text is model output.
 */

const JUDGE_WORDS: Record<JudgeKind, string> = {
  rule: 'rule verifier',
  'simulated-prm': 'simulated PRM',
  rollout: 'rollout value',
  self: 'self-judge',
  sprm: 'SPRM head',
  imported: 'imported score',
};

/** A step text cut to `max` characters with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * What the node's end was, in words ("solved", "wrong answer 23", "answer 72, correctness
 * unknown", "invalid step").
 */
function endWords(node: TreeNode): string | null {
  const t = node.terminal;
  if (!t) return null;
  if (t.kind === 'wrong-answer') return `${TERMINAL_MARK[t.kind].words} ${t.answer}`;
  if (t.kind === 'unknown') {
    return t.answer === ''
      ? `ends the line, ${TERMINAL_MARK.unknown.words}`
      : `answer ${t.answer}, ${TERMINAL_MARK.unknown.words}`;
  }
  return TERMINAL_MARK[t.kind].words;
}

/** The first word of a tooltip's end line, per kind of end. */
const END_HEADING = {
  solved: 'Solved',
  'wrong-answer': 'Wrong answer',
  'invalid-step': 'Invalid step',
  unknown: 'Ends the line, correctness unknown',
} as const;

/** Flags about a node, as words, in a fixed order. */
function flagWords(node: TreeNode, hiddenCount: number): string[] {
  const words: string[] = [];
  if (!node.valid && node.terminal?.kind !== 'invalid-step') words.push('invalid step');
  if (node.pruned) words.push('pruned');
  if (node.backtracks > 0) words.push('backtracking point');
  if (node.inTextBacktrack) words.push('corrects itself');
  if (hiddenCount > 0) words.push(`collapsed, ${hiddenCount} hidden`);
  return words;
}

/**
 * The accessible name of a node.
 * @example nodeName(node) // "Step '8 * 3 = 24', N 5, Q 0.60, PRM 0.81, solved"
 */
export function nodeName(node: TreeNode, hiddenCount = 0): string {
  const what = node.parent === null ? 'Problem' : 'Step';
  const parts = [`${what} '${shorten(node.text, 80)}'`, `N ${node.N}`, `Q ${q(node).toFixed(2)}`];
  if (node.prm !== null) parts.push(`PRM ${node.prm.toFixed(2)}`);
  const end = endWords(node);
  if (end) parts.push(end);
  return [...parts, ...flagWords(node, hiddenCount)].join(', ');
}

/** The tooltip of a node: its full step text first, then its numbers and flags. */
export function tooltipLines(node: TreeNode, hiddenCount = 0): string[] {
  const prm =
    node.prm === null
      ? 'PRM not scored'
      : `PRM ${node.prm.toFixed(2)}${node.judge ? ` (${JUDGE_WORDS[node.judge]})` : ''}`;
  const lines = [
    node.text,
    `N ${node.N} · W ${node.W.toFixed(2)} · Q ${q(node).toFixed(3)} · ${prm}`,
  ];
  const t = node.terminal;
  if (t) {
    const answer = t.answer === '' ? '' : `: ${t.answer}`;
    lines.push(`${END_HEADING[t.kind]}${answer}`);
  }
  if (!node.valid && node.invalidReason) lines.push(`Invalid: ${node.invalidReason}`);
  if (node.pruned) lines.push('Pruned by the beam');
  if (node.backtracks > 0)
    lines.push(`Backtracking point: the search came back here ${node.backtracks}×`);
  if (node.inTextBacktrack) lines.push('The step corrects itself ("Wait…")');
  if (hiddenCount > 0)
    lines.push(`Collapsed: ${hiddenCount} nodes hidden (double-click or − to unfold)`);
  return lines;
}

/** The accessible name and tooltip of a "+N more" stub. */
export function stubName(hidden: number, parent: TreeNode | undefined): string {
  const of = parent
    ? ` of ${parent.parent === null ? 'the problem' : `'${shorten(parent.text, 40)}'`}`
    : '';
  return `${hidden} more ${hidden === 1 ? 'child' : 'children'}${of}, fewer visits: click to show`;
}
