/**
 * A node's path as a chat conversation (contracts, "The path-as-conversation representation").
 * web-llm keeps the KV cache only when a request's messages, all but the last, equal the
 * conversation it holds: the previous request's messages plus the reply. So every step is its
 * own assistant turn, and every request is the path's conversation plus one user turn:
 *
 * ```
 * system(instructions), user(question + "Write the first step."),
 * assistant(step 1), user(NEXT), assistant(step 2), user(NEXT), …, assistant(step k)
 * ```
 * After generating step s below path P the engine holds exactly `pathConversation(P + [s])`,
 * so generating a child of the new node, or judging it, extends the cache.
 */
import type { TaskPrompts } from '../../core/tasks/prompts';

export type { TaskPrompts } from '../../core/tasks/prompts';
export { delimiterInWords } from '../../core/tasks/prompts';
export { GAME24_PROMPTS } from '../../core/tasks/game24/prompts';
export { WORD_PROBLEM_PROMPTS } from '../../core/tasks/wordProblems/prompts';

/** One chat message, in the shape web-llm's `ChatCompletionMessageParam` accepts. */
export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * The conversation a path is: ends with user(first) when `steps` is empty, else with
 * assistant(last step).
 * @example
 * pathConversation(GAME24_PROMPTS, puzzle, ['4 + 8 = 12 (left: 6 12 13)'], '\n\n').map((t) => t.role);
 * // ['system', 'user', 'assistant']
 */
export function pathConversation<P>(
  prompts: TaskPrompts<P>,
  problem: P,
  steps: readonly string[],
  delimiter: string,
): ChatTurn[] {
  const turns: ChatTurn[] = [
    { role: 'system', content: prompts.system(delimiter) },
    { role: 'user', content: prompts.firstUser(problem) },
  ];
  steps.forEach((step, i) => {
    if (i > 0) turns.push({ role: 'user', content: prompts.next });
    turns.push({ role: 'assistant', content: step });
  });
  return turns;
}

/** The path's conversation followed by one user turn (none needed after the first user turn). */
function withUser<P>(
  prompts: TaskPrompts<P>,
  problem: P,
  steps: readonly string[],
  delimiter: string,
  content: string,
): ChatTurn[] {
  const turns = pathConversation(prompts, problem, steps, delimiter);
  if (steps.length > 0) turns.push({ role: 'user', content });
  return turns;
}

/** The request for the next step below `steps` (for the root: [system, user(first)]). */
export function stepRequest<P>(
  prompts: TaskPrompts<P>,
  problem: P,
  steps: readonly string[],
  delimiter: string,
): ChatTurn[] {
  return withUser(prompts, problem, steps, delimiter, prompts.next);
}

/**
 * The request judging the last of `steps`.
 * @throws RangeError when `steps` is empty (the root has no step to judge)
 */
export function judgeRequest<P>(
  prompts: TaskPrompts<P>,
  problem: P,
  steps: readonly string[],
  delimiter: string,
): ChatTurn[] {
  if (steps.length === 0) throw new RangeError('the root has no step to judge');
  return withUser(prompts, problem, steps, delimiter, prompts.judge);
}

/**
 * The request for every remaining step after `steps`. From the root the first user turn is
 * extended with the finish instruction, since the last message must be the user's.
 *
 * The web-llm adapter no longer sends it: its rollouts are step requests, one per step
 * (proposer.ts), so each extends the cache and leaves the sample's path held. It remains for
 * the replay accountant's 'one-request' what-if and for callers of the package index.
 */
export function rolloutRequest<P>(
  prompts: TaskPrompts<P>,
  problem: P,
  steps: readonly string[],
  delimiter: string,
): ChatTurn[] {
  const turns = withUser(prompts, problem, steps, delimiter, prompts.finish);
  if (steps.length === 0) {
    turns[1] = { role: 'user', content: `${prompts.firstUser(problem)}\n${prompts.finish}` };
  }
  return turns;
}
