import type { TaskPrompts } from '../prompts';
import { JUDGE_QUESTION, delimiterInWords } from '../prompts';
import type { WordProblem } from './types';

/**
 * Math word problems: one or two short sentences per step, arithmetic as `a op b = c`, and a
 * last step "The answer is N." (one turn per step).
 */
export const WORD_PROBLEM_PROMPTS: TaskPrompts<WordProblem> = {
  system: (delimiter) =>
    [
      'You solve math word problems one step at a time.',
      'Write only one step per reply: one or two short sentences.',
      'Write every calculation as "a op b = c" with +, -, * or /, for example "3 * 12 = 36".',
      'When the steps so far already give the result, write the final step as',
      '"The answer is N." where N is a number only.',
      `End your step with ${delimiterInWords(delimiter)}.`,
    ].join('\n'),
  firstUser: (problem) => `${problem.question}\n\nWrite the first step.`,
  next: 'Write the next step.',
  judge: JUDGE_QUESTION,
  finish:
    'Write all the remaining steps, one step per paragraph, ending with the final step ' +
    '"The answer is N."',
};
