import type { ChatCompletionRequest } from '@mlc-ai/web-llm';
import type { Game24Problem, Game24State } from '../../../core/tasks/game24';
import { canReach24, game24Task, getPuzzle, legalMoves } from '../../../core/tasks/game24';
import { GAME24_PROMPTS } from '../conversation';
import type { FakeReply } from './fakeEngine';

const puzzle = getPuzzle('g24-001') as Game24Problem; // 4 6 8 8

/** The state a request's conversation has reached: its assistant turns replayed. */
function stateOf(request: ChatCompletionRequest): Game24State {
  let state = game24Task.initial(puzzle);
  for (const m of request.messages) {
    if (m.role !== 'assistant' || typeof m.content !== 'string') continue;
    // A Qwen3 turn carries web-llm's empty thinking block and the blank line it ended with.
    const step = m.content.replace(/^<think>\n\n<\/think>\n\n/, '').trim();
    const check = game24Task.applyStep(state, step, puzzle);
    if (!check.valid) throw new Error(`the fake was shown an invalid step: ${check.reason}`);
    state = check.state;
  }
  return state;
}

/**
 * A scripted model that writes only legal steps: the legal move chosen by the request's
 * seed (rollouts too: the adapter writes them step by step); answers the judge Yes (0.9) when
 * 24 is still in reach, else No (0.9). Plays puzzle g24-001 (4 6 8 8), for tests.
 */
export function game24Model(request: ChatCompletionRequest): FakeReply {
  const state = stateOf(request);
  const last = request.messages.at(-1)?.content;
  if (last === GAME24_PROMPTS.judge) {
    const good = canReach24(state.numbers);
    const [p, q] = good ? [Math.log(0.9), Math.log(0.1)] : [Math.log(0.1), Math.log(0.9)];
    return {
      text: good ? 'Yes' : 'No',
      top: [
        { token: 'Yes', logprob: p },
        { token: 'No', logprob: q },
      ],
    };
  }
  const moves = legalMoves(state.numbers);
  const move = moves[(request.seed ?? 0) % moves.length];
  return { text: `${move?.text ?? ''}\n\n`, tokenLogprob: -0.1 - ((request.seed ?? 0) % 7) / 10 };
}
