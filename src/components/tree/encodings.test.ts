import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../core/tree/tree';
import { reduce } from '../../core/tree/reduce';
import { SMALL, score } from '../../layout/testTrees';
import { nodeName, shorten, stubName, tooltipLines } from './describe';
import { MAX_RADIUS, edgeWidth, linkLook, nodeLook, nodeRadius, prmFill } from './encodings';
import { PALETTES } from './palette';

const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('encodings', () => {
  it('maps PRM 0 / 0.5 / 1 to the palette’s red / yellow / green, clamps, and greys the unscored', () => {
    for (const p of [PALETTES.light, PALETTES.dark]) {
      expect(prmFill(0, p)).toBe(rgb(p.prm[0]));
      expect(prmFill(0.5, p)).toBe(rgb(p.prm[1]));
      expect(prmFill(1, p)).toBe(rgb(p.prm[2]));
      expect(prmFill(1.7, p)).toBe(rgb(p.prm[2]));
      expect(prmFill(null, p)).toBe(p.unscored);
    }
    expect(prmFill(null, PALETTES.dark)).not.toBe(prmFill(null, PALETTES.light));
  });

  it('blends the two nearest stops in RGB between them (worked by hand), and greys a score that is not a number', () => {
    const p = PALETTES.light;
    // 0.25 is halfway from #d73027 (215, 48, 39) to #fee08b (254, 224, 139): the channel means
    // 234.5, 136, 89, rounded.
    expect(prmFill(0.25, p)).toBe('rgb(235, 136, 89)');
    expect(prmFill(-0.3, p)).toBe(rgb(p.prm[0]));
    expect(prmFill(Number.NaN, p)).toBe(p.unscored);
  });

  it('grows the radius and edge width with log visits, up to a cap', () => {
    expect(nodeRadius(0)).toBe(5);
    expect(nodeRadius(1)).toBe(7);
    expect(nodeRadius(3)).toBe(9);
    expect(nodeRadius(1e6)).toBe(MAX_RADIUS);
    expect(edgeWidth(0)).toBe(1);
    expect(edgeWidth(7)).toBe(4);
    expect(edgeWidth(1e6)).toBe(7);
  });
});

const base: TreeNode = reduce(SMALL).nodes[4]!;
const node = (patch: Partial<TreeNode>): TreeNode => ({ ...base, ...patch });

describe('node looks', () => {
  it('encodes path, invalid, pruned, terminal, backtracking and self-correction', () => {
    const p = PALETTES.light;
    const plain = nodeLook(base, false, p);
    expect(plain).toMatchObject({
      r: 5,
      stroke: p.nodeStroke,
      dashed: false,
      opacity: 1,
      glyph: null,
      backtrack: false,
    });
    const odd = nodeLook(
      node({
        valid: false,
        pruned: true,
        backtracks: 2,
        inTextBacktrack: true,
        terminal: { answer: '23', correct: false, kind: 'wrong-answer' },
      }),
      true,
      p,
    );
    expect(odd).toMatchObject({
      stroke: p.path,
      dashed: true,
      opacity: 0.3,
      glyph: '✗',
      glyphColor: p.wrong,
      backtrack: true,
      selfCorrect: true,
    });
    expect(linkLook(node({ N: 7 }), true, p)).toEqual({ width: 5, color: p.path, opacity: 1 });
  });
});

describe('words', () => {
  it('names a node for screen readers', () => {
    const solved = node({
      text: '8 * 3 = 24',
      N: 5,
      W: 3,
      prm: 0.81,
      terminal: { answer: '24', correct: true, kind: 'solved' },
    });
    expect(nodeName(solved)).toBe("Step '8 * 3 = 24', N 5, Q 0.60, PRM 0.81, solved");
    expect(nodeName(node({ parent: null, text: 'Use 4 6 8 8' }), 12)).toBe(
      "Problem 'Use 4 6 8 8', N 0, Q 0.00, collapsed, 12 hidden",
    );
    expect(nodeName(node({ pruned: true, backtracks: 1 }))).toBe(
      "Step 'step 4', N 0, Q 0.00, pruned, backtracking point",
    );
  });

  it('puts the whole step text first in the tooltip, then numbers and flags', () => {
    const tree = reduce([...SMALL, score(4, 0.25)]);
    const lines = tooltipLines(tree.nodes[4]!);
    expect(lines).toEqual(['step 4', 'N 0 · W 0.00 · Q 0.000 · PRM 0.25 (rule verifier)']);
    expect(tooltipLines(node({ valid: false, invalidReason: '5 * 4 is 20' }))).toContain(
      'Invalid: 5 * 4 is 20',
    );
  });

  it('shortens long text and names stubs', () => {
    expect(shorten('a  b\nc', 10)).toBe('a b c');
    expect(shorten('abcdefghijkl', 5)).toBe('abcd…');
    expect(stubName(3, node({ parent: null }))).toBe(
      '3 more children of the problem, fewer visits: click to show',
    );
  });
});
