import { describe, expect, it } from 'vitest';
import { typedEntry } from '../core/tasks/registry';
import { reduce } from '../core/tree/reduce';
import type { TreeNode } from '../core/tree/tree';
import {
  CARD,
  cardDetail,
  cardLayout,
  cardLines,
  cardOutcome,
  cardTitle,
  createCardBook,
  estimateWidth,
  fitText,
} from './card';
import { SMALL, backprop, score } from './testTrees';
import { tidyTree } from './tidyTree';

const g24 = typedEntry('game24').shortStep;
const node = (over: Partial<TreeNode>): TreeNode => ({ ...reduce(SMALL).nodes[1]!, ...over });

describe('card titles', () => {
  it('names a Game of 24 step and root in short form', () => {
    expect(cardTitle({ text: '7 - 4 = 3 (left: 3 8 8)', parent: 0 }, g24, estimateWidth)).toEqual({
      title: '7 − 4 = 3',
      short: '= 3',
      width: CARD.minWidth,
    });
    const root = cardTitle(
      { text: 'Use 4 6 8 8 with + − × ÷ to make 24.', parent: null },
      g24,
      estimateWidth,
    );
    expect(root.title).toBe('4 6 8 8');
    expect(root.short).toBe('4 6 8 8');
  });

  it('cuts a long word-problem step to the card, never wider than the most a card may be', () => {
    const long = 'First we work out how many apples each of the children was given at the fair';
    const t = cardTitle(
      { text: long, parent: 0 },
      typedEntry('word-problems').shortStep,
      estimateWidth,
    );
    expect(t.title.endsWith('…')).toBe(true);
    expect([...t.title].length).toBeLessThanOrEqual(CARD.maxTitleChars);
    expect(t.width).toBeLessThanOrEqual(CARD.maxWidth);
    expect(estimateWidth(t.title, CARD.titleFont, true) + 2 * CARD.padX).toBeLessThanOrEqual(
      t.width,
    );
  });

  it('keeps a card for text the task cannot shorten, and for a task that throws', () => {
    const t = cardTitle({ text: '', parent: 0 }, g24, estimateWidth);
    expect(t.width).toBe(CARD.minWidth);
    const broken = cardTitle(
      { text: 'x = 1', parent: 0 },
      () => {
        throw new Error('bad');
      },
      estimateWidth,
    );
    expect(broken.title).toBe('x = 1');
  });

  it('fits text to a width by cutting from the end', () => {
    // 10 px a character: 55 px holds "abcd…" (5 characters).
    const measure = (t: string) => [...t].length * 10;
    expect(fitText('abcdefghij', 55, 10, false, measure)).toBe('abcd…');
    expect(fitText('abc', 55, 10, false, measure)).toBe('abc');
  });

  it('remembers titles by node id until the text changes', () => {
    let calls = 0;
    const book = createCardBook((t) => {
      calls++;
      return t;
    });
    const n = node({ text: 'a' });
    book.title(n);
    book.title({ ...n, N: 3 });
    expect(calls).toBe(1);
    book.title({ ...n, text: 'b' });
    expect(calls).toBe(2);
  });
});

describe('card lines', () => {
  it('shows N and Q and the PRM score under MCTS', () => {
    const tree = reduce([
      ...SMALL,
      score(1, 0.81),
      backprop(1, [
        [1, 3, 2],
        [0, 3, 2],
      ]),
    ]);
    const lines = cardLines(tree.nodes[1]!, 'mcts');
    expect(lines).toEqual({ numbers: 'N 3 · Q 0.67', score: 'PRM 0.81', outcome: null });
  });

  it('shows the PRM score, not visits, under beam search and best-of-N; a pruned beam says so', () => {
    expect(cardLines(node({ prm: 0.4, pruned: true }), 'beam')).toEqual({
      numbers: 'PRM 0.40',
      score: 'pruned',
      outcome: null,
    });
    expect(cardLines(node({ prm: null }), 'best-of-n').numbers).toBe('not scored');
    expect(cardLines(node({ N: 0, W: -0.5 }), 'mcts').numbers).toBe('N 0 · Q 0.00');
    expect(cardLines(node({ N: 2, W: -1 }), 'mcts').numbers).toBe('N 2 · Q −0.50');
  });

  it('writes the outcome: solved, the wrong answer, the invalid step’s reason', () => {
    const end = (kind: 'solved' | 'wrong-answer' | 'invalid-step', answer: string) =>
      node({ terminal: { kind, answer, correct: kind === 'solved' } });
    expect(cardOutcome(end('solved', '24'))).toEqual({ kind: 'solved', text: '✓ 24' });
    expect(cardOutcome(end('wrong-answer', '20'))).toEqual({ kind: 'wrong-answer', text: '✗ 20' });
    expect(cardOutcome(node({ valid: false, invalidReason: 'uses 9,\n not available' }))).toEqual({
      kind: 'invalid-step',
      text: '⊘ uses 9, not available',
    });
    expect(cardOutcome(node({ valid: false, invalidReason: null }))?.text).toBe('⊘ invalid step');
    expect(cardOutcome(node({}))).toBeNull();
  });
});

describe('level of detail', () => {
  it('draws full cards where they read, then the short form, then marks', () => {
    expect(cardDetail(1)).toBe('full');
    expect(cardDetail(0.6)).toBe('full');
    expect(cardDetail(0.59)).toBe('short');
    expect(cardDetail(0.27)).toBe('short');
    expect(cardDetail(0.26)).toBe('mark');
  });
});

describe('card layout', () => {
  it('lays out a tree so that no two cards in a row overlap', () => {
    const tree = reduce(SMALL);
    const layout = tidyTree(tree, cardLayout(tree, createCardBook(g24)));
    for (const row of layout.rows) {
      for (let i = 1; i < row.length; i++) {
        const a = layout.byId.get((row[i - 1] as { id: number }).id)!;
        const b = layout.byId.get((row[i] as { id: number }).id)!;
        expect(b.x - b.w / 2).toBeGreaterThanOrEqual(a.x + a.w / 2 + CARD.gapX - 1e-9);
      }
    }
    expect(layout.dy).toBe(CARD.height + CARD.gapY);
  });
});
