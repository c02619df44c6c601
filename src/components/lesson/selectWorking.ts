import type { PreparedSelect } from '../../lessons/questions';
import { ucbFormula, ucbLine } from '../../layout/ucbFormula';

/** One candidate's line of a select question's working. */
export interface WorkingLine {
  id: number;
  text: string;
  /** `0.50 + 1.00 · √(ln 3 / 1) = 1.55`, or `N = 0 → ∞` for an unvisited child under UCT. */
  arithmetic: string;
  winner: boolean;
}

/**
 * A select question's working: every candidate's score with the run's numbers plugged in
 * (layout's {@link ucbFormula}, the one place the formula is printed), the winner marked.
 */
export function selectWorking(q: PreparedSelect): WorkingLine[] {
  return q.candidates.map((cand) => ({
    id: cand.id,
    text: cand.text,
    arithmetic: ucbLine(ucbFormula(cand, q.rule, q.c, q.parentN)),
    winner: cand.id === q.winner,
  }));
}
