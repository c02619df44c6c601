import type { Hit } from '../../layout/hitTest';
import type { Point } from '../../layout/tidyTree';
import { stubName, tooltipLines } from './describe';
import { CARD } from '../../layout/card';
import type { TreeModel } from './useTreeModel';

/** What a tooltip shows and where (layout coordinates, radius in layout units). */
export interface TooltipContent {
  lines: string[];
  at: Point;
  radius: number;
}

/** The tooltip for what is hovered or focused: a node's text and numbers, or a stub's count. */
export function tooltipContent(
  model: Pick<TreeModel, 'tree' | 'layout' | 'visible'>,
  hit: Hit | null,
): TooltipContent | null {
  const { tree, layout, visible } = model;
  if (!hit) return null;
  if (hit.kind === 'more') {
    const stub = layout.stubs.find((s) => s.parent === hit.parent);
    return stub
      ? {
          lines: [stubName(stub.hidden.length, tree.nodes[hit.parent])],
          at: stub,
          radius: CARD.height / 4,
        }
      : null;
  }
  const node = tree.nodes[hit.id];
  const at = layout.byId.get(hit.id);
  if (!node || !at) return null;
  return {
    lines: tooltipLines(node, visible.hidden.get(hit.id) ?? 0),
    at,
    radius: at.w / 2,
  };
}

/** Props of {@link TreeTooltip}. */
export interface TreeTooltipProps {
  /** Lines of text; the first (the step text) is shown in a monospace font. */
  lines: readonly string[];
  /** The node's centre on screen, relative to the viewport, and its screen radius. */
  at: Point;
  radius: number;
  viewport: { width: number; height: number };
}

const WIDTH = 288;

/**
 * The tooltip of the hovered (or keyboard-focused) node: its step text and numbers, rendered as
 * React text nodes — model output is never parsed as HTML. Placed beside the node, on the side
 * with room, inside the viewport; it never takes the pointer.
 */
export function TreeTooltip({ lines, at, radius, viewport }: TreeTooltipProps) {
  const [first, ...rest] = lines;
  const roomRight = viewport.width - (at.x + radius + 12);
  const left = roomRight >= WIDTH ? at.x + radius + 12 : Math.max(4, at.x - radius - 12 - WIDTH);
  const top = Math.max(4, Math.min(at.y - 16, viewport.height - 120));
  return (
    <div
      role="tooltip"
      id="arbor-tree-tooltip"
      className="pointer-events-none absolute z-20 rounded-md border border-slate-300 bg-white/95 px-2.5 py-1.5 text-xs text-slate-900 shadow-md dark:border-slate-600 dark:bg-slate-900/95 dark:text-slate-100"
      style={{ left, top, width: WIDTH }}
    >
      <p className="whitespace-pre-wrap break-words font-mono text-[13px] font-medium">{first}</p>
      {rest.map((line, i) => (
        <p key={i} className="mt-0.5 text-slate-600 dark:text-slate-300">
          {line}
        </p>
      ))}
    </div>
  );
}
