import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../core/tree/events';
import { reduce } from '../core/tree/reduce';
import { emptyTree } from '../core/tree/tree';
import { SMALL, backprop, expand } from './testTrees';
import { linkPath, pointOnLink, tidyTree, trimmedLinkPoints } from './tidyTree';
import { visibleTree } from './visible';

const round = (v: number) => Math.round(v * 100) / 100;

describe('tidyTree', () => {
  it('is empty before the start event', () => {
    const layout = tidyTree(emptyTree());
    expect(layout.nodes).toEqual([]);
    expect(layout.links).toEqual([]);
    expect(layout.stubs).toEqual([]);
  });

  it('places a small tree where the tidy-tree rules put it (worked by hand)', () => {
    // Siblings are dx = 40 apart; node 1's children sit at ±20 under it; the root is centred
    // over its first and last child; depths are dy = 80 apart.
    const layout = tidyTree(reduce(SMALL), { dx: 40, dy: 80 });
    const positions = layout.nodes.map((n) => [n.id, round(n.x), round(n.y)]);
    expect(positions).toEqual([
      [0, 0, 0],
      [1, -40, 80],
      [2, 0, 80],
      [3, 40, 80],
      [4, -60, 160],
      [5, -20, 160],
      [6, 40, 160],
    ]);
    expect(layout.bounds).toEqual({ minX: -60, maxX: 40, minY: 0, maxY: 160 });
    expect(layout.rows.map((row) => row.map((r) => (r.kind === 'node' ? r.id : 'more')))).toEqual([
      [0],
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('golden: a collapsed node and a top-2 stub, at the default spacing', () => {
    // Node 0 has four children; 2 and 4 are the most visited, so 1 and 3 go behind a stub.
    const events: TraceEvent[] = [
      { type: 'start', algorithm: 'mcts', rootText: 'root' },
      expand(0, [1, 2, 3, 4]),
      expand(2, [5, 6]),
      expand(4, [7, 8, 9]),
      expand(7, [10]),
      backprop(1, [
        [2, 3, 2],
        [4, 2, 1],
        [0, 5, 3],
      ]),
    ];
    const tree = reduce(events);
    const visible = visibleTree(tree, { topK: 2, collapsed: new Set([7]) });
    const layout = tidyTree(tree, { visible });
    const golden = {
      nodes: layout.nodes.map((n) => `${n.id} @ ${round(n.x)},${round(n.y)}`),
      stubs: layout.stubs.map(
        (s) => `+${s.hidden.length} under ${s.parent} @ ${round(s.x)},${round(s.y)}`,
      ),
      links: layout.links.map((l) => linkPath(l)),
      bounds: layout.bounds,
    };
    expect(golden).toMatchInlineSnapshot(`
      {
        "bounds": {
          "maxX": 80,
          "maxY": 160,
          "minX": -100,
          "minY": 0,
        },
        "links": [
          "M0,0C0,40 -80,40 -80,80",
          "M0,0C0,40 40,40 40,80",
          "M-80,80C-80,120 -100,120 -100,160",
          "M-80,80C-80,120 -60,120 -60,160",
          "M40,80C40,120 0,120 0,160",
          "M40,80C40,120 40,120 40,160",
        ],
        "nodes": [
          "0 @ 0,0",
          "2 @ -80,80",
          "4 @ 40,80",
          "5 @ -100,160",
          "6 @ -60,160",
          "7 @ 0,160",
          "8 @ 40,160",
        ],
        "stubs": [
          "+2 under 0 @ 80,80",
          "+1 under 4 @ 80,160",
        ],
      }
    `);
  });

  it('keys links by child id and joins each child to its parent', () => {
    const layout = tidyTree(reduce(SMALL), { dx: 40, dy: 80 });
    expect(layout.links.map((l) => l.id)).toEqual([1, 2, 3, 4, 5, 6]);
    const link4 = layout.links.find((l) => l.id === 4);
    expect(link4?.source).toEqual({ x: -40, y: 80 });
    expect(link4?.target).toEqual({ x: -60, y: 160 });
    expect(layout.byId.get(6)?.parent).toBe(3);
    expect(linkPath(link4!)).toBe('M-40,80C-40,120 -60,120 -60,160');
  });

  it('puts pointOnLink on the curve of linkPath: ends, middle, and a quarter by hand', () => {
    const link = { source: { x: 0, y: 0 }, target: { x: 40, y: 80 } };
    expect(pointOnLink(link, 0)).toEqual({ x: 0, y: 0 });
    expect(pointOnLink(link, 1)).toEqual({ x: 40, y: 80 });
    expect(pointOnLink(link, 0.5)).toEqual({ x: 20, y: 40 });
    // t = 1/4: x = 40·(3·¾·(1/4)² + (1/4)³) = 40·10/64; y = 40·(3·(¾)²·¼ + 3·¾·(¼)²) + 80/64
    const q = pointOnLink(link, 0.25);
    expect(round(q.x)).toBe(6.25);
    expect(round(q.y)).toBe(round(40 * (27 / 64 + 9 / 64) + 80 / 64));
  });

  it('trims a link to the part outside both end circles', () => {
    const link = { source: { x: 0, y: 0 }, target: { x: 40, y: 80 } };
    const points = trimmedLinkPoints(link, 10, 20, 48);
    expect(points.length).toBeGreaterThan(20);
    for (const p of points) {
      expect(Math.hypot(p.x, p.y)).toBeGreaterThanOrEqual(10);
      expect(Math.hypot(p.x - 40, p.y - 80)).toBeGreaterThanOrEqual(20);
    }
    // The cut is close to each circle: within one sampling step of it.
    expect(Math.hypot(points[0]!.x, points[0]!.y)).toBeLessThan(14);
    expect(Math.hypot(points.at(-1)!.x - 40, points.at(-1)!.y - 80)).toBeLessThan(24);
  });

  it('gives the same layout for the same tree and keeps nodes of a depth apart', () => {
    const wide: TraceEvent[] = [
      { type: 'start', algorithm: 'beam', rootText: 'root' },
      expand(0, [1, 2, 3, 4]),
      expand(1, [5, 6, 7]),
      expand(4, [8, 9, 10]),
      expand(5, [11, 12]),
      expand(10, [13, 14]),
    ];
    const a = tidyTree(reduce(wide));
    const b = tidyTree(reduce(wide));
    expect(a.nodes.map((n) => [n.x, n.y])).toEqual(b.nodes.map((n) => [n.x, n.y]));
    for (const n of a.nodes) {
      for (const m of a.nodes) {
        if (n.id < m.id && n.depth === m.depth) {
          expect(Math.abs(n.x - m.x)).toBeGreaterThanOrEqual(40 - 1e-9);
        }
      }
    }
  });
});

describe('tidyTree with cards', () => {
  it('spaces each row by the half-widths of neighbours plus the gap, so no cards overlap', () => {
    const tree = reduce(SMALL);
    const widths = new Map([
      [0, 120],
      [1, 200],
      [2, 100],
      [3, 140],
      [4, 160],
      [5, 100],
      [6, 120],
    ]);
    const layout = tidyTree(tree, {
      dy: 100,
      width: (id) => widths.get(id) ?? 0,
      gap: 10,
      cousinGap: 30,
    });
    const x = (id: number) => layout.byId.get(id)?.x ?? NaN;
    // Siblings 1 and 2: (200 + 100) / 2 + 10 = 160 apart; 2 and 3: (100 + 140) / 2 + 10 = 130.
    expect(x(2) - x(1)).toBeCloseTo(160);
    expect(x(3) - x(2)).toBeCloseTo(130);
    // Node 1's children 4 and 5: (160 + 100) / 2 + 10 = 140 apart; 5 and 6 are cousins, at
    // least (100 + 120) / 2 + 30 = 140 apart.
    expect(x(5) - x(4)).toBeCloseTo(140);
    expect(x(6) - x(5)).toBeGreaterThanOrEqual(140 - 1e-9);
    expect(layout.byId.get(4)?.w).toBe(160);
    for (const row of layout.rows) {
      for (let i = 1; i < row.length; i++) {
        const a = row[i - 1];
        const b = row[i];
        if (a?.kind !== 'node' || b?.kind !== 'node') continue;
        const room = ((widths.get(a.id) ?? 0) + (widths.get(b.id) ?? 0)) / 2;
        expect(b.x - a.x).toBeGreaterThanOrEqual(room + 10 - 1e-9);
      }
    }
  });
});
