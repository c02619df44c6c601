import { describe, expect, it } from 'vitest';
import { stepNumbers } from './NodePath';

describe("a path entry's numbers", () => {
  it('gives the PRM score and, under MCTS for a visited node, Q = W / N (by hand)', () => {
    expect(stepNumbers({ prm: 0.82, N: 2, W: 1 }, 'mcts')).toBe('PRM 0.82 · Q 0.50');
    expect(stepNumbers({ prm: null, N: 3, W: 2 }, 'mcts')).toBe('Q 0.67');
  });

  it('says nothing it does not have: no Q for an unvisited node or where nothing is visited', () => {
    expect(stepNumbers({ prm: 0.4, N: 0, W: 0 }, 'mcts')).toBe('PRM 0.40');
    expect(stepNumbers({ prm: 0.4, N: 0, W: 0 }, 'beam')).toBe('PRM 0.40');
    expect(stepNumbers({ prm: null, N: 0, W: 0 }, 'best-of-n')).toBe('');
  });
});
