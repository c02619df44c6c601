import type { Point } from '../../layout/tidyTree';
import type { CanvasPaths, CanvasScene, CanvasView } from './canvasPaths';
import type { CardDetail } from '../../layout/card';
import { CARD, cardDetail } from '../../layout/card';
import { prmDisagrees } from '../../layout/prmTruth';
import { cardRuns } from './cardText';
import {
  BADGE_FONT,
  CARD_FONT,
  cardBadgeCentre,
  cardLook,
  cardMarkers,
  pillSize,
  stubText,
} from './encodings';

/**
 * The tree drawn on a canvas, for trees too large for SVG, with the same encodings as the SVG
 * (encodings.ts, cardText.ts): the prepared batches of canvasPaths.ts under the view's
 * transform, then the text, markers, badges and stubs of the cards in view, once they are big
 * enough to read (so a 20,000-node tree writes only the few dozen cards on screen).
 */

/** A rounded pill with centred text. */
function pill(
  ctx: CanvasRenderingContext2D,
  at: Point,
  text: string,
  fill: string,
  color: string,
  dashed: boolean,
): void {
  const { width, height } = pillSize(text, BADGE_FONT);
  ctx.beginPath();
  ctx.roundRect(at.x - width / 2, at.y - height / 2, width, height, height / 2);
  ctx.fillStyle = fill;
  ctx.fill();
  if (dashed) {
    ctx.setLineDash([3, 2]);
    ctx.strokeStyle = color;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.fillStyle = color;
  ctx.fillText(text, at.x, at.y + 0.5);
}

function diamond(ctx: CanvasRenderingContext2D, x: number, y: number, s: number): void {
  ctx.beginPath();
  ctx.moveTo(x, y - s);
  ctx.lineTo(x + s, y);
  ctx.lineTo(x, y + s);
  ctx.lineTo(x - s, y);
  ctx.closePath();
}

/** Draws the text, markers and badges of the cards in view (only when they can be read). */
function drawDetails(
  ctx: CanvasRenderingContext2D,
  scene: CanvasScene,
  paths: CanvasPaths,
  inView: (p: Point) => boolean,
  detail: CardDetail,
): void {
  const { tree, visible, palette, cards, exactRule } = scene;
  ctx.textBaseline = 'alphabetic';
  const h = CARD.height;
  for (const d of paths.details) {
    const node = tree.nodes[d.id];
    if (!node || !inView(d.at)) continue;
    const look = cardLook(node, false, palette, prmDisagrees(node, exactRule) !== null);
    ctx.globalAlpha = look.opacity;
    for (const run of cardRuns(node, cards.title(node), tree.algorithm, d.w, detail, palette)) {
      ctx.font = `${run.bold ? 700 : 500} ${run.size}px ${CARD_FONT}`;
      ctx.textAlign = run.anchor === 'middle' ? 'center' : run.anchor;
      ctx.fillStyle = run.fill;
      ctx.fillText(run.text, d.at.x + run.x, d.at.y + run.y);
    }
    const m = cardMarkers(d.w, h);
    ctx.strokeStyle = palette.backtrack;
    ctx.fillStyle = palette.backtrack;
    ctx.lineWidth = 2;
    if (look.backtrack) {
      diamond(ctx, d.at.x + m.backtrack.x, d.at.y + m.backtrack.y, m.backtrack.size);
      ctx.fill();
    }
    if (look.selfCorrect) {
      diamond(ctx, d.at.x + m.selfCorrect.x, d.at.y + m.selfCorrect.y, m.selfCorrect.size);
      ctx.stroke();
    }
    if (look.disagree) {
      const t = m.disagree;
      ctx.beginPath();
      ctx.moveTo(d.at.x + t.x, d.at.y + t.y - t.size);
      ctx.lineTo(d.at.x + t.x + t.size, d.at.y + t.y + t.size * 0.8);
      ctx.lineTo(d.at.x + t.x - t.size, d.at.y + t.y + t.size * 0.8);
      ctx.closePath();
      ctx.fillStyle = palette.disagree;
      ctx.fill();
    }
    const hidden = visible.hidden.get(d.id);
    if (hidden) {
      ctx.font = `600 ${BADGE_FONT}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      const b = cardBadgeCentre();
      pill(
        ctx,
        { x: d.at.x + b.x, y: d.at.y + b.y },
        `+${hidden}`,
        palette.badgeBg,
        palette.badgeText,
        false,
      );
      ctx.textBaseline = 'alphabetic';
    }
  }
  ctx.globalAlpha = 1;
}

/** Draws prepared geometry under the view's transform. */
export function drawTree(
  ctx: CanvasRenderingContext2D,
  scene: CanvasScene,
  paths: CanvasPaths,
  view: CanvasView,
): void {
  const { t, dpr } = view;
  const k = t.k;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, view.width, view.height);
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * t.x, dpr * t.y);
  for (const b of paths.lines) {
    ctx.globalAlpha = b.alpha;
    ctx.strokeStyle = b.style;
    ctx.lineWidth = Math.max(b.width, 0.75 / k);
    ctx.setLineDash(b.dash ? [4, 3] : []);
    ctx.stroke(b.path);
  }
  ctx.setLineDash([]);
  for (const b of paths.fills) {
    ctx.globalAlpha = b.alpha;
    ctx.fillStyle = b.style;
    ctx.fill(b.path);
  }
  for (const b of paths.outlines) {
    ctx.globalAlpha = b.alpha;
    ctx.strokeStyle = b.style;
    ctx.lineWidth = b.width;
    ctx.setLineDash(b.dash ? [3, 2] : []);
    ctx.stroke(b.path);
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  const detail = scene.labels ? cardDetail(k) : 'mark';
  if (k < 0.2) return;
  const margin = 120 / k;
  const inView = (p: Point) =>
    p.x >= -t.x / k - margin &&
    p.x <= (view.width - t.x) / k + margin &&
    p.y >= -t.y / k - margin &&
    p.y <= (view.height - t.y) / k + margin;
  drawDetails(ctx, scene, paths, inView, detail);
  ctx.font = `13px ${CARD_FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const s of scene.layout.stubs)
    if (inView(s))
      pill(ctx, s, stubText(s.hidden.length), scene.palette.labelBg, scene.palette.muted, true);
}
