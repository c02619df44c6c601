import { describe, expect, it } from 'vitest';
import { reduce } from '../core/tree/reduce';
import { q } from '../core/tree/tree';
import { importRunText } from './index';
import { ROOT_WITHOUT_STATE } from './llmReasoners';
import { sampleText } from './samples.testing';

const node = (id: number, selected: number | null = null) => ({
  id,
  data: {},
  selected_edge: selected,
});
const edge = (id: number, source: number, target: number, Q: number | null = 0.5) => ({
  id,
  source,
  target,
  data: { Q, reward: 0 },
});

function log(nodes: object[], edges: object[]) {
  return JSON.stringify({
    logs: [
      {
        nodes: Object.fromEntries(nodes.map((n, i) => [i, n])),
        edges: Object.fromEntries(edges.map((e, i) => [i, e])),
      },
    ],
  });
}

describe('llm-reasoners TreeLog', () => {
  it('the sample becomes the tree worked out by hand: N counted over the snapshots', () => {
    const result = importRunText(sampleText('llm-reasoners'), 'log.json');
    if (!result.ok) throw new Error(result.error);
    expect(result.format).toBe('llm-reasoners');
    const tree = reduce(result.file.events);
    expect(tree.nodes.length).toBe(4);
    expect(tree.nodes.map((n) => n.parent)).toEqual([null, 0, 0, 1]);
    expect(tree.nodes[0]?.text).toBe(ROOT_WITHOUT_STATE);
    // Iteration 1 went root → 2, iteration 2 root → 1 → 3.
    expect(tree.nodes.map((n) => n.N)).toEqual([2, 1, 1, 1]);
    expect(tree.nodes.map((n) => q(n))).toEqual([0, 0.82, 0.3, 0.95]);
    expect(tree.nodes[1]?.text).toBe(
      'How many clips did Natalia sell in May?\nShe sold 48 / 2 = 24 clips in May.\n0.9',
    );
    expect(tree.nodes[3]?.text).toMatch(/^Now we can answer the question/);
    expect(tree.nodes.every((n) => n.prm === null)).toBe(true);
    // Two snapshots: replayed as two iterations, each select → expand → backprop.
    expect(result.file.events.map((e) => e.type)).toEqual([
      'start',
      'select',
      'expand',
      'backprop',
      'select',
      'expand',
      'backprop',
    ]);
  });

  it('steps through the history iteration by iteration, N checked at each (by hand)', () => {
    const result = importRunText(sampleText('llm-reasoners'), 'log.json');
    if (!result.ok) throw new Error(result.error);
    const { events } = result.file;
    const nAfter = (count: number) => reduce(events.slice(0, count)).nodes.map((n) => n.N);
    // Iteration 1: root's two children appear; the selected path is root → 2.
    expect(reduce(events.slice(0, 3)).nodes).toHaveLength(3);
    expect(nAfter(4)).toEqual([1, 0, 1]);
    // Iteration 2: the path root → 1 → 3; node 3 appears under node 1.
    expect(events[4]).toMatchObject({ type: 'select', iteration: 2, path: [0, 1] });
    expect(nAfter(7)).toEqual([2, 1, 1, 1]);
    expect(result.file.source?.note).toMatch(/^replayed from its snapshots/);
    expect(result.file.source?.note).toContain('does not record the simulation');
  });

  it('reads Python’s NaN (a child never visited) as a missing Q', () => {
    const text = log([node(0), node(1), node(2)], [edge(0, 0, 1), edge(1, 0, 2, 0.7)]).replace(
      '"Q":0.5',
      '"Q":NaN',
    );
    const result = importRunText(text);
    if (!result.ok) throw new Error(result.error);
    // One snapshot: N = 1 wherever a Q was saved, 0 where it was not.
    expect(reduce(result.file.events).nodes.map((n) => n.N)).toEqual([1, 0, 1]);
  });

  it('refuses parent links that form a cycle', () => {
    const result = importRunText(log([node(0), node(1), node(2)], [edge(0, 1, 2), edge(1, 2, 1)]));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(/not reachable from the root; the parent links form a cycle/);
  });

  it('refuses a node with two parents, two roots, and an edge to a missing node', () => {
    const twoParents = importRunText(log([node(0), node(1)], [edge(0, 0, 1), edge(1, 0, 1)]));
    expect(twoParents).toMatchObject({
      ok: false,
      error: 'logs.0.edges.1.target: node 1 has two parents',
    });
    const twoRoots = importRunText(log([node(0), node(1)], []));
    expect(twoRoots.ok).toBe(false);
    if (!twoRoots.ok) expect(twoRoots.error).toContain('a tree has one root; found 2');
    const missing = importRunText(log([node(0)], [edge(0, 0, 9)]));
    expect(missing).toMatchObject({ ok: false, error: 'logs.0.edges.0.target: no node has id 9' });
  });

  it('names the field path when a snapshot is malformed', () => {
    const result = importRunText(
      JSON.stringify({ logs: [{ nodes: { 0: { id: -1, data: {} } }, edges: {} }] }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(/closest is llm-reasoners: logs\.0\.nodes\.0\.id: /);
  });
});
