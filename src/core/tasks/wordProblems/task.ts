/** Math word problems as a {@link Task}: the free-text domain, graded against a hidden answer. */
import type { Outcome, StepCheck, Task } from '../task';
import { answersMatch, extractFinalAnswer, formatNumber } from './answer';
import { checkArithmetic, describeArithmeticError } from './arithmetic';
import type { WordProblem, WordProblemState } from './types';
import { WORD_PROBLEMS_NAME } from './name';

const INITIAL: WordProblemState = Object.freeze({ steps: Object.freeze([]) });

/**
 * Applies one free-text step. Invalid only when it is empty (or only whitespace), or when an
 * equation in it is wrong (every wrong one is named, e.g. "3 * 12 is 36, not 38"); otherwise
 * the trimmed text is appended. Anything else, HTML included, is just text.
 */
function applyStep(state: WordProblemState, stepText: string): StepCheck<WordProblemState> {
  const text = typeof stepText === 'string' ? stepText.trim() : '';
  if (text === '') return { valid: false, reason: 'empty step' };
  const errors = checkArithmetic(text);
  if (errors.length > 0) {
    return { valid: false, reason: errors.map(describeArithmeticError).join('; ') };
  }
  return { valid: true, state: Object.freeze({ steps: Object.freeze([...state.steps, text]) }) };
}

/**
 * The line ends when its last step states a final answer ("The answer is 42."); the answer
 * is printed canonically ("$1,200.00" → "1200"), so equal answers compare equal as text.
 */
function outcome(state: WordProblemState, problem: WordProblem): Outcome | null {
  const last = state.steps.at(-1);
  const found = last === undefined ? null : extractFinalAnswer(last);
  if (found === null) return null;
  const correct = answersMatch(found.value, problem.answer);
  return { answer: formatNumber(found.value), correct, kind: correct ? 'solved' : 'wrong-answer' };
}

/**
 * Math word problems with a numeric answer: steps are free text; a line ends at a step that
 * states its answer. Not self-verifying: the correct answer is hidden from the search and
 * used only for grading. The rule check is the arithmetic in each step.
 */
export const wordProblemTask: Task<WordProblemState, WordProblem> = {
  ...WORD_PROBLEMS_NAME,
  selfVerifying: false,
  describe: (problem) => problem.question,
  initial: () => INITIAL,
  applyStep,
  outcome,
};
