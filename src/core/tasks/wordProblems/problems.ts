/**
 * The bundled math word problems, easiest first: 16 easy (1–2 operations), 16 medium (3–4,
 * with fractions and percentages), 16 hard (5 or more, rates and several stages). Written
 * for Arbor, not taken from a dataset. Each carries a reference solution, one step per entry
 * with its arithmetic as `a op b = c`, ending "The answer is N."; the tests run every
 * solution through the task. `problems.json` is checked here on load, so a hand edit that
 * breaks its shape fails loudly rather than deep inside a search.
 */
// The attribute lets Node's own loader (Playwright's specs import the narration) read it too.
import data from './problems.json' with { type: 'json' };
import type { WordProblem } from './types';

const DIFFICULTIES: ReadonlySet<unknown> = new Set(['easy', 'medium', 'hard']);

function checkProblem(raw: unknown, index: number): WordProblem {
  const p = raw as Partial<Record<keyof WordProblem, unknown>> | null;
  const steps = p?.steps;
  const ok =
    typeof p?.id === 'string' &&
    typeof p.question === 'string' &&
    p.question.trim() !== '' &&
    typeof p.answer === 'number' &&
    Number.isFinite(p.answer) &&
    DIFFICULTIES.has(p.difficulty) &&
    Array.isArray(steps) &&
    steps.length > 0 &&
    steps.every((s) => typeof s === 'string' && s.trim() !== '');
  if (!ok) throw new Error(`problems.json: entry ${String(index)} is not a WordProblem`);
  const problem = raw as WordProblem;
  return Object.freeze({ ...problem, steps: Object.freeze([...problem.steps]) });
}

/** The 48 bundled problems, `wp-001` (easiest) … `wp-048` (hardest). */
export const WORD_PROBLEMS: readonly WordProblem[] = Object.freeze(
  (data as unknown[]).map(checkProblem),
);

const byId = new Map(WORD_PROBLEMS.map((p) => [p.id, p]));

/** The bundled word problem with this id, or undefined. */
export function getWordProblem(id: string): WordProblem | undefined {
  return byId.get(id);
}
