import type { TaskPrompts } from '../prompts';
import { JUDGE_QUESTION, delimiterInWords } from '../prompts';
import type { Game24Problem } from './state';

/**
 * Game of 24 in the step format of Tree-of-Thoughts (Yao et al., 2023): one operation per
 * step, with the numbers left, `4 + 8 = 12 (left: 6 12 13)`.
 */
export const GAME24_PROMPTS: TaskPrompts<Game24Problem> = {
  system: (delimiter) =>
    [
      'You play the Game of 24: combine four numbers with +, -, * and / to make 24.',
      'Each number must be used exactly once.',
      'Write one step per reply: pick two of the numbers left, combine them with one operation,',
      'and write "a op b = c (left: x y z)", where "left" lists every number still left,',
      'the result c included. For example, with 4 6 8 13 left: "4 + 8 = 12 (left: 6 12 13)".',
      'The last step leaves one number, 24, for example "2 * 12 = 24 (left: 24)".',
      'Write nothing else.',
      `End your step with ${delimiterInWords(delimiter)}.`,
    ].join('\n'),
  firstUser: (problem) =>
    `Input: ${problem.numbers.join(' ')}\nUse these numbers to make 24. Write the first step.`,
  next: 'Write the next step.',
  judge: JUDGE_QUESTION,
  finish:
    'Write all the remaining steps until one number, 24, is left: one step per paragraph, ' +
    'in the same format.',
};
