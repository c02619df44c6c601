import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../core/tree/events';
import { reduce } from '../core/tree/reduce';
import { emptyTree } from '../core/tree/tree';
import { SMALL, backprop, expand, score } from './testTrees';
import { createVisibleCache, rankChildren, subtreeSizes, visibleTree } from './visible';

/** Root 0 → 1..5; 1 → 6, 7; 6 → 8. Visits: 3 has 4, 5 has 2, 1 and 2 have 1; PRM breaks ties. */
const WIDE: TraceEvent[] = [
  { type: 'start', algorithm: 'mcts', rootText: 'root' },
  expand(0, [1, 2, 3, 4, 5]),
  expand(1, [6, 7]),
  expand(6, [8]),
  score(1, 0.2),
  score(2, 0.9),
  backprop(1, [
    [3, 4, 2],
    [5, 2, 1],
    [1, 1, 0],
    [2, 1, 1],
    [0, 8, 4],
  ]),
];

describe('subtreeSizes', () => {
  it('counts each node with its descendants', () => {
    expect([...subtreeSizes(reduce(SMALL))]).toEqual([7, 3, 1, 2, 1, 1, 1]);
  });
});

describe('visibleTree', () => {
  it('shows everything by default, depth first', () => {
    const v = visibleTree(reduce(SMALL));
    expect(v.order).toEqual([0, 1, 4, 5, 2, 3, 6]);
    expect(v.more.size).toBe(0);
    expect(v.hidden.size).toBe(0);
    expect(visibleTree(emptyTree()).order).toEqual([]);
  });

  it('hides the descendants of a collapsed node and counts them', () => {
    const tree = reduce(WIDE);
    const v = visibleTree(tree, { collapsed: new Set([1]) });
    expect(v.order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(v.hidden.get(1)).toBe(3); // 6, 7 and 8
    expect(v.children.has(1)).toBe(false);
    // Collapsing a leaf hides nothing and shows no badge.
    expect(visibleTree(tree, { collapsed: new Set([4]) }).hidden.size).toBe(0);
    // A collapsed root hides the whole tree but itself.
    expect(visibleTree(tree, { collapsed: new Set([0]) }).hidden.get(0)).toBe(8);
  });

  it('ranks children by visits, then PRM (unscored last), then id', () => {
    const tree = reduce(WIDE);
    const kids = [1, 2, 3, 4, 5].map((id) => tree.nodes[id]!);
    expect(rankChildren(kids).map((n) => n.id)).toEqual([3, 5, 2, 1, 4]);
  });

  it('keeps the top k children in proposer order and puts the rest behind "+N more"', () => {
    const v = visibleTree(reduce(WIDE), { topK: 3 });
    expect(v.children.get(0)).toEqual([2, 3, 5]);
    expect(v.more.get(0)).toEqual([1, 4]);
    expect(v.order).toEqual([0, 2, 3, 5]);
    // Node 1's children are hidden with it; a node with ≤ k children has no stub.
    expect(v.more.has(1)).toBe(false);
  });

  it('keeps pinned nodes and their ancestors through top-k, and shows all under an opened stub', () => {
    const tree = reduce(WIDE);
    const pinned = visibleTree(tree, { topK: 1, pinned: [8] });
    expect(pinned.children.get(0)).toEqual([1, 3]);
    expect(pinned.more.get(0)).toEqual([2, 4, 5]);
    expect(pinned.order).toContain(8);
    const opened = visibleTree(tree, { topK: 1, opened: new Set([0]) });
    expect(opened.children.get(0)).toEqual([1, 2, 3, 4, 5]);
    expect(opened.more.get(1)).toEqual([7]);
  });

  it('changes its signature exactly when the drawn shape changes', () => {
    const tree = reduce(WIDE);
    const a = visibleTree(tree, { topK: 3 });
    expect(visibleTree(tree, { topK: 3 }).signature).toBe(a.signature);
    expect(visibleTree(tree, { topK: 2 }).signature).not.toBe(a.signature);
    expect(visibleTree(tree, { topK: 3, collapsed: new Set([3]) }).signature).toBe(a.signature);
    expect(visibleTree(tree, { topK: 3, collapsed: new Set([0]) }).signature).not.toBe(a.signature);
    expect(visibleTree(reduce(WIDE, 3)).signature).not.toBe(visibleTree(tree).signature);
  });
});

describe('createVisibleCache', () => {
  it('keeps the visible tree while the run only backs up and scores, redoes it on growth', () => {
    const cache = createVisibleCache();
    const none = new Set<number>();
    const at = (count: number) => reduce(WIDE, count);
    const first = cache.get(at(4), { collapsed: none }); // the three expansions
    expect(cache.get(at(6), { collapsed: none })).toBe(first); // two scores later
    expect(cache.get(at(7), { collapsed: none })).toBe(first); // and a backprop
    expect(first).toEqual(visibleTree(at(7), { collapsed: none }));
    const grown = cache.get(at(3), { collapsed: none }); // one expansion fewer (a seek back)
    expect(grown).not.toBe(first);
    expect(grown.order).toEqual([0, 1, 6, 7, 2, 3, 4, 5]);
    // A new collapsed set is worked out afresh.
    const folded = new Set([1]);
    expect(cache.get(at(7), { collapsed: folded }).hidden.get(1)).toBe(3);
  });

  it('works out top-k afresh every time: visits change the ranking', () => {
    const cache = createVisibleCache();
    const before = cache.get(reduce(WIDE, 6), { topK: 2 });
    const after = cache.get(reduce(WIDE, 7), { topK: 2 });
    expect(after).toEqual(visibleTree(reduce(WIDE, 7), { topK: 2 }));
    expect(after.children.get(0)).not.toEqual(before.children.get(0));
  });
});
