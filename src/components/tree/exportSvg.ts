import type { NodeId } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import type { TreeLayout } from '../../layout/tidyTree';
import { linkPath } from '../../layout/tidyTree';
import type { VisibleTree } from '../../layout/visible';
import { shorten, tooltipLines } from './describe';
import {
  BADGE_FONT,
  backtrackMarker,
  badgeCentre,
  linkLook,
  nodeLook,
  pillSize,
  selfCorrectMarker,
  stubText,
  textWidth,
} from './encodings';
import type { LegendItem, Swatch } from './legend';
import { legendItems } from './legend';
import type { Palette } from './palette';
import { diamondPath } from './TreeNodeMark';

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
}

/** The file's text and its size in CSS pixels. */
export interface SvgExport {
  svg: string;
  width: number;
  height: number;
}

const PAD = 40;
const FONT = 'system-ui, -apple-system, Segoe UI, sans-serif';
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

function nodeSvg(input: SvgExportInput, id: NodeId, x: number, y: number): string {
  const { tree, visible, onPath, palette: p } = input;
  const node = tree.nodes[id];
  if (!node) return '';
  const look = nodeLook(node, onPath.has(id), p);
  const hidden = visible.hidden.get(id) ?? 0;
  const parts = [
    `<title>${escapeXml(tooltipLines(node, hidden).join('\n'))}</title>`,
    `<circle r="${look.r}" fill="${look.fill}" stroke="${look.stroke}" stroke-width="${look.strokeWidth}"${look.dashed ? ' stroke-dasharray="3 2"' : ''}/>`,
  ];
  if (look.glyph)
    parts.push(
      `<text x="${look.r + 3}" y="4.5" font-size="13" font-weight="700" fill="${look.glyphColor}">${escapeXml(look.glyph)}</text>`,
    );
  if (look.backtrack) {
    const m = backtrackMarker(look.r);
    parts.push(`<path d="${diamondPath(m.x, m.y, m.size)}" fill="${p.backtrack}"/>`);
  }
  if (look.selfCorrect) {
    const m = selfCorrectMarker(look.r);
    parts.push(
      `<path d="${diamondPath(m.x, m.y, m.size)}" fill="none" stroke="${p.backtrack}" stroke-width="1.5"/>`,
    );
  }
  if (hidden > 0) {
    const b = badgeCentre(look.r);
    const size = pillSize(`+${hidden}`, BADGE_FONT);
    parts.push(
      `<rect x="${b.x - size.width / 2}" y="${b.y - size.height / 2}" width="${size.width}" height="${size.height}" rx="${size.height / 2}" fill="${p.badgeBg}"/>`,
      `<text x="${b.x}" y="${b.y + BADGE_FONT / 2 - 1}" text-anchor="middle" font-size="${BADGE_FONT}" font-weight="600" fill="${p.badgeText}">+${hidden}</text>`,
    );
  }
  return `<g transform="translate(${x},${y})" opacity="${look.opacity}">${parts.join('')}</g>`;
}

/**
 * The SVG file of the tree as drawn (collapse and top-k applied), with a heading (the problem),
 * the legend, and each node's step text and numbers in a `<title>`.
 */
export function treeToSvg(input: SvgExportInput): SvgExport {
  const { tree, layout, palette: p } = input;
  const { minX, maxX, minY, maxY } = layout.bounds;
  const treeWidth = maxX - minX + 2 * PAD;
  const items = legendItems(p);
  // Columns as wide as the longest entry: swatch, gap, label, gap.
  const column = Math.ceil(54 + Math.max(...items.map((i) => textWidth(i.label, 11))) + 24);
  const width = Math.max(Math.ceil(treeWidth), 3 * column + 2 * PAD);
  const columns = Math.max(1, Math.floor((width - 2 * PAD) / column));
  const legendHeight = Math.ceil(items.length / columns) * LEGEND_ROW;
  const top = PAD + 28 + legendHeight + 16;
  const height = Math.ceil(top + maxY - minY + 2 * PAD);
  const root = tree.nodes[0];
  const heading = `Search tree — ${root ? shorten(root.text, 90) : 'empty'} (${layout.nodes.length} of ${tree.nodes.length} nodes shown)`;
  const dx = (width - (maxX - minX)) / 2 - minX;
  const dy = top + PAD - minY;

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
      const size = pillSize(text, BADGE_FONT);
      const link = from
        ? `<path d="${linkPath({ source: from, target: s })}" stroke="${p.link}" stroke-dasharray="4 3"/>`
        : '';
      return `${link}<g transform="translate(${s.x},${s.y})"><rect x="${-size.width / 2}" y="${-size.height / 2}" width="${size.width}" height="${size.height}" rx="${size.height / 2}" fill="${p.labelBg}" stroke="${p.muted}" stroke-dasharray="3 2"/><text y="${BADGE_FONT / 2 - 1}" text-anchor="middle" font-size="${BADGE_FONT}" fill="${p.muted}">${escapeXml(text)}</text></g>`;
    })
    .join('');
  const nodes = layout.nodes.map((n) => nodeSvg(input, n.id, n.x, n.y)).join('');

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${escapeXml(heading)}</title>`,
    `<rect width="100%" height="100%" fill="${p.background}"/>`,
    `<text x="${PAD}" y="${PAD + 8}" font-size="16" font-weight="600" fill="${p.text}">${escapeXml(heading)}</text>`,
    `<g transform="translate(${PAD},${PAD + 28})">${legendSvg(items, columns, column, p)}</g>`,
    `<g transform="translate(${dx},${dy})"><g fill="none">${links}</g>${stubs}${nodes}</g>`,
    '</svg>',
  ].join('\n');
  return { svg, width, height };
}
