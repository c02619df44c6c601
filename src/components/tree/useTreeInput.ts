import type { KeyboardEvent, MouseEvent, PointerEvent, RefObject } from 'react';
import { useMemo, useState } from 'react';
import type { NodeId } from '../../core/tree/events';
import type { Transform } from '../../layout/fit';
import { invert } from '../../layout/fit';
import type { Hit, HitBox } from '../../layout/hitTest';
import { hitTest } from '../../layout/hitTest';
import { MOVE_KEYS, moveFocus } from '../../layout/keyNav';
import { hoverNode, pickNode, selectNode, toggleCollapsed } from '../../store';
import { CARD } from '../../layout/card';
import { BADGE_FONT, CARD_STUB_HALF, cardBadgeCentre, cardFoldButton, pillSize } from './encodings';
import type { TreeModel } from './useTreeModel';

/** Pointer and key handlers of the tree, and what the pointer is over. */
export interface TreeInput {
  /** What is under the pointer (null when nothing or outside). */
  hit: Hit | null;
  /** The last move was made with the keys (the focused node then gets the tooltip). */
  byKeys: boolean;
  onPointerMove: (e: PointerEvent<HTMLElement>) => void;
  onPointerLeave: () => void;
  onClick: (e: MouseEvent<HTMLElement>) => void;
  onDoubleClick: (e: MouseEvent<HTMLElement>) => void;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
}

/** What {@link useTreeInput} needs. */
export interface TreeInputArgs {
  model: TreeModel;
  transform: Transform;
  viewport: RefObject<HTMLElement | null>;
  /** The focusable ARIA tree, focused when the drawing is clicked. */
  focusTarget: RefObject<HTMLElement | null>;
  focusId: NodeId | null;
  setFocusId: (id: NodeId) => void;
  openStub: (parent: NodeId) => void;
  /** Brings a node into view (after a keyboard move). */
  reveal: (id: NodeId) => void;
}

/** Pixels of reach around small targets, on screen. */
const SLACK_PX = 4;

/**
 * Hover, click, double-click and keys over the tree, by hit-testing the layout (the same in SVG
 * and canvas): hover shows a tooltip and marks the node in the store; click selects a node,
 * opens a "+N more" stub, or unfolds a badge; double-click or the fold button folds a subtree.
 */
export function useTreeInput(args: TreeInputArgs): TreeInput {
  const { model, transform, viewport, focusTarget, focusId, setFocusId, openStub, reveal } = args;
  const { tree, layout, visible, selectedId } = model;
  const [hit, setHit] = useState<Hit | null>(null);
  const [byKeys, setByKeys] = useState(false);

  const boxes = useMemo(() => {
    const out: HitBox[] = [];
    const node = selectedId === null ? undefined : tree.nodes[selectedId];
    const at = selectedId === null ? undefined : layout.byId.get(selectedId);
    if (node && at && selectedId !== null && node.children.length > 0) {
      const f = cardFoldButton(at.w);
      const r = f.r + 1;
      out.push({
        hit: { kind: 'fold', id: selectedId },
        box: {
          minX: at.x + f.x - r,
          maxX: at.x + f.x + r,
          minY: at.y + f.y - r,
          maxY: at.y + f.y + r,
        },
      });
    }
    for (const [id, hidden] of visible.hidden) {
      const p = layout.byId.get(id);
      const n = tree.nodes[id];
      if (!p || !n) continue;
      const c = cardBadgeCentre();
      const s = pillSize(`+${hidden}`, BADGE_FONT);
      out.push({
        hit: { kind: 'badge', id },
        box: {
          minX: p.x + c.x - s.width / 2,
          maxX: p.x + c.x + s.width / 2,
          minY: p.y + c.y - s.height / 2,
          maxY: p.y + c.y + s.height / 2,
        },
      });
    }
    return out;
  }, [tree, layout, visible, selectedId]);

  const find = (e: { clientX: number; clientY: number }): Hit | null => {
    const rect = viewport.current?.getBoundingClientRect();
    if (!rect) return null;
    const p = invert(transform, { x: e.clientX - rect.left, y: e.clientY - rect.top });
    return hitTest(layout, p, {
      radiusOf: () => SLACK_PX / transform.k,
      // Cards a few pixels wide are aimed at as points: the nearest centre wins.
      ...(transform.k * CARD.minWidth >= 8 ? { halfHeight: CARD.height / 2 } : {}),
      slack: SLACK_PX / transform.k,
      stub: CARD_STUB_HALF,
      boxes,
    });
  };

  const act = (h: Hit | null) => {
    if (!h) return;
    if (h.kind === 'node') {
      // A select question waiting for a pick takes the click (issue 11).
      if (!pickNode(h.id)) selectNode(h.id);
      setFocusId(h.id);
    } else if (h.kind === 'more') openStub(h.parent);
    else toggleCollapsed(h.id);
  };

  const current = focusId ?? selectedId ?? 0;
  return {
    hit,
    byKeys,
    onPointerMove: (e) => {
      setByKeys(false);
      const h = find(e);
      setHit((old) => (JSON.stringify(old) === JSON.stringify(h) ? old : h));
      hoverNode(h?.kind === 'node' ? h.id : null);
    },
    onPointerLeave: () => {
      setHit(null);
      hoverNode(null);
    },
    onClick: (e) => {
      // After the press (whose default moved focus away): the keys now drive the tree.
      focusTarget.current?.focus({ preventScroll: true });
      act(find(e));
    },
    onDoubleClick: (e) => {
      const h = find(e);
      if (h?.kind === 'node' && (tree.nodes[h.id]?.children.length ?? 0) > 0) toggleCollapsed(h.id);
    },
    onKeyDown: (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const move = MOVE_KEYS[e.key];
      const node = tree.nodes[current];
      if (move) {
        const next = moveFocus(layout, visible, current, move);
        setFocusId(next);
        hoverNode(next);
        setByKeys(true);
        reveal(next);
      } else if (e.key === 'Enter') {
        if (!pickNode(current)) selectNode(current);
      } else if (e.key === 'Escape') selectNode(null);
      else if (e.key === '-' && node && node.children.length > 0 && !visible.hidden.has(current))
        toggleCollapsed(current);
      else if ((e.key === '+' || e.key === '=') && visible.hidden.has(current))
        toggleCollapsed(current);
      else if ((e.key === '+' || e.key === '=') && visible.more.has(current)) openStub(current);
      else return;
      e.preventDefault();
    },
  };
}
