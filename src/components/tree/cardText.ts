import type { SearchTree, TreeNode } from '../../core/tree/tree';
import type { CardDetail, CardTitle } from '../../layout/card';
import { CARD, cardLines, fitText } from '../../layout/card';
import { STRIPE, cardLook, textWidth } from './encodings';
import type { Palette } from './palette';

/**
 * The text of a node's card as positioned runs, so that the SVG (TreeNodeMark), the canvas
 * (drawCanvas) and the exported file (exportSvg) write the same words in the same places.
 */

/** One piece of text on a card, relative to the card's centre (y is the baseline). */
export interface TextRun {
  role: 'title' | 'numbers' | 'score' | 'outcome' | 'short';
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  fill: string;
  anchor: 'start' | 'middle' | 'end';
}

/** The font size that fits `text` (bold) in `room`, at most `max`. */
export function fittedFont(text: string, room: number, max: number): number {
  const w = textWidth(text, max, true);
  return w <= room || w === 0 ? max : Math.max(6, (max * room) / w);
}

/**
 * The runs of a card `w` wide at a level of detail: the title, the numbers line, the score
 * with the outcome at its right (an invalid step's reason in its place) when full; the short
 * form alone, as large as fits, when short; nothing as a mark.
 */
export function cardRuns(
  node: TreeNode,
  title: CardTitle,
  algorithm: SearchTree['algorithm'],
  w: number,
  detail: CardDetail,
  palette: Palette,
): TextRun[] {
  if (detail === 'mark') return [];
  const look = cardLook(node, false, palette, false);
  if (detail === 'short') {
    const size = fittedFont(title.short, w - STRIPE - 10, CARD.shortFont);
    return [
      {
        role: 'short',
        text: title.short,
        x: STRIPE / 2,
        y: size * 0.36,
        size,
        bold: true,
        fill: node.terminal ? look.outcomeColor : palette.text,
        anchor: 'middle',
      },
    ];
  }
  const lines = cardLines(node, algorithm);
  const left = -w / 2 + STRIPE + CARD.padX - 2;
  const room = w - STRIPE - 2 * CARD.padX + 2;
  const top = -CARD.height / 2;
  const base = (i: number) => top + 1 + CARD.lineHeight * (i + 1) + i;
  const runs: TextRun[] = [
    {
      role: 'title',
      text: title.title,
      x: left,
      y: base(0),
      size: fittedFont(title.title, room, CARD.titleFont),
      bold: true,
      fill: palette.text,
      anchor: 'start',
    },
    {
      role: 'numbers',
      text: lines.numbers,
      x: left,
      y: base(1),
      size: CARD.lineFont,
      bold: false,
      fill: palette.text,
      anchor: 'start',
    },
  ];
  const outcome = lines.outcome;
  const reason = outcome?.kind === 'invalid-step';
  const outcomeWidth = outcome && !reason ? textWidth(outcome.text, CARD.lineFont, true) : 0;
  if (!reason && lines.score !== '') {
    runs.push({
      role: 'score',
      text: fitText(lines.score, room - outcomeWidth - 6, CARD.lineFont, false, textWidth),
      x: left,
      y: base(2),
      size: CARD.lineFont,
      bold: false,
      fill: palette.muted,
      anchor: 'start',
    });
  }
  if (outcome) {
    runs.push({
      role: 'outcome',
      text: reason ? fitText(outcome.text, room, CARD.lineFont, true, textWidth) : outcome.text,
      x: reason ? left : left + room,
      y: base(2),
      size: CARD.lineFont,
      bold: true,
      fill: look.outcomeColor,
      anchor: reason ? 'start' : 'end',
    });
  }
  return runs;
}
