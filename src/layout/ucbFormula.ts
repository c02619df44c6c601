import type { Candidate, SelectionRule } from '../core/tree/events';
import { num } from './card';

/**
 * A candidate's selection score written with its numbers plugged in, as a class checks it on
 * the board: UCT (Kocsis & Szepesvári 2006) `Q + c · √(ln N(parent) / N)`, PUCT (Silver et
 * al. 2017, AlphaZero) `Q + c · P · √N(parent) / (1 + N)`. The numbers are the run's own (the
 * select event's); only the printing is done here.
 */

/** The two halves of a plugged-in formula: the terms, and what they add up to. */
export interface UcbFormula {
  /** `0.95 + 1.41 · √(ln 3 / 1)`; `N = 0` for an unvisited child under UCT. */
  terms: string;
  /** `= 2.44`; `→ ∞` unvisited. */
  total: string;
}

/**
 * The formula of one candidate.
 * @param c the exploration constant
 * @param parentN N(parent) when the choice was made
 * @example ucbFormula({ Q: 0.95, N: 1, total: 2.44, … }, 'uct', Math.SQRT2, 3)
 * // { terms: '0.95 + 1.41 · √(ln 3 / 1)', total: '= 2.44' }
 */
export function ucbFormula(
  cand: Pick<Candidate, 'Q' | 'N' | 'P' | 'total'>,
  rule: SelectionRule,
  c: number,
  parentN: number,
): UcbFormula {
  if (cand.total === null) return { terms: 'N = 0', total: '→ ∞' };
  const total = `= ${num(cand.total)}`;
  if (rule === 'puct') {
    const p = num(cand.P ?? 0);
    return { terms: `${num(cand.Q)} + ${num(c)} · ${p} · √${parentN} / (1 + ${cand.N})`, total };
  }
  return { terms: `${num(cand.Q)} + ${num(c)} · √(ln ${parentN} / ${cand.N})`, total };
}

/** The formula on one line: `0.95 + 1.41 · √(ln 3 / 1) = 2.44`. */
export function ucbLine(f: UcbFormula): string {
  return `${f.terms} ${f.total}`;
}
