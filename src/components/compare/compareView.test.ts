import { describe, expect, it } from 'vitest';
import { reduce } from '../../core/tree/reduce';
import { FULL_DETAIL_SCALE, createCardBook, estimateWidth } from '../../layout/card';
import { expand, fanEvents, step } from './compareFixtures';
import { drawTree } from './compareLayout';
import { CARD_ROOM, COMPARE_TOOLBAR, cardBox, compareFit, readableOpening } from './compareView';

const BOOK = createCardBook((text) => text, estimateWidth);
const PANE = { width: 300, height: 300 };

describe('readableOpening (a compare pane in presentation mode)', () => {
  it('is the whole fit when the whole tree is already read at full labels', () => {
    const tree = reduce([
      { type: 'start', algorithm: 'mcts', rootText: 'r' },
      expand(0, [step(1, 'a'), step(2, 'b')]),
    ]);
    const { layout } = drawTree(tree, [], BOOK);
    const size = { width: 600, height: 300 };
    expect(compareFit(layout, size).k).toBeGreaterThan(FULL_DETAIL_SCALE);
    expect(readableOpening(layout, [0, 1], size)).toEqual(compareFit(layout, size));
  });

  it('a wide tree: the answer’s line at full labels, its root at the edge the line leaves from', () => {
    // 20 lines of 2 steps under the root: 20 columns, far too wide for 300 px at 0.6.
    const { layout } = drawTree(reduce(fanEvents(20, 2)), [], BOOK);
    expect(compareFit(layout, PANE).k).toBeLessThan(FULL_DETAIL_SCALE);
    // Line 0 (nodes 1, 2) is the leftmost column: the line leaves the root to the left.
    const t = readableOpening(layout, [0, 1, 2], PANE);
    expect(t.k).toBe(FULL_DETAIL_SCALE);
    const root = cardBox(layout.byId.get(0)!);
    expect(root.maxX * t.k + t.x).toBeCloseTo(300 - 8, 6); // the root's card at the right edge
    expect(root.minY * t.k + t.y).toBeCloseTo(COMPARE_TOOLBAR + 8, 6); // under the Fit button
    expect(root.minY).toBe(-CARD_ROOM.y);
  });

  it('fits a line that is readable fitted (the root alone here), centred', () => {
    const { layout } = drawTree(reduce(fanEvents(20, 2)), [], BOOK);
    const t = readableOpening(layout, [], PANE); // no answer: the root
    expect(t.k).toBeGreaterThanOrEqual(FULL_DETAIL_SCALE);
    const root = cardBox(layout.byId.get(0)!);
    expect(((root.minX + root.maxX) / 2) * t.k + t.x).toBeCloseTo(150, 6);
  });
});
