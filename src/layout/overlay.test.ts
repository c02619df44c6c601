import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../core/tree/events';
import { ZERO_COST } from '../core/tree/events';
import { reduce } from '../core/tree/reduce';
import { formatUcb, phaseOverlay, UCB_ABOVE } from './overlay';
import { backpropDot, overlayBounds, overlayStages } from './overlayExtent';
import { SMALL } from './testTrees';
import { pointOnLink, tidyTree } from './tidyTree';
import { visibleTree } from './visible';

const tree = reduce(SMALL);
const layout = tidyTree(tree, { dx: 40, dy: 80 });
const round = (v: number) => Math.round(v * 100) / 100;

const SELECT: TraceEvent = {
  type: 'select',
  iteration: 3,
  rule: 'uct',
  c: Math.SQRT2,
  path: [0, 1, 5],
  levels: [
    {
      parent: 0,
      parentN: 2,
      winner: 1,
      decidedBy: 'explore',
      candidates: [
        { id: 1, N: 1, W: 0.5, Q: 0.5, exploit: 0.5, explore: 1.18, total: 1.68 },
        { id: 2, N: 1, W: 0.9, Q: 0.9, exploit: 0.9, explore: 0.2, total: 1.1 },
        { id: 3, N: 0, W: 0, Q: 0, exploit: 0, explore: null, total: null },
      ],
    },
    {
      parent: 1,
      parentN: 1,
      winner: 5,
      decidedBy: 'unvisited',
      candidates: [
        { id: 4, N: 0, W: 0, Q: 0, exploit: 0, explore: null, total: null },
        { id: 5, N: 0, W: 0, Q: 0, exploit: 0, explore: null, total: null },
      ],
    },
  ],
};

describe('select overlay', () => {
  it('labels every candidate edge with its UCB value, level by level, and marks the winners', () => {
    const o = phaseOverlay(SELECT, layout, tree);
    expect(o?.kind).toBe('select');
    if (o?.kind !== 'select') return;
    expect(o.levels).toBe(2);
    expect(overlayStages(o)).toBe(2);
    expect(o.path).toEqual([0, 1, 5]);
    expect(o.labels.map((l) => [l.level, l.parent, l.child, l.text, l.winner])).toEqual([
      [0, 0, 1, '1.68', true],
      [0, 0, 2, '1.10', false],
      [0, 0, 3, '∞', false],
      [1, 1, 4, '∞', false],
      [1, 1, 5, '∞', true],
    ]);
    // Each label sits in the gap above its candidate, with the numbers plugged in.
    expect(o.labels[0]?.at).toEqual({ x: -40, y: 80 - UCB_ABOVE });
    expect(o.labels[2]?.formula).toEqual({ terms: 'N = 0', total: '→ ∞' });
    expect(formatUcb(null)).toBe('∞');
  });

  it('leaves out edges to nodes that are not drawn (a collapsed subtree)', () => {
    const folded = tidyTree(tree, { visible: visibleTree(tree, { collapsed: new Set([1]) }) });
    const o = phaseOverlay(SELECT, folded, tree);
    expect(o?.kind === 'select' && o.labels.map((l) => l.child)).toEqual([1, 2, 3]);
    expect(o?.kind === 'select' && o.path).toEqual([0, 1]);
  });
});

