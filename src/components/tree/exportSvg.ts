import type { NodeId } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import type { TreeLayout } from '../../layout/tidyTree';
import { linkPath } from '../../layout/tidyTree';
import type { VisibleTree } from '../../layout/visible';
import type { CardBook } from '../../layout/card';
import { CARD, STUB_WIDTH } from '../../layout/card';
import { prmDisagrees } from '../../layout/prmTruth';
import type { TextRun } from './cardText';
import { cardRuns } from './cardText';
import { tooltipLines } from './describe';
import {
  BADGE_FONT,
  CARD_FONT,
  STRIPE,
  cardBadgeCentre,
  cardLook,
  cardMarkers,
  linkLook,
  pillSize,
  stubText,
  textWidth,
} from './encodings';
import type { LegendItem, Swatch } from './legend';
import { hasUnknownEnds, legendItems } from './legend';
import type { Palette } from './palette';
export { exportTitle } from './exportTitle';
import { diamondPath, trianglePath } from './TreeNodeMark';

/**
 * The tree as a standalone SVG file: what the view shows (folded subtrees and stubs as
 * drawn), with the legend, in the current theme's colours. Built as a string: every piece of
 * step text goes through {@link escapeXml}, so model output is text in the file, never markup.
 */

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

/** What goes into the file. */
export interface SvgExportInput {
  tree: SearchTree;
  layout: TreeLayout;
  visible: VisibleTree;
  onPath: ReadonlySet<NodeId>;
  palette: Palette;
  /** The card titles (the tree view's). */
  cards: CardBook;
  /** Whether the task's rule verifier sees the whole truth (PRM-disagreement marks). */
  exactRule: boolean;
  /** The title line ({@link exportTitle}); a plain one naming the root without it. */
  title?: string;
}

/** The file's text and its size in CSS pixels. */
export interface SvgExport {
  svg: string;
  width: number;
  height: number;
}

const PAD = 40;
const FONT = CARD_FONT;
const LEGEND_ROW = 20;

function swatchSvg(s: Swatch): string {
  switch (s.kind) {
    case 'gradient': {
      const stops = s.stops
        .map((c, i) => `<stop offset="${i / (s.stops.length - 1)}" stop-color="${c}"/>`)
        .join('');
      return `<defs><linearGradient id="prm-gradient">${stops}</linearGradient></defs><rect y="3" width="48" height="10" rx="2" fill="url(#prm-gradient)"/>`;
    }
    case 'circle': {
      const ring = s.ring
        ? `<circle cx="12" cy="8" r="${s.r + 3}" fill="none" stroke="${s.ring}" stroke-width="2"/>`
        : '';
      const dash = s.dashed ? ' stroke-dasharray="3 2"' : '';
      return `<g opacity="${s.opacity ?? 1}">${ring}<circle cx="12" cy="8" r="${s.r}" fill="${s.fill}" stroke="${s.stroke}"${dash}/></g>`;
    }
    case 'glyph':
      return `<text x="12" y="13" text-anchor="middle" font-size="14" font-weight="700" fill="${s.color}">${escapeXml(s.glyph)}</text>`;
    case 'diamond':
      return `<path d="${diamondPath(12, 8, 5)}" fill="${s.hollow ? 'none' : s.color}" stroke="${s.color}" stroke-width="1.5"/>`;
    case 'line':
      return `<line x1="1" y1="8" x2="23" y2="8" stroke="${s.color}" stroke-width="${s.width}"${s.dashed ? ' stroke-dasharray="4 3"' : ''}/>`;
    case 'pill':
      return `<rect x="1" y="2" width="22" height="12" rx="6" fill="${s.fill}"${s.dashed ? ` stroke="${s.color}" stroke-dasharray="3 2"` : ''}/><text x="12" y="11" text-anchor="middle" font-size="8" font-weight="600" fill="${s.color}">${escapeXml(s.text)}</text>`;
    case 'card': {
      const ring = s.ring
        ? `<rect x="0.5" y="0.5" width="23" height="15" rx="4" fill="none" stroke="${s.ring}" stroke-width="1.5"/>`
        : '';
      return `<g opacity="${s.opacity ?? 1}">${ring}<rect x="3" y="3" width="18" height="10" rx="2" fill="${s.fill}" stroke="${s.stroke}"/><rect x="3" y="3" width="3" height="10" fill="${s.stripe}"/></g>`;
    }
    case 'triangle':
      return `<path d="M12,2 L18,13 L6,13 Z" fill="${s.color}"/>`;
  }
}

function legendSvg(items: LegendItem[], columns: number, column: number, p: Palette): string {
  return items
    .map((item, i) => {
      const x = (i % columns) * column;
      const y = Math.floor(i / columns) * LEGEND_ROW;
      const dx = item.swatch.kind === 'gradient' ? 54 : 30;
      return `<g transform="translate(${x},${y})">${swatchSvg(item.swatch)}<text x="${dx}" y="12" font-size="11" fill="${p.muted}">${escapeXml(item.label)}</text></g>`;
    })
    .join('');
}

function runSvg(r: TextRun): string {
  const anchor = r.anchor === 'start' ? '' : ` text-anchor="${r.anchor}"`;
  return `<text data-card="${r.role}" x="${r.x}" y="${r.y}" font-size="${r.size}" font-weight="${r.bold ? 700 : 500}"${anchor} fill="${r.fill}">${escapeXml(r.text)}</text>`;
}

