import { useEffect, useRef } from 'react';
import type { NodeId } from '../../core/tree/events';
import type { Transform } from '../../layout/fit';
import type { Motion } from '../../layout/motion';
import { motionProgress, nextMotion, positionAt } from '../../layout/motion';
import type { CanvasPaths, CanvasScene } from './canvasPaths';
import { buildPaths, levelOfDetail, viewRegion, within } from './canvasPaths';
import { drawTree } from './drawCanvas';
import type { RedrawLoop } from './redrawLoop';
import { createRedrawLoop } from './redrawLoop';

/** Props of {@link TreeCanvas}. */
export interface TreeCanvasProps {
  /** Memoise it: a new scene object rebuilds the geometry. */
  scene: CanvasScene;
  transform: Transform;
  width: number;
  height: number;
  /** The accessible name ("Search tree: …"). */
  label: string;
  /** Glide nodes to new places (off with reduced motion). */
  animate: boolean;
  /**
   * A large tree is playing: while the layout holds, the batched shapes (fills, outlines) are
   * rebuilt at most every few build-times, and the cards' words and numbers every frame.
   */
  throttle?: boolean;
}

/** While throttled, shapes are rebuilt at most every this many times their last build's cost. */
const REBUILD_SPACING = 4;

/** How long nodes glide to a new layout, in ms (as the SVG's CSS transition). */
const GLIDE_MS = 400;

/**
 * The tree on a canvas, for trees past the SVG threshold. The drawing runs in a redraw loop
 * that asks for a frame only when something changed (new props) or a glide is under way, and
 * stops otherwise (llm-viz's markDirty). The geometry is rebuilt only when the scene or the
 * level of detail changes, or while nodes glide; a pan re-strokes it under a new transform.
 * Hover and click are handled around it from the layout, exactly as over the SVG.
 */
export function TreeCanvas({
  scene,
  transform,
  width,
  height,
  label,
  animate,
  throttle = false,
}: TreeCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const latest = useRef({ scene, transform, width, height, throttle });
  const motion = useRef<Motion | null>(null);
  const loop = useRef<RedrawLoop | null>(null);
  const dpr = Math.min(2, typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    let built: { scene: CanvasScene; paths: CanvasPaths; at: number; cost: number } | null = null;
    const l = createRedrawLoop((now) => {
      const p = latest.current;
      const m = motion.current;
      const progress = m && m.to === p.scene.layout ? motionProgress(m, now) : 1;
      const lod = levelOfDetail(p.transform.k);
      const view = { t: p.transform, width: p.width, height: p.height, dpr };
      const shown = viewRegion(view, 0);
      // While a large tree plays, a scene with the same layout (a score or a backprop changed
      // colours, not places) keeps the shapes for a while; the text below is always current.
      const sameShapes =
        built !== null &&
        p.throttle &&
        built.scene.layout === p.scene.layout &&
        built.scene.labels === p.scene.labels &&
        built.scene.palette === p.scene.palette &&
        now - built.at < REBUILD_SPACING * built.cost;
      const reuse =
        built &&
        (built.scene === p.scene || sameShapes) &&
        built.paths.lod === lod &&
        progress >= 1 &&
        within(shown, built.paths.region);
      let paths = reuse ? built?.paths : undefined;
      if (!paths) {
        const pos = m && progress < 1 ? (id: NodeId) => positionAt(m, id, progress) : null;
        // The view and one view's width and height around it: a pan rebuilds only past that.
        // A new scene (the tree grew: every frame while playing) is built for little more
        // than the view, as the next frame most likely brings another one.
        const grow = built !== null && built.scene !== p.scene ? 0.25 : 1;
        const start = performance.now();
        paths = buildPaths(p.scene, lod, pos, viewRegion(view, grow));
        built = { scene: p.scene, paths, at: now, cost: performance.now() - start };
      }
      drawTree(ctx, p.scene, paths, view);
      return progress < 1;
    });
    loop.current = l;
    l.markDirty();
    return () => {
      l.dispose();
      loop.current = null;
    };
  }, [dpr]);

  useEffect(() => {
    motion.current = nextMotion(
      motion.current,
      scene.layout,
      performance.now(),
      animate ? GLIDE_MS : 0,
    );
  }, [scene.layout, animate]);

  useEffect(() => {
    latest.current = { scene, transform, width, height, throttle };
    loop.current?.markDirty();
  }, [scene, transform, width, height, throttle]);

  return (
    <canvas
      ref={canvas}
      role="img"
      aria-label={label}
      width={Math.round(width * dpr)}
      height={Math.round(height * dpr)}
      style={{ width, height }}
      className="absolute inset-0"
    />
  );
}