describe('simulate overlay', () => {
  it('puts the rollout steps as ghosts straight below the simulated node, with the answer and reward', () => {
    const e: TraceEvent = {
      type: 'simulate',
      iteration: 3,
      from: 6,
      mode: 'rollout',
      steps: ['8 * 3 = 24', '24 = 24'],
      answer: '24',
      reward: 1,
      cost: ZERO_COST,
    };
    const o = phaseOverlay(e, layout, tree);
    expect(o).toEqual({
      kind: 'simulate',
      from: 6,
      origin: { x: 40, y: 160 },
      ghosts: [
        { at: { x: 40, y: 208 }, text: '8 * 3 = 24' },
        { at: { x: 40, y: 256 }, text: '24 = 24' },
      ],
      caption: 'answer 24 · reward 1.00',
    });
    expect(overlayBounds(o, layout)).toEqual({ minX: 40, maxX: 40, minY: 160, maxY: 256 });
    expect(overlayStages(o)).toBe(2);
  });

  it('says where the value came from when there is no rollout', () => {
    const prm: TraceEvent = {
      type: 'simulate',
      iteration: 1,
      from: 2,
      mode: 'prm',
      steps: [],
      answer: null,
      reward: 0.81,
      cost: ZERO_COST,
    };
    const o = phaseOverlay(prm, layout, tree);
    expect(o?.kind === 'simulate' && [o.ghosts.length, o.caption]).toEqual([0, 'value = PRM 0.81']);
  });
});

describe('backprop overlay', () => {
  const e: TraceEvent = {
    type: 'backprop',
    iteration: 3,
    value: 1,
    updates: [
      { id: 5, N: 1, W: 1 },
      { id: 1, N: 2, W: 1.5 },
      { id: 0, N: 3, W: 2.4 },
    ],
  };
  it('lists the stops leaf to root with N and Q before and after', () => {
    const o = phaseOverlay(e, layout, tree);
    expect(o?.kind).toBe('backprop');
    if (o?.kind !== 'backprop') return;
    expect(
      o.stops.map((s) => [s.id, s.before.N, round(s.before.Q), s.after.N, round(s.after.Q)]),
    ).toEqual([
      [5, 0, 0, 1, 1],
      [1, 1, 0.5, 2, 0.75],
      [0, 2, 0.7, 3, 0.8],
    ]);
  });
  it('moves the travelling value up the edges', () => {
    const o = phaseOverlay(e, layout, tree);
    if (o?.kind !== 'backprop') throw new Error('no overlay');
    expect(backpropDot(o.stops, 0)).toEqual({ x: -20, y: 160 });
    expect(backpropDot(o.stops, 1)).toEqual({ x: -40, y: 80 });
    expect(backpropDot(o.stops, 2)).toEqual({ x: 0, y: 0 });
    expect(backpropDot(o.stops, 9)).toEqual({ x: 0, y: 0 });
    expect(backpropDot(o.stops, 0.5)).toEqual(
      pointOnLink({ source: { x: -40, y: 80 }, target: { x: -20, y: 160 } }, 0.5),
    );
    expect(backpropDot([], 1)).toBeNull();
  });
});

describe('other events', () => {
  it('labels a prune with kept and dropped scores', () => {
    const e: TraceEvent = {
      type: 'prune',
      depth: 1,
      kept: [{ id: 1, score: 0.8 }],
      dropped: [{ id: 2, score: 0.31 }],
    };
    const o = phaseOverlay(e, layout, tree);
    expect(o?.kind === 'marks' && o.labels.map((l) => [l.id, l.text, l.tone])).toEqual([
      [1, '0.80', 'good'],
      [2, '✗ 0.31', 'bad'],
    ]);
  });
  it('draws nothing for an expansion of a node that is not drawn, or for the start', () => {
    const folded = tidyTree(tree, { visible: visibleTree(tree, { collapsed: new Set([1]) }) });
    const e: TraceEvent = {
      type: 'expand',
      iteration: 2,
      node: 4,
      children: [],
      skipped: 'max-depth',
      cost: ZERO_COST,
    };
    expect(phaseOverlay(e, folded, tree)).toBeNull();
    expect(phaseOverlay(e, layout, tree)).toEqual({
      kind: 'expand',
      node: 4,
      children: [],
      skipped: 'max-depth',
    });
    expect(phaseOverlay(SMALL[0], layout, tree)).toBeNull();
    expect(phaseOverlay(undefined, layout, tree)).toBeNull();
  });
});
