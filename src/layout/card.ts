import type { SearchTree, TreeNode } from '../core/tree/tree';
import { q } from '../core/tree/tree';
import type { TerminalKind } from '../core/tree/events';
import { cutText, tinyStep } from '../core/tasks/stepText';

/**
 * A tree node drawn as a labelled card: its step in short form, its numbers, its outcome.
 * The words and the sizes are computed here, without a DOM, so the layout can space nodes
 * for their cards and the SVG, the canvas and the exported files draw the same card. Text is
 * measured by a function passed in (the page's canvas in the browser, an estimate in tests).
 */

/** Measures `text` at `fontPx` in the card's font, in layout units. */
export type Measure = (text: string, fontPx: number, bold: boolean) => number;

/**
 * A measure that never comes out narrower than a sans-serif's real widths for digits, signs
 * and lowercase text (0.62 em a character bold, 0.58 regular), for layouts without a DOM.
 */
export const estimateWidth: Measure = (text, fontPx, bold) =>
  [...text].length * fontPx * (bold ? 0.62 : 0.58);

/** Sizes of a card in layout units (one unit is a CSS pixel at zoom 1). */
export const CARD = {
  /** The step line. */
  titleFont: 15,
  /** The numbers and outcome lines. */
  lineFont: 13,
  lineHeight: 17,
  padX: 7,
  /** Three lines and padding. */
  height: 58,
  /** Wide enough for `PRM 0.81` with `✗ 20` beside it, and `N 12 · Q −0.50`. */
  minWidth: 128,
  maxWidth: 220,
  /** The longest step title, in characters, before it is cut. */
  maxTitleChars: 28,
  /** Between sibling cards. */
  gapX: 12,
  /** Between cards of different parents. */
  cousinGap: 28,
  /** Between a card's bottom and the next row's top: room for the select overlay's labels. */
  gapY: 50,
  /** The largest font of the far-out short form. */
  shortFont: 30,
} as const;

/** Distance between rows of cards. */
export const CARD_DY = CARD.height + CARD.gapY;

/** Width of a "+N more" stub card. */
export const STUB_WIDTH = 76;

/** How much of a card is drawn at a zoom: every line, the short form, or a coloured mark. */
export type CardDetail = 'full' | 'short' | 'mark';

/** Below this zoom the card's lines are too small to read (a 15 px title under 9 px). */
export const FULL_DETAIL_SCALE = 0.6;
/** Below this the short form (up to 30 px) is under about 8 px: a mark is drawn instead. */
export const SHORT_DETAIL_SCALE = 0.27;

/**
 * The level of detail at zoom `k`: full labels where they can be read, then the short form,
 * then marks.
 * @example cardDetail(1) // 'full'; cardDetail(0.4) // 'short'; cardDetail(0.1) // 'mark'
 */
export function cardDetail(k: number): CardDetail {
  if (k >= FULL_DETAIL_SCALE) return 'full';
  return k >= SHORT_DETAIL_SCALE ? 'short' : 'mark';
}

/** Cuts `text` (more, from the end) until it is at most `width` wide at `fontPx`. */
export function fitText(
  text: string,
  width: number,
  fontPx: number,
  bold: boolean,
  measure: Measure,
): string {
  if (measure(text, fontPx, bold) <= width) return text;
  let chars = [...text].length;
  let cut = text;
  while (chars > 1 && measure(cut, fontPx, bold) > width) {
    chars--;
    cut = cutText(text, chars);
  }
  return cut;
}

/** A node's step as its card shows it: the short form cut to a card's width. */
export interface CardTitle {
  /** The step line of the full card. */
  title: string;
  /** The far-out short form (`= 24`; the root's numbers). */
  short: string;
  /** The card's width: the title's and the numbers' room. */
  width: number;
}

/**
 * The title and width of a node's card.
 * @param shortStep the task's short form (its registry entry's `shortStep`)
 */
