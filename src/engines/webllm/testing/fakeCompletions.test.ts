import type { Completion, CompletionCreateParamsStreaming } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { FakeThinker, thinkerTokenize } from './fakeCompletions';

async function drain(stream: AsyncIterable<Completion>): Promise<Completion[]> {
  const chunks: Completion[] = [];
  for await (const c of stream) chunks.push(c);
  return chunks;
}

function req(
  extra: Partial<CompletionCreateParamsStreaming> = {},
): CompletionCreateParamsStreaming {
  return {
    prompt: 'go <think>\n',
    stream: true,
    stream_options: { include_usage: true },
    ...extra,
  };
}

const text = (chunks: Completion[]): string => chunks.map((c) => c.choices[0]?.text ?? '').join('');

describe('thinkerTokenize', () => {
  it('keeps special tokens whole', () => {
    expect(thinkerTokenize('<|im_start|>ab</think>\n1')).toEqual([
      '<|im_start|>',
      'ab',
      '</think>',
      '\n',
      '1',
    ]);
  });
});

describe('FakeThinker, as web-llm completes text', () => {
  it('cuts a stop string from the text but counts its token', async () => {
    const engine = new FakeThinker({ script: () => 'x y</think>more' });
    const chunks = await drain(await engine.completions.create(req({ stop: ['</think>'] })));
    expect(text(chunks)).toBe('x y');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    // "x", " ", "y", "</think>"; the prompt: "go", " ", "<think>", "\n".
    expect(chunks.at(-1)?.usage).toMatchObject({ completion_tokens: 4, prompt_tokens: 4 });
  });

  it('ends at a model stop token, which is not in the text but is counted', async () => {
    const engine = new FakeThinker({ script: () => '42<|im_end|>junk' });
    const chunks = await drain(await engine.completions.create(req()));
    expect(text(chunks)).toBe('42');
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(3);
  });

  it('ends with length at max_tokens, and sends usage only when asked', async () => {
    const engine = new FakeThinker({ script: () => 'a b c' });
    const chunks = await drain(
      await engine.completions.create({ prompt: 'p', stream: true, max_tokens: 2 }),
    );
    expect(text(chunks)).toBe('a ');
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('length');
    expect(chunks.some((c) => c.usage)).toBe(false);
  });

  it('forgets an interrupt raised before a request; one during it ends it with abort', async () => {
    const engine = new FakeThinker({ script: () => 'a b c d', hangOnCall: 2 });
    engine.interruptGenerate();
    expect(text(await drain(await engine.completions.create(req())))).toBe('a b c d');
    const stream = await engine.completions.create(req());
    const pending = drain(stream);
    await Promise.resolve();
    engine.interruptGenerate();
    const chunks = await pending;
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('abort');
    expect(text(chunks)).toBe('a');
  });

  it('rejects what web-llm rejects', async () => {
    const engine = new FakeThinker({ script: () => 'x' });
    await expect(
      engine.completions.create({ prompt: 'p', stream_options: { include_usage: true } }),
    ).rejects.toThrow('stream_options');
    await expect(engine.completions.create(req({ seed: 1.5 }))).rejects.toThrow('seed');
    await expect(engine.completions.create(req({ max_tokens: 0 }))).rejects.toThrow('max_tokens');
  });
});
