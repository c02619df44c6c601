/**
 * Issue 17, item 2: a conversation web-llm continues from its KV cache is not the text a fresh
 * prefill of the same messages reads. The last round is prefilled from the new user turn
 * (`getPromptArrayLastRound`, lib/index.js 10558–10566, 13873), so the previous reply's
 * end-of-turn separator is never in the cache; and a sampled token enters it only when the
 * next one is decoded (12468), so the token that ended the reply is not in it either. No
 * layout of turns can close the first gap (it lies between the reply and the next turn's
 * header, where no message text goes), so Arbor does not claim that the order of requests
 * leaves the model's answers alone on web-llm. These tests show the difference on the fake
 * engine, which copies both rules, with a model that reads its context.
 */
import type { ChatCompletionRequest } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import type { MctsSettings } from '../../core/search';
import { runSearch, streamEvents } from '../../core/search';
import { game24Task } from '../../core/tasks/game24';
import type { TraceEvent } from '../../core/tree/events';
import { createWebLlmEngine } from './adapter';
import { GAME24_PROMPTS } from './conversation';
import { PauseGate } from './gate';
import type { FakeReply } from './testing/fakeEngine';
import { FakeEngine } from './testing/fakeEngine';
import { game24Model } from './testing/game24Model';
import { g24ctx, OPTIONS, puzzle, S1 } from './testing/proposerFixtures';

/**
 * game24Model, except that its judge is surer when the step it judges was closed by its
 * end-of-turn mark: what a fresh prefill shows and a reused cache does not.
 */
function contextReader(request: ChatCompletionRequest, _call: number, context: string): FakeReply {
  const reply = game24Model(request);
  if (request.messages.at(-1)?.content !== GAME24_PROMPTS.judge) return reply;
  const closed = context.includes(`<|im_end|>\n<|im_start|>user\n${GAME24_PROMPTS.judge}`);
  const yes = reply.text === 'Yes';
  const sure = closed ? 0.9 : 0.6;
  const [p, q] = yes ? [sure, 1 - sure] : [1 - sure, sure];
  return {
    ...reply,
    top: [
      { token: 'Yes', logprob: Math.log(p) },
      { token: 'No', logprob: Math.log(q) },
    ],
  };
}

function engineOver(fake: FakeEngine) {
  return createWebLlmEngine(fake, 'game24', OPTIONS, {}, new PauseGate());
}

const judgeCtx = {
  problem: puzzle,
  parentState: g24ctx().state,
  state: g24ctx([S1]).state,
  steps: [S1],
  rng: createRng(1),
};

describe('a reused KV cache is not a fresh prefill', () => {
  it('the same judge request reads another text, and can answer otherwise, after its step than after a reset', async () => {
    const stepThenJudge = new FakeEngine({
      script: (r, call, context) => (call === 1 ? `${S1}\n\n` : contextReader(r, call, context)),
    });
    const a = engineOver(stepThenJudge);
    await a.proposer.propose(g24ctx(), 1);
    const reused = await a.judge.score(judgeCtx);
    const judgeOnly = new FakeEngine({ script: contextReader });
    const fresh = await engineOver(judgeOnly).judge.score(judgeCtx);
    expect(stepThenJudge.calls[1]?.reused).toBe(true);
    expect(judgeOnly.calls[0]?.reused).toBe(false);
    // the same messages, seed and sampling: only what the cache held differs
    expect(stepThenJudge.calls[1]?.request).toEqual(judgeOnly.calls[0]?.request);
    expect(stepThenJudge.calls[1]?.context).not.toBe(judgeOnly.calls[0]?.context);
    expect(reused.score).toBeCloseTo(0.6);
    expect(fresh.score).toBeCloseTo(0.9);
  });

  it('so the cache-aware order can change the scores of a search, not only its prefill', async () => {
    const settings: MctsSettings = {
      algorithm: 'mcts',
      rule: 'puct',
      c: 1.5,
      iterations: 4,
      maxDepth: 3,
      childrenPerExpansion: 2,
      valueMode: 'prm',
    };
    const scores = async (schedule: 'naive' | 'cache-aware'): Promise<number[]> => {
      const fake = new FakeEngine({ script: contextReader });
      const engine = engineOver(fake);
      const ctx = { task: game24Task, problem: puzzle, ...engine, rng: createRng(4), schedule };
      const events: TraceEvent[] = [];
      for await (const e of streamEvents(runSearch(ctx, settings))) events.push(e);
      return events.flatMap((e) => (e.type === 'score' ? [e.score] : []));
    };
    const naive = await scores('naive');
    const aware = await scores('cache-aware');
    expect(naive.length).toBeGreaterThan(0);
    expect(aware).not.toEqual(naive);
  });
});
