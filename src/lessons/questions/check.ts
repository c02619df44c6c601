import type { ParsedNumber, Rational } from './exact';
import { decimalText, equals, fractionText, fromFloat, parseExact, roundTo } from './exact';
import type { PreparedBackup, PreparedQuestion, QuestionAnswer } from './types';

/**
 * The rule a typed Q is checked by, as the question panel and the README state it: a
 * fraction must equal W/N exactly; a decimal must equal W/N exactly, or be W/N rounded to the
 * decimals typed, with at least two (so 0.67 and 0.667 are right for 2/3, 0.66 and 0.7 are not).
 */
export const Q_RULE =
  'Q as a fraction (3/4) must equal W/N exactly; as a decimal, W/N exactly or rounded to the decimals you type (at least 2: 0.67 for 2/3).';

/** Fewest decimals a rounded decimal Q may have. */
export const MIN_Q_DECIMALS = 2;

/** Whether a typed Q is right for the exact Q, by {@link Q_RULE}. */
export function qMatches(typed: ParsedNumber, q: Rational): boolean {
  if (equals(typed.value, q)) return true;
  return (
    typed.form === 'decimal' &&
    typed.decimals >= MIN_Q_DECIMALS &&
    equals(typed.value, roundTo(q, typed.decimals))
  );
}

/** The verdict on an answer: right or wrong, the right answer in words and the working. */
export interface Checked {
  ok: true;
  right: boolean;
  /** The right answer, as the panel says it ("B", "N = 2, Q = 3/4"). */
  expected: string;
  /** Backup: which of the two numbers was right. */
  parts?: { N: boolean; Q: boolean };
  /** Lines of working that need no formula printer (the backup's arithmetic). */
  working: string[];
}

/** An answer that cannot be checked (not a number, not one of the candidates): say why. */
export interface Unreadable {
  ok: false;
  error: string;
}

export type CheckResult = Checked | Unreadable;

/** A run's float written as the short decimal it stands for (`1.5`, `0.6`, `2`). */
export const decimal = (x: number): string => decimalText(fromFloat(x), 4);

/**
 * The backup's working: N and W before → after, and Q = W/N as a fraction and a decimal.
 * @example backupWorking(A at iteration 3) //
 *   ['N: 1 → 2 (one more visit)', 'W: 0.6 → 1.5 (+ 0.9, the value backed up)', 'Q = W/N = 1.5 / 2 = 3/4 = 0.75']
 */
export function backupWorking(q: PreparedBackup): string[] {
  const fraction = fractionText(q.q);
  const dec = decimalText(q.q, 4);
  const exactDecimal = equals(roundTo(q.q, 4), q.q);
  return [
    `N: ${q.before.N} → ${q.after.N} (one more visit)`,
    `W: ${decimal(q.before.W)} → ${decimal(q.after.W)} (+ ${decimal(q.value)}, the value backed up)`,
    `Q = W/N = ${decimal(q.after.W)} / ${q.after.N} = ${fraction}${fraction === dec ? '' : ` ${exactDecimal ? '=' : '≈'} ${dec}`}`,
  ];
}

function checkBackup(q: PreparedBackup, nText: string, qText: string): CheckResult {
  if (nText.trim() === '') return { ok: false, error: 'Enter N.' };
  if (qText.trim() === '') return { ok: false, error: 'Enter Q.' };
  const n = parseExact(nText);
  if (n === null) return { ok: false, error: `N is not a number: “${nText.trim()}”.` };
  if (n.value.den !== 1n || n.value.num < 0n) {
    return { ok: false, error: `N counts visits: a whole number, not “${nText.trim()}”.` };
  }
  const typedQ = parseExact(qText);
  if (typedQ === null) {
    return { ok: false, error: `Q is not a number: “${qText.trim()}” (fractions accepted: 3/4).` };
  }
  const parts = { N: n.value.num === BigInt(q.after.N), Q: qMatches(typedQ, q.q) };
  return {
    ok: true,
    right: parts.N && parts.Q,
    expected: `N = ${q.after.N}, Q = ${fractionText(q.q)}`,
    parts,
    working: backupWorking(q),
  };
}

/**
 * Checks a learner's answer against the run's own: the winner of the selection, N and Q
 * after the backup (N exactly, Q by {@link Q_RULE}), the set the prune keeps, the answer the
 * search returns, the author's choice.
 * @returns right or wrong with the right answer and the working, or why the answer cannot be read
 */
export function checkAnswer(q: PreparedQuestion, answer: QuestionAnswer): CheckResult {
  if (answer.kind !== q.kind) {
    return { ok: false, error: `a ${answer.kind} answer to a ${q.kind} question` };
  }
  switch (q.kind) {
    case 'select': {
      if (answer.kind !== 'select') break;
      if (!q.candidates.some((c) => c.id === answer.id)) {
        return { ok: false, error: 'Pick one of the highlighted children.' };
      }
      const winner = q.candidates.find((c) => c.id === q.winner);
      return {
        ok: true,
        right: answer.id === q.winner,
        expected: winner ? `“${winner.text}” (node ${winner.id})` : `node ${q.winner}`,
        working: [],
      };
    }
    case 'backup':
      if (answer.kind !== 'backup') break;
      return checkBackup(q, answer.N, answer.Q);
    case 'prune': {
      if (answer.kind !== 'prune') break;
      const picked = new Set(answer.kept);
      const kept = new Set(q.kept);
      const right = picked.size === kept.size && [...picked].every((id) => kept.has(id));
      return {
        ok: true,
        right,
        expected: `keeps ${q.kept.map((id) => `node ${id}`).join(', ') || 'none'}`,
        working: [],
      };
    }
    case 'result':
      if (answer.kind !== 'result') break;
      return {
        ok: true,
        right: answer.answer === q.answer,
        expected: q.answer === '' ? 'no answer' : q.answer,
        working: [],
      };
    case 'choice': {
      if (answer.kind !== 'choice') break;
      const expected = q.options[q.answer] ?? '';
      return {
        ok: true,
        right: answer.index === q.answer,
        expected,
        working: q.explain === undefined ? [] : [q.explain],
      };
    }
  }
  return { ok: false, error: `a ${answer.kind} answer to a ${q.kind} question` };
}
