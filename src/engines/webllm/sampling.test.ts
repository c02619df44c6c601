/**
 * Issue 17, item 4: web-llm takes every sampling parameter a request leaves unset from the
 * model's mlc-chat-config.json (lib/index.js 13569-13599), and computes log-probabilities
 * after the penalties and temperature but before top-p (13731-13812). The fake engine's model
 * config is not neutral (testing/fakeSampling.ts), as many prebuilt models' are not.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { taskEntry } from '../../core/tasks/registry';
import { checkOptions } from './adapter';
import { samplingOf } from './sampling';
import { FAKE_MODEL_CONFIG } from './testing/fakeSampling';
import { g24ctx, game24, OPTIONS, puzzle, S1 } from './testing/proposerFixtures';

const judgeCtx = {
  problem: puzzle,
  parentState: g24ctx().state,
  state: g24ctx([S1]).state,
  steps: [S1],
  rng: createRng(1),
};

describe('sampling parameters are explicit', () => {
  it('by default: top_p 1 and no penalties on every request, whatever the model config says', async () => {
    expect(FAKE_MODEL_CONFIG.top_p).not.toBe(1);
    const { fake, proposer, judge } = game24(() => S1);
    await proposer.propose(g24ctx(), 1);
    await judge.score(judgeCtx);
    const neutral = { top_p: 1, repetition_penalty: 1, frequency_penalty: 0, presence_penalty: 0 };
    expect(fake.calls.map((c) => c.sampling)).toEqual([
      { temperature: 0.7, ...neutral },
      { temperature: 1, ...neutral },
    ]);
  });

  it("as the run's settings say for steps; the self-judge reads the model's own distribution", async () => {
    const sampling = {
      topP: 0.9,
      repetitionPenalty: 1.1,
      presencePenalty: 0.2,
      frequencyPenalty: -0.3,
    };
    const { fake, proposer, judge } = game24(() => S1, { sampling });
    await proposer.propose(g24ctx(), 1);
    await judge.score(judgeCtx);
    expect(fake.calls[0]?.sampling).toEqual({
      temperature: 0.7,
      top_p: 0.9,
      repetition_penalty: 1.1,
      presence_penalty: 0.2,
      frequency_penalty: -0.3,
    });
    expect(fake.calls[1]?.sampling).toMatchObject({ top_p: 1, repetition_penalty: 1 });
  });

  it('refuses what web-llm refuses (13626-13640)', () => {
    const bad = {
      ...OPTIONS,
      sampling: { topP: 0, repetitionPenalty: 0, presencePenalty: 2.5, frequencyPenalty: -3 },
    };
    expect(checkOptions(taskEntry('game24'), bad)).toEqual([
      'top-p must be above 0 and at most 1',
      'the repetition penalty must be above 0',
      'the presence penalty must be between -2 and 2',
      'the frequency penalty must be between -2 and 2',
    ]);
  });

  it("takes the four out of a run's engine settings, and nothing else", () => {
    const engine = {
      kind: 'webllm',
      temperature: 0.7,
      topP: 0.5,
      repetitionPenalty: 1.3,
      presencePenalty: -1,
      frequencyPenalty: 2,
    };
    expect(samplingOf(engine)).toEqual({
      topP: 0.5,
      repetitionPenalty: 1.3,
      presencePenalty: -1,
      frequencyPenalty: 2,
    });
  });
});
