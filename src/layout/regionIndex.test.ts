import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../core/tree/events';
import { reduce } from '../core/tree/reduce';
import { inRegion } from './regionIndex';
import { expand, SMALL } from './testTrees';
import type { Bounds, LayoutLink, TreeLayout } from './tidyTree';
import { tidyTree } from './tidyTree';
import { visibleTree } from './visible';

const ids = (xs: readonly { id: number }[]) => xs.map((x) => x.id).sort((a, b) => a - b);
const inside = (p: { x: number; y: number }, r: Bounds) =>
  p.x >= r.minX && p.x <= r.maxX && p.y >= r.minY && p.y <= r.maxY;
const meets = (l: LayoutLink, r: Bounds) =>
  Math.max(l.source.x, l.target.x) >= r.minX &&
  Math.min(l.source.x, l.target.x) <= r.maxX &&
  Math.max(l.source.y, l.target.y) >= r.minY &&
  Math.min(l.source.y, l.target.y) <= r.maxY;

/** A tree grown by expanding, at each step, the node `pick` (mod the nodes so far). */
function grown(picks: number[], widths: number[]): TraceEvent[] {
  const events: TraceEvent[] = [{ type: 'start', algorithm: 'mcts', rootText: 'r' }];
  const expanded = new Set<number>();
  let next = 1;
  picks.forEach((pick, i) => {
    const node = pick % next;
    if (expanded.has(node)) return;
    expanded.add(node);
    const k = widths[i % widths.length] ?? 1;
    events.push(
      expand(
        node,
        Array.from({ length: k }, (_, j) => next + j),
      ),
    );
    next += k;
  });
  return events;
}

describe('inRegion', () => {
  it('finds the nodes of a small tree in a region, worked by hand', () => {
    // SMALL at dx 40, dy 80: row 1 at x −40, 0, 40; row 2: 4 at −60, 5 at −20, 6 at 40.
    const layout = tidyTree(reduce(SMALL), { dx: 40, dy: 80 });
    const found = inRegion(layout, { minX: -30, maxX: 10, minY: 70, maxY: 170 });
    expect(ids(found.nodes)).toEqual([2, 5]);
    // Links across x −30..10: 0→1 (−40..0), 0→2 (0), 0→3 (0..40), 1→5 (−40..−20); not 1→4
    // (−60..−40) nor 3→6 (40).
    expect(ids(found.links)).toEqual([1, 2, 3, 5]);
  });

  it('agrees with a pass over every node, link and stub (random trees and regions)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(200), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
        fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
        fc.tuple(fc.integer({ min: -600, max: 600 }), fc.integer({ min: 0, max: 1200 })),
        fc.tuple(fc.integer({ min: -100, max: 700 }), fc.integer({ min: 0, max: 400 })),
        (picks, widths, topK, [x, w], [y, h]) => {
          const tree = reduce(grown(picks, widths));
          const layout: TreeLayout = tidyTree(tree, { visible: visibleTree(tree, { topK }) });
          const region = { minX: x, maxX: x + w, minY: y, maxY: y + h };
          const found = inRegion(layout, region);
          expect(ids(found.nodes)).toEqual(ids(layout.nodes.filter((n) => inside(n, region))));
          expect(found.stubs.map((s) => s.parent).sort((a, b) => a - b)).toEqual(
            layout.stubs
              .filter((s) => inside(s, region))
              .map((s) => s.parent)
              .sort((a, b) => a - b),
          );
          const links = new Set(ids(found.links));
          for (const l of layout.links) if (meets(l, region)) expect(links.has(l.id)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