export function cardTitle(
  node: Pick<TreeNode, 'text' | 'parent'>,
  shortStep: (text: string, isRoot: boolean) => string,
  measure: Measure,
): CardTitle {
  const root = node.parent === null;
  let full: string;
  try {
    full = shortStep(node.text, root);
  } catch {
    full = node.text;
  }
  const room = CARD.maxWidth - 2 * CARD.padX;
  const title = fitText(cutText(full, CARD.maxTitleChars), room, CARD.titleFont, true, measure);
  const width = Math.min(
    CARD.maxWidth,
    Math.max(CARD.minWidth, Math.ceil(measure(title, CARD.titleFont, true) + 2 * CARD.padX)),
  );
  return { title, short: root ? cutText(title, 12) : tinyStep(full), width };
}

/** How a node ended, as its card writes it. */
export interface CardOutcome {
  kind: TerminalKind;
  text: string;
}

/** The words of a card below its title. */
export interface CardLines {
  /** Line 2: `N 3 · Q 0.67` (MCTS), the PRM score elsewhere. */
  numbers: string;
  /** Line 3: the PRM score (MCTS), or `pruned` (beam); empty when there is nothing. */
  score: string;
  /** Drawn at line 3's right (the answer), or in its place (an invalid step's reason). */
  outcome: CardOutcome | null;
}

/** A number with two decimals and a true minus sign. */
export function num(v: number): string {
  return v.toFixed(2).replace('-', '−');
}

const prmText = (node: TreeNode): string => (node.prm === null ? '' : `PRM ${num(node.prm)}`);

/**
 * What ended the node: `✓ 24`, `✗ 20`, `? 72` (an end whose correctness the file does not
 * say; `? end` without an answer), `⊘ uses 9, not available`.
 */
export function cardOutcome(node: TreeNode): CardOutcome | null {
  const t = node.terminal;
  if (t?.kind === 'solved') return { kind: t.kind, text: `✓ ${t.answer}` };
  if (t?.kind === 'wrong-answer') return { kind: t.kind, text: `✗ ${t.answer}` };
  if (t?.kind === 'unknown')
    return { kind: t.kind, text: `? ${t.answer === '' ? 'end' : t.answer}` };
  if (t?.kind === 'invalid-step' || !node.valid) {
    return { kind: 'invalid-step', text: `⊘ ${flatReason(node.invalidReason)}` };
  }
  return null;
}

function flatReason(reason: string | null): string {
  return reason === null || reason.trim() === '' ? 'invalid step' : reason.replace(/\s+/g, ' ');
}

/**
 * The lines of a node's card, in the algorithm's own quantities: MCTS shows visits and Q;
 * beam search and best-of-N, which visit nothing, show the PRM score (and a pruned beam says
 * so).
 */
export function cardLines(node: TreeNode, algorithm: SearchTree['algorithm']): CardLines {
  const outcome = cardOutcome(node);
  if (algorithm === 'mcts' || algorithm === null) {
    return { numbers: `N ${node.N} · Q ${num(q(node))}`, score: prmText(node), outcome };
  }
  const numbers =
    node.prm === null ? (node.parent === null ? 'root' : 'not scored') : prmText(node);
  return { numbers, score: node.pruned ? 'pruned' : '', outcome };
}

/** The card titles of one run's nodes, each worked out once (a node's text never changes). */
export interface CardBook {
  title(node: TreeNode): CardTitle;
}

/**
 * A memo of card titles by node id, for one run (one task, one measure).
 * @param shortStep the task's short form
 */
export function createCardBook(
  shortStep: (text: string, isRoot: boolean) => string,
  measure: Measure = estimateWidth,
): CardBook {
  const memo = new Map<number, { text: string; title: CardTitle }>();
  return {
    title(node) {
      const hit = memo.get(node.id);
      if (hit && hit.text === node.text) return hit.title;
      const title = cardTitle(node, shortStep, measure);
      memo.set(node.id, { text: node.text, title });
      return title;
    },
  };
}

/** The layout options that space a tree's nodes as cards of `book`'s widths. */
export function cardLayout(tree: SearchTree, book: CardBook) {
  return {
    dy: CARD_DY,
    width: (id: number) => {
      const node = tree.nodes[id];
      return node ? book.title(node).width : CARD.minWidth;
    },
    stubWidth: STUB_WIDTH,
    gap: CARD.gapX,
    cousinGap: CARD.cousinGap,
  };
}
