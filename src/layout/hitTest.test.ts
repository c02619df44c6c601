import { describe, expect, it } from 'vitest';
import { reduce } from '../core/tree/reduce';
import { hitTest } from './hitTest';
import type { HitOptions } from './hitTest';
import { SMALL } from './testTrees';
import { tidyTree } from './tidyTree';
import { visibleTree } from './visible';

const layout = tidyTree(reduce(SMALL), { dx: 40, dy: 80 });
const options: HitOptions = { radiusOf: () => 8, slack: 2, stub: { halfWidth: 18, halfHeight: 8 } };

describe('hitTest', () => {
  it('finds the node under the point, within its radius plus slack', () => {
    expect(hitTest(layout, { x: 0, y: 0 }, options)).toEqual({ kind: 'node', id: 0 });
    expect(hitTest(layout, { x: -57, y: 167 }, options)).toEqual({ kind: 'node', id: 4 });
    expect(hitTest(layout, { x: 40 + 9.9, y: 160 }, options)).toEqual({ kind: 'node', id: 6 });
    expect(hitTest(layout, { x: 40 + 10.1, y: 160 }, options)).toBeNull();
    expect(hitTest(layout, { x: 20, y: 40 }, options)).toBeNull();
  });

  it('prefers the nearest of two overlapping nodes', () => {
    const wide = { ...options, radiusOf: () => 30 };
    expect(hitTest(layout, { x: -29, y: 160 }, wide)).toEqual({ kind: 'node', id: 5 });
    expect(hitTest(layout, { x: -41, y: 160 }, wide)).toEqual({ kind: 'node', id: 4 });
  });

  it('hits a card anywhere inside its box, not past it', () => {
    const tree = reduce(SMALL);
    // Cards 100 wide, 12 apart: node 1 at -112, node 2 at 0, node 3 at 112 (worked by hand).
    const cards = tidyTree(tree, { dy: 80, width: () => 100, gap: 12, cousinGap: 12 });
    expect(cards.byId.get(3)?.x).toBe(112);
    const opts = { ...options, halfHeight: 20, slack: 0 };
    expect(hitTest(cards, { x: 112 + 49, y: 80 + 19 }, opts)).toEqual({ kind: 'node', id: 3 });
    expect(hitTest(cards, { x: 112 + 51, y: 80 }, opts)).toBeNull();
    expect(hitTest(cards, { x: 112, y: 80 + 21 }, opts)).toBeNull();
    // The gap between two cards belongs to neither.
    expect(hitTest(cards, { x: 56, y: 80 }, opts)).toBeNull();
  });

  it('finds stubs and boxes (boxes first)', () => {
    const tree = reduce(SMALL);
    const stubbed = tidyTree(tree, { dx: 40, dy: 80, visible: visibleTree(tree, { topK: 1 }) });
    const stub = stubbed.stubs.find((s) => s.parent === 0)!;
    expect(hitTest(stubbed, { x: stub.x + 15, y: stub.y - 5 }, options)).toEqual({
      kind: 'more',
      parent: 0,
    });
    const boxes = [
      { hit: { kind: 'fold', id: 0 } as const, box: { minX: -4, maxX: 4, minY: -4, maxY: 4 } },
    ];
    expect(hitTest(layout, { x: 0, y: 0 }, { ...options, boxes })).toEqual({ kind: 'fold', id: 0 });
  });
});