function nodeSvg(input: SvgExportInput, id: NodeId, x: number, y: number, w: number): string {
  const { tree, visible, onPath, palette: p, cards } = input;
  const node = tree.nodes[id];
  if (!node) return '';
  const look = cardLook(node, onPath.has(id), p, prmDisagrees(node, input.exactRule) !== null);
  const hidden = visible.hidden.get(id) ?? 0;
  const h = CARD.height;
  const m = cardMarkers(w, h);
  const parts = [
    `<title>${escapeXml(tooltipLines(node, hidden).join('\n'))}</title>`,
    `<rect x="${-w / 2}" y="${-h / 2}" width="${w}" height="${h}" rx="6" fill="${look.fill}" stroke="${look.stroke}" stroke-width="${look.strokeWidth}"${look.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
    `<rect x="${-w / 2 + 0.5}" y="${-h / 2 + 0.5}" width="${STRIPE}" height="${h - 1}" fill="${look.stripe}"/>`,
    ...cardRuns(node, cards.title(node), tree.algorithm, w, 'full', p).map(runSvg),
  ];
  if (look.backtrack) {
    const b = m.backtrack;
    parts.push(`<path d="${diamondPath(b.x, b.y, b.size)}" fill="${p.backtrack}"/>`);
  }
  if (look.selfCorrect) {
    const c = m.selfCorrect;
    parts.push(
      `<path d="${diamondPath(c.x, c.y, c.size)}" fill="${p.background}" stroke="${p.backtrack}" stroke-width="2"/>`,
    );
  }
  if (look.disagree) {
    const t = m.disagree;
    parts.push(`<path d="${trianglePath(t.x, t.y, t.size)}" fill="${p.disagree}"/>`);
  }
  if (hidden > 0) {
    const b = cardBadgeCentre();
    const size = pillSize(`+${hidden}`, BADGE_FONT);
    parts.push(
      `<rect x="${b.x - size.width / 2}" y="${b.y - size.height / 2}" width="${size.width}" height="${size.height}" rx="${size.height / 2}" fill="${p.badgeBg}"/>`,
      `<text x="${b.x}" y="${b.y + BADGE_FONT / 2 - 1}" text-anchor="middle" font-size="${BADGE_FONT}" font-weight="600" fill="${p.badgeText}">+${hidden}</text>`,
    );
  }
  return `<g transform="translate(${x},${y})" opacity="${look.opacity}">${parts.join('')}</g>`;
}

/** The names of the algorithms, as a slide's title line writes them. */

/**
 * The SVG file of the tree as drawn (collapse and top-k applied), slide-ready: a title line
 * (problem, algorithm, event), every node's card with its step and numbers, and a compact
 * legend under the tree; each node's full text and numbers in a `<title>`.
 */
export function treeToSvg(input: SvgExportInput): SvgExport {
  const { tree, layout, palette: p } = input;
  const { minX, maxX, minY, maxY } = layout.bounds;
  const treeWidth = maxX - minX + 2 * PAD;
  const items = legendItems(p, tree.algorithm, hasUnknownEnds(tree));
  // Columns as wide as the longest entry: swatch, gap, label, gap.
  const column = Math.ceil(54 + Math.max(...items.map((i) => textWidth(i.label, 11))) + 16);
  const width = Math.max(Math.ceil(treeWidth), 2 * column + 2 * PAD);
  const columns = Math.max(1, Math.min(items.length, Math.floor((width - 2 * PAD) / column)));
  const legendHeight = Math.ceil(items.length / columns) * LEGEND_ROW;
  const top = PAD + 30;
  const treeHeight = maxY - minY + CARD.height + 2 * 34;
  const height = Math.ceil(top + treeHeight + 12 + legendHeight + PAD);
  const root = tree.nodes[0];
  const heading =
    input.title ??
    `Search tree — ${root ? input.cards.title(root).title : 'empty'} (${layout.nodes.length} of ${tree.nodes.length} nodes shown)`;
  const dx = (width - (maxX - minX)) / 2 - minX;
  const dy = top + 34 + CARD.height / 2 - minY;

  const links = layout.links
    .map((l) => {
      const child = tree.nodes[l.id];
      if (!child) return '';
      const look = linkLook(child, input.onPath.has(l.id), p);
      return `<path d="${linkPath(l)}" stroke="${look.color}" stroke-width="${look.width}" opacity="${look.opacity}" stroke-linecap="round"/>`;
    })
    .join('');
  const stubs = layout.stubs
    .map((s) => {
      const from = layout.byId.get(s.parent);
      const text = stubText(s.hidden.length);
      const size = { width: STUB_WIDTH, height: CARD.height / 2 };
      const link = from
        ? `<path d="${linkPath({ source: from, target: s })}" stroke="${p.link}" stroke-dasharray="4 3"/>`
        : '';
      return `${link}<g transform="translate(${s.x},${s.y})"><rect x="${-size.width / 2}" y="${-size.height / 2}" width="${size.width}" height="${size.height}" rx="${size.height / 2}" fill="${p.labelBg}" stroke="${p.muted}" stroke-dasharray="3 2"/><text y="4.5" text-anchor="middle" font-size="13" fill="${p.muted}">${escapeXml(text)}</text></g>`;
    })
    .join('');
  const nodes = layout.nodes.map((n) => nodeSvg(input, n.id, n.x, n.y, n.w)).join('');

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${escapeXml(heading)}</title>`,
    `<rect width="100%" height="100%" fill="${p.background}"/>`,
    `<text x="${PAD}" y="${PAD + 10}" font-size="20" font-weight="700" fill="${p.text}">${escapeXml(heading)}</text>`,
    `<g transform="translate(${dx},${dy})"><g fill="none">${links}</g>${stubs}${nodes}</g>`,
    `<g transform="translate(${PAD},${top + treeHeight + 12})">${legendSvg(items, columns, column, p)}</g>`,
    '</svg>',
  ].join('\n');
  return { svg, width, height };
}
