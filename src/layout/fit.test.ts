import { describe, expect, it } from 'vitest';
import {
  centreTransform,
  apply,
  boundsOf,
  fitTransform,
  followTransform,
  invert,
  revealTransform,
  sameTransform,
} from './fit';

const VIEW = { width: 440, height: 240 };

describe('fitTransform', () => {
  it('scales the bounds to fill the viewport inside the padding and centres them', () => {
    // 200 × 100 into 400 × 200: k = 2 on both axes; the centre (0, 50) goes to (220, 120).
    const t = fitTransform({ minX: -100, maxX: 100, minY: 0, maxY: 100 }, VIEW, { padding: 20 });
    expect(t).toEqual({ k: 2, x: 220, y: 20 });
    expect(apply(t, { x: -100, y: 0 })).toEqual({ x: 20, y: 20 });
    expect(apply(t, { x: 100, y: 100 })).toEqual({ x: 420, y: 220 });
  });

  it('is limited by the tighter axis and by maxScale', () => {
    // A wide tree: 1000 wide into 400 → k = 0.4 (height would allow 2).
    expect(fitTransform({ minX: 0, maxX: 1000, minY: 0, maxY: 100 }, VIEW, { padding: 20 }).k).toBe(
      0.4,
    );
    // A single node (zero extent) is not blown up past maxScale, and sits in the centre.
    expect(fitTransform({ minX: 5, maxX: 5, minY: 0, maxY: 0 }, VIEW, { maxScale: 1.5 })).toEqual({
      k: 1.5,
      x: 220 - 7.5,
      y: 120,
    });
  });

  it('keeps an inset at the top free (a toolbar)', () => {
    // 200 × 100 into 400 × (240 − 40 − 40) = 160 high: k = 1.6; the top edge at 40 + 20 + (160 − 160) / 2.
    const t = fitTransform({ minX: -100, maxX: 100, minY: 0, maxY: 100 }, VIEW, {
      padding: 20,
      insetTop: 40,
    });
    expect(t.k).toBe(1.6);
    expect(apply(t, { x: 0, y: 0 }).y).toBe(60);
    expect(apply(t, { x: 0, y: 100 }).y).toBe(220);
  });

  it('round-trips points with invert', () => {
    const t = { k: 0.5, x: 30, y: -10 };
    expect(invert(t, apply(t, { x: 12, y: 34 }))).toEqual({ x: 12, y: 34 });
  });
});

describe('revealTransform', () => {
  const t = { k: 1, x: 0, y: 0 };
  it('does not move when the box is already in view', () => {
    expect(revealTransform(t, { minX: 50, maxX: 100, minY: 50, maxY: 100 }, VIEW, 10)).toEqual(t);
  });
  it('pans just enough to bring the box inside the margin', () => {
    // The box's right edge (600) must come to 440 − 10 = 430: pan by −170.
    expect(revealTransform(t, { minX: 500, maxX: 600, minY: 50, maxY: 100 }, VIEW, 10)).toEqual({
      k: 1,
      x: -170,
      y: 0,
    });
    // Above the top: the top edge (−50) comes to 10.
    expect(revealTransform(t, { minX: 50, maxX: 60, minY: -50, maxY: 0 }, VIEW, 10).y).toBe(60);
  });
  it('centres a box larger than the viewport', () => {
    expect(revealTransform(t, { minX: 0, maxX: 1000, minY: 0, maxY: 10 }, VIEW, 10).x).toBe(
      220 - 500,
    );
  });
});

