import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../core/tree/events';
import { reduce } from '../../core/tree/reduce';
import { CARD, CARD_DY, createCardBook, estimateWidth } from '../../layout/card';
import { visibleTree } from '../../layout/visible';
import { MAX_DRAWN, MAX_LEAVES, drawTree, leafCount, limitVisible } from './compareLayout';
import { compareFit, fitBounds } from './compareView';
import {
  CORRUPT_EVENTS,
  LEFT_EVENTS,
  RIGHT_EVENTS,
  expand,
  fanEvents,
  step,
} from './compareFixtures';
import { answerPath, compareKeyAction, foldRun, summarize } from './compareModel';
import { foldedWords, matchWords } from './compareWords';

/** Card titles as the text is written, measured by the DOM-free estimate. */
const BOOK = createCardBook((text) => text, estimateWidth);

describe('foldRun and summarize', () => {
  it('sums the compute of the hand-made runs', () => {
    const left = foldRun(LEFT_EVENTS);
    const right = foldRun(RIGHT_EVENTS);
    if (!left.tree || !right.tree) throw new Error('fixtures fold');
    expect(summarize(left.tree)).toEqual({
      algorithm: 'mcts',
      answer: '(7 - (8 - 4)) * 8',
      correct: true,
      finished: true,
      generated: 25,
      prefilled: 30,
      proposerCalls: 3,
      judgeCalls: 2,
      calls: 5,
      nodes: 5,
    });
    expect(summarize(right.tree)).toMatchObject({
      answer: '20',
      correct: false,
      generated: 30,
      calls: 4,
      nodes: 6,
    });
    expect(answerPath(left.tree)).toEqual([0, 1, 3, 4]);
    expect(answerPath(right.tree)).toEqual([0, 1, 4, 5]);
  });

  it('gives a reason instead of throwing for an empty or corrupt run', () => {
    expect(foldRun([])).toEqual({ tree: null, index: null, error: 'This run has no events.' });
    const bad = foldRun(CORRUPT_EVENTS);
    expect(bad.tree).toBeNull();
    expect(bad.error).toBe('This run could not be read: event 1: expanded node 7 does not exist.');
    expect(foldRun([expand(0, [])]).error).toContain('a run must begin with a start event');
  });

  it('reports an unfinished run with no answer yet', () => {
    const run = foldRun(LEFT_EVENTS.slice(0, 3));
    if (!run.tree) throw new Error('folds');
    expect(summarize(run.tree)).toMatchObject({ answer: null, correct: null, finished: false });
    expect(answerPath(run.tree)).toEqual([]);
  });
});

describe('drawTree', () => {
  it('lays out a root and two children as cards, side by side a gap apart (worked by hand)', () => {
    const tree = reduce([
      { type: 'start', algorithm: 'mcts', rootText: 'r' },
      expand(0, [step(1, 'a'), step(2, 'b')]),
    ]);
    const drawn = drawTree(tree, [], BOOK);
    // Short titles: cards of the smallest width (128), their centres 128 + 12 apart (a
    // half-width each side and the gap), centred under the root; one card row down.
    expect(drawn.layout.byId.get(1)).toMatchObject({ x: -70, y: CARD_DY, w: CARD.minWidth });
    expect(drawn.layout.byId.get(2)).toMatchObject({ x: 70, y: CARD_DY });
    expect(drawn.layout.bounds).toEqual({ minX: -134, maxX: 134, minY: 0, maxY: CARD_DY });
    expect(drawn).toMatchObject({ drawn: 3, hidden: 0, topK: null });
  });

  it('fits every card whole in its pane, below the Fit button (worked by hand)', () => {
    const tree = reduce([
      { type: 'start', algorithm: 'mcts', rootText: 'r' },
      expand(0, [step(1, 'a'), step(2, 'b')]),
    ]);
    const { layout } = drawTree(tree, [], BOOK);
    // Bounds with room: x −146…146 (292 wide), y −53…161 (214 high, CARD_DY = 108).
    expect(fitBounds(layout)).toEqual({ minX: -146, maxX: 146, minY: -53, maxY: 161 });
    // A 600 × 300 pane: room 584 × (300 − 28 − 16) = 256 → k = min(2, 1.196…, 1.2).
    const t = compareFit(layout, { width: 600, height: 300 });
    expect(t.k).toBeCloseTo(256 / 214, 6);
    const left = -146 * t.k + t.x;
    const right = 146 * t.k + t.x;
    const top = -53 * t.k + t.y;
    const bottom = 161 * t.k + t.y;
    expect(left).toBeGreaterThanOrEqual(8 - 1e-9);
    expect(right).toBeLessThanOrEqual(592 + 1e-9);
    expect(top).toBeCloseTo(28 + 8, 6);
    expect(bottom).toBeCloseTo(300 - 8, 6);
    // A small tree in a large pane is not blown up past 1.2×.
    expect(compareFit(layout, { width: 2000, height: 2000 }).k).toBe(1.2);
  });

  it('draws every node of a tree at the limits', () => {
    const tree = reduce(fanEvents(MAX_LEAVES, 7)); // 1 + 40·7 = 281 nodes, 40 leaves
    expect(leafCount(visibleTree(tree))).toBe(MAX_LEAVES);
    expect(drawTree(tree, [], BOOK)).toMatchObject({ drawn: 281, hidden: 0, topK: null });
    const deep = reduce(fanEvents(23, 13)); // 1 + 23·13 = 300 nodes
    expect(drawTree(deep, [], BOOK)).toMatchObject({ drawn: MAX_DRAWN, hidden: 0, topK: null });
  });

  it('keeps the largest top-k within the node limit: 40 lines of 8 → 37 (1 + 8·37 = 297)', () => {
    const tree = reduce(fanEvents(40, 8));
    expect(tree.nodes.length).toBe(321);
    const drawn = drawTree(tree, [], BOOK);
    expect(drawn).toMatchObject({ drawn: 297, hidden: 24, topK: 37 });
    expect(foldedWords(drawn.hidden, 321, drawn.topK)).toBe(
      'Showing 297 of 321 nodes: each node keeps its 37 children with the most visits (then the best PRM score); 24 more are behind “+N more”.',
    );
  });

  it('keeps the largest top-k within the width limit: 100 lines → 39 and a stub', () => {
    const drawn = drawTree(reduce(fanEvents(100, 4)), [], BOOK);
    // 39 lines + the "+61 more" stub = 40 columns; 1 + 4·39 = 157 nodes.
    expect(drawn).toMatchObject({ drawn: 157, hidden: 244, topK: 39 });
    expect(drawn.layout.stubs).toHaveLength(1);
    expect(drawn.layout.stubs[0]?.hidden).toHaveLength(61);
  });

  it('keeps pinned nodes drawn, counting them against the limit', () => {
    const tree = reduce(fanEvents(500, 1));
    const last = 500; // the last child: ranked last, so top-k would drop it
    const { visible, topK } = limitVisible(tree, [last], MAX_DRAWN, Infinity);
    expect(topK).toBe(298); // root + 298 + the pinned child = 300
    expect(visible.order.length).toBe(300);
    expect(visible.order).toContain(last);
    expect(visible.more.get(0)?.length).toBe(201);
    const narrow = limitVisible(tree, [last]);
    expect(narrow.topK).toBe(38); // 38 + the pinned child + the stub = 40 columns
    expect(narrow.visible.order).toContain(last);
  });
});

