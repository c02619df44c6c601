import type { NodeId } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import type { Overlay, UcbLabel } from '../../layout/overlay';
import { backpropDot } from '../../layout/overlayExtent';
import type { Point, TreeLayout } from '../../layout/tidyTree';
import { trimmedLinkPoints } from '../../layout/tidyTree';
import { CARD, num } from '../../layout/card';
import { shorten } from './describe';
import { STRIPE, cardBox, textWidth } from './encodings';
import { OverlayLabel } from './OverlayLabel';
import type { Palette } from './palette';
import { stagesShown } from './useOverlayClock';

/**
 * The timed overlays: the selection descending level by level, the rollout unrolling step by
 * step, the value travelling up. Each shows its final state when `elapsed` is Infinity.
 */

/** What every overlay part draws with. */
export interface PartProps<K extends Overlay['kind']> {
  overlay: Extract<Overlay, { kind: K }>;
  tree: SearchTree;
  layout: TreeLayout;
  palette: Palette;
  /** Label scale against the zoom. */
  scale: number;
  /** Milliseconds since the event came up (Infinity: show the final state). */
  elapsed: number;
  /** Milliseconds per stage (a selection level, a rollout step, a backprop stop). */
  stepMs: number;
  /** Where a label under a node's card goes. */
  below: (id: NodeId) => Point | null;
}

/** A dashed ring around a node's card, a little outside it. */
export function Ring({
  id,
  tree,
  layout,
  color,
  pulse,
}: {
  id: NodeId;
  tree: SearchTree;
  layout: TreeLayout;
  color: string;
  pulse?: boolean;
}) {
  const p = layout.byId.get(id);
  const node = tree.nodes[id];
  if (!p || !node) return null;
  return (
    <rect
      className={pulse ? 'arbor-pulse' : undefined}
      {...cardBox(p, 5)}
      rx={9}
      fill="none"
      stroke={color}
      strokeWidth={2}
      strokeDasharray="4 3"
    />
  );
}

/** The selection: the path drawn one level at a time, each candidate's UCB above its card. */
export function SelectOverlay({
  overlay,
  tree,
  layout,
  palette,
  elapsed,
  stepMs,
}: PartProps<'select'>) {
  const shown = stagesShown(elapsed, stepMs, Math.max(1, overlay.levels));
  const edges = overlay.path.slice(1, shown + 1);
  return (
    <g data-overlay="select">
      <Ring id={overlay.path[0] ?? 0} tree={tree} layout={layout} color={palette.path} />
      {edges.map((id, i) => {
        const from = overlay.path[i] ?? 0;
        const s = layout.byId.get(from);
        const t = layout.byId.get(id);
        if (!s || !t) return null;
        const r0 = CARD.height / 2 + 2;
        const r1 = CARD.height / 2 + 2;
        const d = trimmedLinkPoints({ source: s, target: t }, r0, r1)
          .map((p, j) => `${j === 0 ? 'M' : 'L'}${p.x},${p.y}`)
          .join('');
        return (
          <path
            key={id}
            d={d}
            fill="none"
            stroke={palette.path}
            strokeWidth={5}
            strokeOpacity={0.45}
            strokeLinecap="round"
          />
        );
      })}
      {overlay.labels
        .filter((l) => l.level < shown)
        .map((l) => (
          <UcbTag key={`${l.parent}-${l.child}`} label={l} palette={palette} />
        ))}
    </g>
  );
}

/** The simulation: the rollout's steps as ghost nodes below the node, then answer and reward. */
export function RolloutOverlay({
  overlay,
  tree,
  layout,
  palette,
  scale,
  elapsed,
  stepMs,
  below,
}: PartProps<'simulate'>) {
  const shown = stagesShown(elapsed, stepMs, Math.max(1, overlay.ghosts.length));
  const ghosts = overlay.ghosts.slice(0, shown);
  const last = ghosts[ghosts.length - 1]?.at ?? null;
  const done = shown >= overlay.ghosts.length;
  const captionAt = last ? { x: last.x, y: last.y + 22 * scale } : below(overlay.from);
  return (
    <g data-overlay="simulate">
      <Ring id={overlay.from} tree={tree} layout={layout} color={palette.ghost} />
      {last && (
        <line
          x1={overlay.origin.x}
          y1={overlay.origin.y}
          x2={last.x}
          y2={last.y}
          stroke={palette.ghost}
          strokeWidth={1.5}
          strokeDasharray="5 4"
        />
      )}
      {ghosts.map((g, i) => (
        <g key={i} data-ghost={i}>
          <circle
            cx={g.at.x}
            cy={g.at.y}
            r={5}
            fill={palette.labelBg}
            stroke={palette.ghost}
            strokeWidth={1.5}
            strokeDasharray="2 2"
          />
          <OverlayLabel
            at={{ x: g.at.x + 9 * scale, y: g.at.y }}
            text={shorten(g.text, 28)}
            tone="muted"
            anchor="start"
            palette={palette}
            scale={scale}
          />
        </g>
      ))}
      {done && captionAt && (
        <OverlayLabel
          at={captionAt}
          text={overlay.caption}
          tone="plain"
          palette={palette}
          scale={scale}
        />
      )}
    </g>
  );
}

