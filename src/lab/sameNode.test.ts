import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../core/tree/events';
import { ZERO_COST } from '../core/tree/events';
import { reduce } from '../core/tree/reduce';
import type { SearchTree } from '../core/tree/tree';
import { pathTo } from '../core/tree/tree';
import {
  counterparts,
  indexTree,
  keySteps,
  normalizeStep,
  sharedCount,
  sharedPrefix,
  shortKey,
} from './sameNode';

/** A tree from a root text and, per new node in id order, its parent and text. */
function treeOf(root: string, nodes: [parent: number, text: string][]): SearchTree {
  const events: TraceEvent[] = [{ type: 'start', algorithm: 'mcts', rootText: root }];
  nodes.forEach(([parent, text], i) => {
    events.push({
      type: 'expand',
      iteration: 1,
      node: parent,
      children: [
        { id: i + 1, text, tokens: 1, logProb: 0, prior: 1, valid: true, inTextBacktrack: false },
      ],
      cost: ZERO_COST,
    });
  });
  return reduce(events);
}

// Left:  root → 1 '8 - 4 = 4' → 3 '7 - 4 = 3' ; root → 2 '8 * 7 = 56'
// Right: root → 1 '8  -  4 = 4' (spacing) → 2 '4 * 7 = 28' ; root → 3 '8 * 7 = 56' → 4 ;
//        root → 5 '8 - 4 = 4' again (a second sample opening alike)
const LEFT = treeOf('4 7 8 8', [
  [0, '8 - 4 = 4'],
  [0, '8 * 7 = 56'],
  [1, '7 - 4 = 3'],
]);
const RIGHT = treeOf('4 7 8 8', [
  [0, '8  -  4 = 4'],
  [1, '4 * 7 = 28'],
  [0, '8 * 7 = 56\n'],
  [3, '56 / 8 = 7'],
  [0, '\t8 - 4 = 4'],
]);

describe('normalizeStep', () => {
  it('collapses whitespace runs, trims, and composes Unicode', () => {
    expect(normalizeStep('  8 *\n3  = 24 ')).toBe('8 * 3 = 24');
    expect(normalizeStep('x\t\r\n y')).toBe('x y');
    expect(normalizeStep('e\u0301')).toBe('\u00e9');
    expect(normalizeStep('   ')).toBe('');
  });
});

describe('indexTree and counterparts', () => {
  const left = indexTree(LEFT);
  const right = indexTree(RIGHT);

  it('keys each node by its steps from the root', () => {
    expect(left.keys).toEqual([
      '4 7 8 8',
      '4 7 8 8\n8 - 4 = 4',
      '4 7 8 8\n8 * 7 = 56',
      '4 7 8 8\n8 - 4 = 4\n7 - 4 = 3',
    ]);
    expect(keySteps(left.keys[3] ?? '')).toEqual(['4 7 8 8', '8 - 4 = 4', '7 - 4 = 3']);
    expect(right.byKey.get('4 7 8 8\n8 - 4 = 4')).toEqual([1, 5]);
  });

  it('matches the same steps despite spacing, and every copy of them', () => {
    expect(counterparts(left, 0, right)).toEqual([0]);
    expect(counterparts(left, 1, right)).toEqual([1, 5]);
    expect(counterparts(left, 2, right)).toEqual([3]);
    expect(counterparts(right, 5, left)).toEqual([1]);
  });

  it('finds no counterpart for a line the other run never took', () => {
    expect(counterparts(left, 3, right)).toEqual([]);
    expect(counterparts(right, 2, left)).toEqual([]);
    expect(counterparts(right, 4, left)).toEqual([]);
    expect(counterparts(left, 99, right)).toEqual([]);
  });

  it('measures the shared prefix of the path to a node', () => {
    expect(sharedPrefix(LEFT, left, 3, right)).toBe(2); // root and '8 - 4 = 4'
    expect(sharedPrefix(LEFT, left, 2, right)).toBe(2);
    expect(sharedPrefix(RIGHT, right, 4, left)).toBe(2); // root and '8 * 7 = 56'
    expect(sharedPrefix(LEFT, left, 0, right)).toBe(1);
  });

  it('counts the nodes of one run the other has too', () => {
    expect(sharedCount(left, right)).toBe(3); // 0, 1, 2
    expect(sharedCount(right, left)).toBe(4); // 0, 1, 3, 5
  });

  it('shares nothing when the roots differ', () => {
    const other = indexTree(treeOf('1 2 3 4', [[0, '8 - 4 = 4']]));
    expect(counterparts(left, 1, other)).toEqual([]);
    expect(sharedPrefix(LEFT, left, 3, other)).toBe(0);
    expect(sharedCount(left, other)).toBe(0);
  });

  it('does not confuse a step holding the separator with two steps', () => {
    const a = indexTree(treeOf('r', [[0, 'a\nb']]));
    const b = indexTree(
      treeOf('r', [
        [0, 'a'],
        [1, 'b'],
      ]),
    );
    expect(a.keys[1]).toBe('r\na b');
    expect(counterparts(a, 1, b)).toEqual([]);
  });
});

describe('shortKey', () => {
  it('is the same for the same key and differs for nearby keys', () => {
    expect(shortKey('4 7 8 8\n8 - 4 = 4')).toBe(shortKey('4 7 8 8\n8 - 4 = 4'));
    expect(shortKey('4 7 8 8\n8 - 4 = 4')).not.toBe(shortKey('4 7 8 8\n8 - 4 = 5'));
    expect(shortKey('x')).toMatch(/^p[0-9a-z]+$/);
  });
});

/** A random tree: texts from a tiny alphabet so lines often coincide. */
const arbTree = fc
  .array(fc.tuple(fc.nat(), fc.constantFrom('a', 'b', ' a', 'b\n', 'c')), { maxLength: 25 })
  .map((specs) =>
    treeOf(
      'r',
      specs.map(([p, text], i) => [p % (i + 1), text] as [number, string]),
    ),
  );

/** The normalised steps to a node, the slow way. */
const stepsTo = (tree: SearchTree, id: number) =>
  pathTo(tree, id).map((n) => normalizeStep(tree.nodes[n]?.text ?? ''));

describe('matching against brute force', () => {
  it('counterparts are exactly the nodes with the same normalised steps', () => {
    fc.assert(
      fc.property(arbTree, arbTree, (a, b) => {
        const ia = indexTree(a);
        const ib = indexTree(b);
        for (const node of a.nodes) {
          const want = stepsTo(a, node.id).join('|');
          const brute = b.nodes.filter((m) => stepsTo(b, m.id).join('|') === want).map((m) => m.id);
          expect(counterparts(ia, node.id, ib)).toEqual(brute);
          const prefix = Math.max(
            0,
            ...b.nodes.map((m) => {
              const sa = stepsTo(a, node.id);
              const sb = stepsTo(b, m.id);
              let i = 0;
              while (i < sa.length && i < sb.length && sa[i] === sb[i]) i++;
              return i;
            }),
          );
          expect(sharedPrefix(a, ia, node.id, ib)).toBe(prefix);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a run matches itself node for node', () => {
    fc.assert(
      fc.property(arbTree, (a) => {
        const ia = indexTree(a);
        for (const node of a.nodes) {
          expect(counterparts(ia, node.id, ia)).toContain(node.id);
          expect(sharedPrefix(a, ia, node.id, ia)).toBe(node.depth + 1);
        }
        expect(sharedCount(ia, ia)).toBe(a.nodes.length);
      }),
    );
  });
});
