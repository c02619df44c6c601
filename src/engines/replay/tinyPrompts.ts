import type { Problem } from '../../core/tasks/task';
import type { TaskPrompts } from '../webllm/conversation';

/**
 * Prompts short enough to count by hand, for tests. With approxTokens and 4 template tokens per
 * turn (kvCache.ts TURN_OVERHEAD) every prompt turn costs 2 + 4 = 6 tokens ('Solve.', 'Go.',
 * 'Next.', 'Ok?', 'Finish.': a word and a mark each); a step 'A' costs 1 + 4 = 5, 'B2' 2 + 4 = 6.
 */
export const TINY_PROMPTS: TaskPrompts<Problem> = {
  system: () => 'Solve.',
  firstUser: () => 'Go.',
  next: 'Next.',
  judge: 'Ok?',
  finish: 'Finish.',
};