describe('limitVisible invariants', () => {
  /** A random tree of up to 400 nodes (parents drawn at random) and some pinned nodes. */
  const arbCase = fc
    .tuple(
      fc.array(fc.nat(), { minLength: 1, maxLength: 400 }),
      fc.array(fc.nat(), { maxLength: 4 }),
      fc.integer({ min: 10, max: 300 }),
    )
    .map(([parents, pins, max]) => {
      const events: TraceEvent[] = [{ type: 'start', algorithm: 'mcts', rootText: 'r' }];
      parents.forEach((p, i) => events.push(expand(p % (i + 1), [step(i + 1, `s${i}`)])));
      const tree = reduce(events);
      return { tree, pinned: pins.map((p) => p % tree.nodes.length), max };
    });

  it('draws the pinned nodes, stays within the limits unless k = 1, and k is the largest', () => {
    fc.assert(
      fc.property(arbCase, ({ tree, pinned, max }) => {
        const { visible, topK } = limitVisible(tree, pinned, max);
        const drawn = new Set(visible.order);
        for (const id of pinned) expect(drawn.has(id)).toBe(true);
        const fits = (v: typeof visible) => v.order.length <= max && leafCount(v) <= MAX_LEAVES;
        if (topK === null) {
          expect(visible.order.length).toBe(tree.nodes.length);
          expect(fits(visible)).toBe(true);
          return;
        }
        if (topK > 1) expect(fits(visible)).toBe(true);
        expect(fits(visibleTree(tree, { topK: topK + 1, pinned }))).toBe(false);
        const laid = drawTree(tree, pinned, BOOK, max);
        expect(laid.drawn + laid.hidden).toBe(tree.nodes.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('keys and words', () => {
  it('maps keys to actions', () => {
    expect(compareKeyAction('Enter')).toBe('select');
    expect(compareKeyAction(' ')).toBe('select');
    expect(compareKeyAction('Escape')).toBe('clear');
    expect(compareKeyAction('a')).toBeNull();
  });

  it('says where the other run stands', () => {
    const m = { source: false, matches: 0, drawn: 0, shared: 3, length: 4 };
    expect(matchWords(m)).toBe(
      'Not in this run: it shares the first 2 steps of that line, then takes other steps.',
    );
    expect(matchWords({ ...m, shared: 1 })).toBe(
      'Not in this run: it never took the first step of that line.',
    );
    expect(matchWords({ ...m, shared: 0 })).toBe(
      'Not in this run: the two runs start from different problems.',
    );
    expect(matchWords({ ...m, matches: 1, drawn: 1, shared: 4 })).toBe(
      'The same node in this run (same steps from the root).',
    );
    expect(matchWords({ ...m, matches: 2, drawn: 0, shared: 4 })).toBe(
      'In this run too, but folded behind “+N more” (not drawn).',
    );
    expect(matchWords({ ...m, source: true, matches: 3, drawn: 3, shared: 4 })).toBe(
      'Highlighted here, with 2 more nodes writing the same steps.',
    );
    expect(matchWords(null)).toBeNull();
    expect(foldedWords(0, 10, null)).toBeNull();
  });
});
