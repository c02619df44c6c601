import { describe, expect, it } from 'vitest';
import { scoreCandidate } from '../core/search/ucb';
import { ucbFormula, ucbLine } from './ucbFormula';

describe('UCB with the numbers plugged in', () => {
  it('writes UCT as the issue shows it, and its total is the rule’s own', () => {
    // Q = 0.95 after one visit, N(parent) = 3, c = √2: 0.95 + 1.414 · √(1.0986 / 1) = 2.432.
    const f = ucbFormula(
      { Q: 0.95, N: 1, total: 0.95 + Math.SQRT2 * Math.sqrt(Math.log(3)) },
      'uct',
      Math.SQRT2,
      3,
    );
    expect(ucbLine(f)).toBe('0.95 + 1.41 · √(ln 3 / 1) = 2.43');
    expect(f).toEqual({ terms: '0.95 + 1.41 · √(ln 3 / 1)', total: '= 2.43' });
  });

  it('writes PUCT with the prior P', () => {
    // 0.5 + 1.5 · 0.25 · √4 / (1 + 1) = 0.875.
    const f = ucbFormula({ Q: 0.5, N: 1, P: 0.25, total: 0.875 }, 'puct', 1.5, 4);
    expect(ucbLine(f)).toBe('0.50 + 1.50 · 0.25 · √4 / (1 + 1) = 0.88');
  });

  it('says an unvisited child scores +∞, and prints negative Q with a minus sign', () => {
    expect(ucbLine(ucbFormula({ Q: 0, N: 0, total: null }, 'uct', 1.41, 3))).toBe('N = 0 → ∞');
    expect(ucbFormula({ Q: -0.5, N: 2, total: 0.4 }, 'uct', 1, 8).terms).toBe(
      '−0.50 + 1.00 · √(ln 8 / 2)',
    );
  });

  it('agrees with the search’s own scoring', () => {
    const cand = scoreCandidate({ id: 1, N: 2, W: 1, prior: 0.3 }, 5, 'uct', Math.SQRT2);
    const f = ucbFormula(cand, 'uct', Math.SQRT2, 5);
    const [, q, c, pn, n] = /^(.+) \+ (.+) · √\(ln (\d+) \/ (\d+)\)$/.exec(f.terms) ?? [];
    const recomputed = Number(q) + Number(c) * Math.sqrt(Math.log(Number(pn)) / Number(n));
    expect(Math.abs(recomputed - (cand.total ?? NaN))).toBeLessThan(0.01);
  });
});
