/**
 * A model whose chat template injects text into the reply (Qwen3 with thinking turned off:
 * web-llm 0.2.86 puts `<think>\n\n</think>\n\n` into the reply's own output, lib/index.js
 * 12361–12367), against the fake engine that does the same (testing/fakeEngine.ts). Issue 17,
 * item 1: with the default delimiter every step was "<think>".
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { EMPTY_THINKING_BLOCK } from './thinkingBlock';
import { FAKE_THINKING_BLOCK } from './testing/fakeEngine';
import { g24ctx, game24, puzzle, S1, S2 } from './testing/proposerFixtures';

const QWEN3 = { thinking: false } as const;

function judgeCtx(steps: string[]) {
  const parent = g24ctx(steps.slice(0, -1));
  return {
    problem: puzzle,
    parentState: parent.state,
    state: g24ctx(steps).state,
    steps,
    rng: createRng(1),
  };
}

describe('Qwen3 with thinking off', () => {
  it("knows web-llm's block as the fake has it (lib 12363)", () => {
    expect(EMPTY_THINKING_BLOCK).toBe(FAKE_THINKING_BLOCK.join(''));
  });

  it('writes real steps with the default delimiter, a blank line the block itself contains', async () => {
    const drafts: string[] = [];
    const { fake, proposer } = game24(() => `${S1}\n\n${S2}\n\n`, QWEN3, {
      onDraft: (d) => {
        if (d) drafts.push(d.text);
      },
    });
    const { steps } = await proposer.propose(g24ctx(), 1);
    expect(steps.map((s) => s.text)).toEqual([S1]);
    expect(drafts.some((d) => d.includes('<think>'))).toBe(false);
    // the delimiter is not sent as a stop string (it would match inside the block at once):
    // the adapter cuts the step itself and stops the generation there
    expect(fake.calls[0]?.request.stop ?? []).not.toContain('\n\n');
    expect(fake.interrupts).toBeGreaterThanOrEqual(1);
    expect(fake.calls[0]?.finishReason).toBe('abort');
    // stopped one token into the next step: S1 (20 tokens), "\n", "\n", "6"
    expect(fake.calls[0]?.completionTokens).toBe(23);
    expect(steps[0]?.tokens).toBe(22);
  });

  it('a step ended with the blank line it was asked for, then the turn, stays in the cache, and web-llm agrees', async () => {
    const replies = [`${S1}\n\n`, 'Yes'];
    const { fake, proposer, judge, cache } = game24((_, call) => replies[call - 1] ?? '', QWEN3);
    const { steps } = await proposer.propose(g24ctx(), 1);
    expect(steps.map((s) => s.text)).toEqual([S1]);
    expect(fake.calls[0]?.finishReason).toBe('stop'); // not interrupted: the turn ended there
    expect(fake.heldMessages()?.at(-1)?.content).toBe(`${EMPTY_THINKING_BLOCK}${S1}\n\n`);
    expect(cache.heldSteps()).toEqual([S1]);
    await judge.score(judgeCtx([S1]));
    expect(fake.calls[1]?.reused).toBe(true);
    // the request carried the step as web-llm holds it: the block, the step, the blank line
    expect(fake.calls[1]?.request.messages.at(-2)).toEqual({
      role: 'assistant',
      content: `${EMPTY_THINKING_BLOCK}${S1}\n\n`,
    });
  });

  it('a step that ends the turn without the blank line is not claimed as held, and web-llm agrees', async () => {
    const replies = [S1, 'Yes'];
    const { fake, proposer, judge, cache } = game24((_, call) => replies[call - 1] ?? '', QWEN3);
    const { steps } = await proposer.propose(g24ctx(), 1);
    expect(steps.map((s) => s.text)).toEqual([S1]);
    expect(cache.heldSteps()).toBeNull();
    await judge.score(judgeCtx([S1]));
    expect(fake.calls[1]?.reused).toBe(false);
  });

  it('a step cut on the client leaves nothing held, as web-llm resets after an interrupted reply', async () => {
    const replies = [`${S1}\n\n${S2}`, `${S2}`];
    const { fake, proposer, cache } = game24((_, call) => replies[call - 1] ?? '', QWEN3);
    await proposer.propose(g24ctx(), 1);
    expect(cache.heldSteps()).toBeNull();
    await proposer.propose(g24ctx([S1]), 1);
    expect(fake.calls[1]?.reused).toBe(false);
  });

  it('asks for max_tokens beyond the block, so a step still gets its token limit', async () => {
    const { fake, proposer } = game24(() => '1 + '.repeat(100), { ...QWEN3, maxStepTokens: 8 });
    const { steps } = await proposer.propose(g24ctx(), 1);
    expect(fake.calls[0]?.finishReason).toBe('length');
    expect(fake.calls[0]?.completionTokens).toBe(8);
    expect(steps[0]).toMatchObject({ text: '1 + 1 +', tokens: 8 });
  });

  it('counts the tokens web-llm reports: the block is prefilled, never generated', async () => {
    const { fake, proposer } = game24(() => S1, QWEN3);
    const { steps, cost } = await proposer.propose(g24ctx(), 1);
    // S1 is 20 fake tokens, then the end-of-sequence token
    expect(steps[0]?.tokens).toBe(21);
    expect(cost.generated).toBe(21);
    expect(cost.prefilled).toBe(fake.calls[0]?.promptTokens);
  });

  it('the self-judge reads the token after the block', async () => {
    const { judge } = game24(
      () => ({
        text: 'Yes',
        top: [
          { token: 'Yes', logprob: Math.log(0.75) },
          { token: 'No', logprob: Math.log(0.25) },
        ],
      }),
      QWEN3,
    );
    const j = await judge.score(judgeCtx([S1]));
    expect(j.score).toBeCloseTo(0.75);
  });
});
