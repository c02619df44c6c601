import { describe, expect, it } from 'vitest';
import { placeEndLabels, wrapLabel } from './endLabels';

describe('placeEndLabels', () => {
  it('leaves labels far apart where they are and pushes close ones apart by their rows', () => {
    const ys = placeEndLabels(
      [
        { id: 'a', y: 100, rows: 2 },
        { id: 'b', y: 104, rows: 1 },
        { id: 'c', y: 200, rows: 1 },
      ],
      12,
      0,
      300,
    );
    // a takes two rows (100 and 112), so b starts at 124; c is far below and stays.
    expect([...ys.entries()]).toEqual([
      ['a', 100],
      ['b', 124],
      ['c', 200],
    ]);
  });

  it('moves a stack that runs past the bottom up, and never above the top', () => {
    const ys = placeEndLabels(
      [
        { id: 'a', y: 290, rows: 1 },
        { id: 'b', y: 290, rows: 1 },
      ],
      12,
      10,
      300,
    );
    expect(ys.get('a')).toBe(288);
    expect(ys.get('b')).toBe(300);
    const high = placeEndLabels([{ id: 'a', y: -5, rows: 1 }], 12, 10, 300);
    expect(high.get('a')).toBe(10);
  });
});

describe('wrapLabel', () => {
  it('breaks at spaces into rows of at most the width, keeping a long word whole', () => {
    expect(wrapLabel('Best-of-N, PRM pick (geometric mean)', 20)).toEqual([
      'Best-of-N, PRM pick',
      '(geometric mean)',
    ]);
    expect(wrapLabel('MCTS', 20)).toEqual(['MCTS']);
    expect(wrapLabel('Supercalifragilistic x', 5)).toEqual(['Supercalifragilistic', 'x']);
    expect(wrapLabel('', 5)).toEqual([]);
  });
});