describe('followTransform', () => {
  const options = { padding: 20, maxScale: 1.5, readableScale: 0.5, margin: 10 };
  it('fits the whole tree while it fits at a readable scale', () => {
    const tree = { minX: -100, maxX: 100, minY: 0, maxY: 100 };
    expect(followTransform({ k: 1, x: 0, y: 0 }, tree, null, VIEW, options)).toEqual(
      fitTransform(tree, VIEW, options),
    );
  });
  it('fits the action too when it reaches past the tree (ghost rollout steps)', () => {
    const tree = { minX: -100, maxX: 100, minY: 0, maxY: 100 };
    const action = { minX: 0, maxX: 0, minY: 50, maxY: 300 };
    const t = followTransform({ k: 1, x: 0, y: 0 }, tree, action, VIEW, options);
    expect(t).toEqual(fitTransform({ minX: -100, maxX: 100, minY: 0, maxY: 300 }, VIEW, options));
  });

  it('otherwise keeps a readable scale and pans to the action', () => {
    const tree = { minX: -5000, maxX: 5000, minY: 0, maxY: 400 };
    const action = { minX: 3000, maxX: 3040, minY: 320, maxY: 400 };
    const t = followTransform({ k: 0.1, x: 220, y: 0 }, tree, action, VIEW, options);
    expect(t.k).toBe(0.5);
    const lo = apply(t, { x: action.minX, y: action.minY });
    const hi = apply(t, { x: action.maxX, y: action.maxY });
    expect(lo.x).toBeGreaterThanOrEqual(10);
    expect(hi.x).toBeLessThanOrEqual(430);
    expect(lo.y).toBeGreaterThanOrEqual(10);
    expect(hi.y).toBeLessThanOrEqual(230);
  });
});

describe('helpers', () => {
  it('boundsOf and sameTransform', () => {
    expect(boundsOf([])).toBeNull();
    expect(
      boundsOf([
        { x: 1, y: 5 },
        { x: -2, y: 3 },
      ]),
    ).toEqual({ minX: -2, maxX: 1, minY: 3, maxY: 5 });
    expect(sameTransform({ k: 1, x: 0, y: 0 }, { k: 1.0001, x: 0.2, y: -0.3 })).toBe(true);
    expect(sameTransform({ k: 1, x: 0, y: 0 }, { k: 1, x: 2, y: 0 })).toBe(false);
  });
});

describe('followTransform with a wide action', () => {
  const options = { readableScale: 1, actionScale: 0.5, padding: 0 };
  const view = { width: 400, height: 300 };
  const tree = { minX: -2000, maxX: 2000, minY: 0, maxY: 200 };

  it('zooms out as far as actionScale to show all of an action wider than the view', () => {
    // 600 wide at scale 1 does not fit 400; at 400 / 600 = 0.667 it does, above 0.5.
    const action = { minX: 0, maxX: 600, minY: 0, maxY: 100 };
    const t = followTransform({ k: 1, x: 0, y: 0 }, tree, action, view, options);
    expect(t.k).toBeCloseTo(400 / 600);
  });

  it('past actionScale, shows the focus node instead', () => {
    const action = { minX: 0, maxX: 1600, minY: 0, maxY: 100 };
    const focus = { minX: 1500, maxX: 1600, minY: 50, maxY: 100 };
    const t = followTransform({ k: 1, x: 0, y: 0 }, tree, action, view, options, focus);
    expect(t.k).toBe(0.5);
    // The focus is on screen: 1500 · 0.5 + x ≥ 0 and 1600 · 0.5 + x ≤ 400.
    expect(1500 * t.k + t.x).toBeGreaterThanOrEqual(0);
    expect(1600 * t.k + t.x).toBeLessThanOrEqual(400);
  });
});

describe('centreTransform', () => {
  it('puts the point at the centre below the toolbar, never zooming out (worked by hand)', () => {
    // k = max(0.5, 1) = 1; x = 400 − 100; y = 30 + (600 − 30) / 2 − 50 = 265.
    expect(
      centreTransform(
        { k: 0.5, x: 0, y: 0 },
        { x: 100, y: 50 },
        { width: 800, height: 600 },
        1,
        30,
      ),
    ).toEqual({ k: 1, x: 300, y: 265 });
    // Zoomed in at 2: stays at 2; x = 400 − 200, y = 300 − 100.
    expect(
      centreTransform({ k: 2, x: 9, y: 9 }, { x: 100, y: 50 }, { width: 800, height: 600 }, 1),
    ).toEqual({ k: 2, x: 200, y: 200 });
  });
});