/**
 * The backpropagation: the value travelling up, N and Q changing on each card it reaches,
 * written over the card's own numbers line so that nothing else is covered.
 */
export function BackpropOverlay({
  overlay,
  palette,
  scale,
  elapsed,
  stepMs,
}: PartProps<'backprop'>) {
  const progress = Number.isFinite(elapsed) ? elapsed / stepMs : Infinity;
  const dot = backpropDot(overlay.stops, progress);
  return (
    <g data-overlay="backprop">
      {overlay.stops.map((s, i) => {
        const reached = progress >= i;
        const lines = reached
          ? [`N ${s.before.N} → ${s.after.N}`, `Q ${num(s.before.Q)} → ${num(s.after.Q)}`]
          : [`N ${s.before.N}`, `Q ${num(s.before.Q)}`];
        const x = s.at.x - s.w / 2 + STRIPE;
        const width = s.w - STRIPE - 1.5;
        // Over the card's lines 2 and 3: its own numbers, nothing else.
        const y = s.at.y - CARD.height / 2 + CARD.lineHeight + 3;
        const height = CARD.height - CARD.lineHeight - 4.5;
        const widest = Math.max(...lines.map((l) => textWidth(l, CARD.lineFont, true)));
        const font = Math.min(CARD.lineFont + 1, (CARD.lineFont * (width - 8)) / widest);
        return (
          <g key={s.id} data-backprop={s.id} data-reached={reached || undefined}>
            <rect
              x={x}
              y={y}
              width={width}
              height={height}
              fill={reached ? palette.path : palette.card}
            />
            {lines.map((line, j) => (
              <text
                key={j}
                x={x + 4}
                y={y + (height / 4) * (2 * j + 1)}
                dominantBaseline="central"
                fontSize={font}
                fontWeight={700}
                fill={reached ? palette.onPath : palette.muted}
              >
                {line}
              </text>
            ))}
          </g>
        );
      })}
      {dot && (
        <g transform={`translate(${dot.x},${dot.y})`}>
          <circle
            r={5 * Math.min(scale, 1.6)}
            fill={palette.travel}
            stroke={palette.background}
            strokeWidth={1.5}
          />
          <OverlayLabel
            at={{ x: 0, y: -14 * scale }}
            text={`+${overlay.value.toFixed(2)}`}
            tone="plain"
            palette={palette}
            scale={scale}
          />
        </g>
      )}
    </g>
  );
}

/**
 * A candidate's UCB with its numbers plugged in, in the gap above its card: the terms on one
 * line, the total (★ the winner) on the next, never wider than the candidate's own slot.
 */
export function UcbTag({ label, palette }: { label: UcbLabel; palette: Palette }) {
  const { formula, winner } = label;
  const total = winner ? `${formula.total} ★` : formula.total;
  const widest = Math.max(textWidth(formula.terms, 13, false), textWidth(total, 13, true));
  const font = Math.min(13, (13 * (label.room - 8)) / widest);
  const width = Math.min(label.room, (widest * font) / 13 + 8);
  const line = font + 3;
  const height = 2 * line + 4;
  const color = winner ? palette.onPath : palette.text;
  return (
    <g
      transform={`translate(${label.at.x},${label.at.y})`}
      data-ucb={label.child}
      data-winner={winner || undefined}
    >
      <rect
        x={-width / 2}
        y={-height / 2}
        width={width}
        height={height}
        rx={4}
        fill={winner ? palette.path : palette.labelBg}
        stroke={winner ? palette.path : palette.labelBorder}
        strokeWidth={1}
      />
      <text
        y={-line / 2 + 1}
        textAnchor="middle"
        dominantBaseline="central"
        fontSize={font}
        fill={color}
      >
        {formula.terms}
      </text>
      <text
        y={line / 2 + 1}
        textAnchor="middle"
        dominantBaseline="central"
        fontSize={font}
        fontWeight={700}
        fill={color}
      >
        {total}
      </text>
    </g>
  );
}
