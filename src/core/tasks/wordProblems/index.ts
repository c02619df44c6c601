/** Math word problems: the free-text task, answer extraction, the arithmetic check, prompts. */
export type { WordProblem, WordProblemDifficulty, WordProblemState } from './types';
export type { FinalAnswer } from './answer';
export { ANSWER_TOLERANCE, answersMatch, extractFinalAnswer, formatNumber } from './answer';
export type { ArithmeticError, Equation } from './arithmetic';
export { checkArithmetic, describeArithmeticError, findEquations } from './arithmetic';
export type { CutStep } from './cutStep';
export { cutStep } from './cutStep';
export { wordProblemTask } from './task';
export { WORD_PROBLEMS, getWordProblem } from './problems';
