import { describe, expect, it } from 'vitest';
import { reduce } from '../core/tree/reduce';
import { createLayoutCache } from './layoutCache';
import { SMALL } from './testTrees';
import { visibleTree } from './visible';

describe('createLayoutCache', () => {
  it('reuses the layout while the visible shape is unchanged', () => {
    const cache = createLayoutCache();
    const tree = reduce(SMALL);
    const a = cache.get(tree, visibleTree(tree), false);
    const b = cache.get(reduce(SMALL), visibleTree(tree), false);
    expect(b.layout).toBe(a.layout);
    const c = cache.get(tree, visibleTree(tree, { collapsed: new Set([1]) }), false);
    expect(c.layout).not.toBe(a.layout);
    expect(c.layout.nodes).toHaveLength(5);
  });

  it('while throttled, keeps an expensive layout until 4× its cost has passed', () => {
    let clock = 0;
    const ticks = [0, 20]; // the first layout "takes" 20 ms
    const cache = createLayoutCache(() => ticks.shift() ?? clock);
    const small = reduce(SMALL, 2);
    const full = reduce(SMALL);
    cache.get(small, visibleTree(small), true);
    clock = 50; // 30 ms after the layout ended: too soon (80 ms spacing)
    const stale = cache.get(full, visibleTree(full), true);
    expect(stale.stale).toBe(true);
    expect(stale.layout.nodes).toHaveLength(4);
    expect(stale.retryInMs).toBe(50);
    expect(cache.get(full, visibleTree(full), false).layout.nodes).toHaveLength(7);
  });

  it('while it holds a layout, does not work out the visible tree given as a function', () => {
    let clock = 0;
    const ticks = [0, 20];
    const cache = createLayoutCache(() => ticks.shift() ?? clock);
    const small = reduce(SMALL, 2);
    const full = reduce(SMALL);
    const first = cache.get(small, visibleTree(small), true);
    clock = 50;
    let walked = 0;
    const held = cache.get(full, () => (walked++, visibleTree(full)), true);
    expect(walked).toBe(0);
    expect(held).toMatchObject({ stale: true, retryInMs: 50, layout: first.layout });
    expect(held.visible).toBe(first.visible);
    clock = 101; // past 4 × 20 ms after the first layout ended
    const next = cache.get(full, () => (walked++, visibleTree(full)), true);
    expect(walked).toBe(1);
    expect(next.stale).toBe(false);
    expect(next.layout.nodes).toHaveLength(7);
  });

  it('with a number, holds even a cheap layout until that many ms have passed', () => {
    let clock = 0;
    const ticks = [0, 1]; // a 1 ms layout: never held by cost
    const cache = createLayoutCache(() => ticks.shift() ?? clock);
    const small = reduce(SMALL, 2);
    const full = reduce(SMALL);
    cache.get(small, visibleTree(small), 150);
    clock = 100;
    expect(cache.get(full, visibleTree(full), 150)).toMatchObject({ stale: true, retryInMs: 51 });
    expect(cache.get(full, visibleTree(full), true).layout.nodes).toHaveLength(7);
  });
});
