/**
 * The fake engine's behaviours that copy @mlc-ai/web-llm 0.2.86 where the adapter once
 * assumed something kinder (issue 17). Each test names the lines of
 * `node_modules/@mlc-ai/web-llm/lib/index.js` it copies.
 */
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionMessageParam,
  ChatCompletionRequestStreaming,
} from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { FAKE_THINKING_BLOCK, FakeEngine } from './fakeEngine';

const sys: ChatCompletionMessageParam = { role: 'system', content: 'Be brief.' };
const user = (content: string): ChatCompletionMessageParam => ({ role: 'user', content });
const assistant = (content: string): ChatCompletionMessageParam => ({ role: 'assistant', content });
const BLOCK = '<think>\n\n</think>\n\n';

async function drain(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = [];
  for await (const c of stream) chunks.push(c);
  return chunks;
}

const textOf = (chunks: ChatCompletionChunk[]): string =>
  chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');

function streaming(
  messages: ChatCompletionMessageParam[],
  extra: Partial<ChatCompletionRequestStreaming> = {},
): ChatCompletionRequestStreaming {
  return {
    messages,
    stream: true,
    stream_options: { include_usage: true },
    logprobs: true,
    top_logprobs: 1,
    ...extra,
  };
}

const noThinking = { extra_body: { enable_thinking: false } };

describe('the empty thinking block (enable_thinking: false; lib 12361–12367)', () => {
  it('is the block web-llm writes, as four Qwen3 tokens (lib 12363)', () => {
    expect(FAKE_THINKING_BLOCK.join('')).toBe(BLOCK);
  });

  it('ends a reply at its first token when the stop string is "\\n\\n" (lastIndexOf over the whole output, 12561–12571)', async () => {
    const engine = new FakeEngine({ script: () => '4 + 8 = 12\n\nmore' });
    const chunks = await drain(
      await engine.chat.completions.create(
        streaming([sys, user('go')], { stop: ['\n\n'], ...noThinking }),
      ),
    );
    expect(engine.calls[0]).toMatchObject({
      output: '<think>\n\n</think>',
      finishReason: 'stop',
      completionTokens: 1, // the block's ids are pushed, not sampled (12600)
    });
    expect(textOf(chunks)).toBe('<think>\n\n</think>');
  });

  it('leads the reply and the held conversation, is prefilled, and counts toward max_tokens (12575, 12590)', async () => {
    const engine = new FakeEngine({ script: () => 'a b c d e f' });
    const plain = new FakeEngine({ script: () => 'a b c d e f' });
    const request = streaming([sys, user('go')], { max_tokens: 6 });
    const chunks = await drain(await engine.chat.completions.create({ ...request, ...noThinking }));
    await drain(await plain.chat.completions.create(request));
    // 4 of the 6 output ids are the block: two tokens sampled, then length
    expect(engine.calls[0]).toMatchObject({
      output: `${BLOCK}a `,
      finishReason: 'length',
      completionTokens: 2,
    });
    expect(textOf(chunks)).toBe(`${BLOCK}a `);
    expect(engine.heldMessages()?.at(-1)).toEqual({ role: 'assistant', content: `${BLOCK}a ` });
    expect(engine.calls[0]?.promptTokens).toBe((plain.calls[0]?.promptTokens ?? 0) + 4);
    expect(engine.calls[0]?.context.endsWith(`<|im_start|>assistant\n${BLOCK}`)).toBe(true);
  });
});

describe('what a reused KV cache holds', () => {
  it("never the token that ended the reply (fed only at the next decode step, 12468), nor the reply's end-of-turn on reuse (10558–10566, 13873)", async () => {
    const replies = [{ text: 'one two.\n\n', tokens: ['one', ' two', '.\n\n'] }, 'Yes'];
    const engine = new FakeEngine({ script: (_, call) => replies[call - 1] ?? '' });
    await drain(
      await engine.chat.completions.create(streaming([sys, user('go')], { stop: ['\n\n'] })),
    );
    expect(engine.calls[0]?.output).toBe('one two.');
    expect(engine.kvText().endsWith('<|im_start|>assistant\none two')).toBe(true); // no "."
    const judge = [sys, user('go'), assistant('one two.'), user('Correct?')];
    await drain(await engine.chat.completions.create(streaming(judge)));
    expect(engine.calls[1]?.reused).toBe(true);
    const reused = engine.calls[1]?.context;
    await engine.resetChat();
    await drain(await engine.chat.completions.create(streaming(judge)));
    const fresh = engine.calls[2]?.context;
    expect(engine.calls[2]?.reused).toBe(false);
    expect(fresh).toContain('one two.<|im_end|>\n<|im_start|>user\nCorrect?');
    expect(reused).toContain('one two<|im_start|>user\nCorrect?');
    expect(reused).not.toBe(fresh);
  });

  it('every sampled token when an end-of-sequence token ended the reply, still without the end-of-turn', async () => {
    const engine = new FakeEngine({ script: (_, call) => (call === 1 ? 'one two' : 'ok') });
    await drain(await engine.chat.completions.create(streaming([sys, user('go')])));
    await drain(
      await engine.chat.completions.create(
        streaming([sys, user('go'), assistant('one two'), user('next')]),
      ),
    );
    expect(engine.calls[1]?.context).toContain('one two<|im_start|>user\nnext<|im_end|>\n');
  });
});

describe('streaming a character split across tokens (lib 18387–18399)', () => {
  it("sends no chunk while the message ends inside a character, and loses that token's log-probability entry", async () => {
    // "€" is E2 82 AC in UTF-8: its first two bytes are one token, the last byte another
    const tokens = ['ab', [0xe2, 0x82], [0xac], 'c'];
    const engine = new FakeEngine({ script: () => ({ text: 'ab€c', tokens }) });
    const chunks = await drain(await engine.chat.completions.create(streaming([user('x')])));
    const content = chunks.filter((c) => c.choices[0]?.delta.content !== undefined);
    expect(content.map((c) => c.choices[0]?.delta.content)).toEqual(['ab', '€', 'c', '']);
    const entries = content.flatMap((c) => c.choices[0]?.logprobs?.content ?? []);
    expect(entries.map((e) => e.token)).toEqual(['ab', '\uFFFD', 'c', '</s>']);
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(5);
    expect(engine.calls[0]?.output).toBe('ab€c');
  });
});

describe('the per-model lock (CustomLock, lib 11509–11547)', () => {
  it('serialises requests, and a request that takes the lock forgets an earlier interrupt (18578, 18646)', async () => {
    const engine = new FakeEngine({ script: () => 'a b c d', hangOnCall: 1 });
    const stream = await engine.chat.completions.create(streaming([user('x')]));
    const it = stream[Symbol.asyncIterator]();
    await it.next(); // the stream holds the lock (taken when first read, 18558–18559)
    const second = engine.chat.completions.create({
      messages: [user('y')],
      max_tokens: 3,
    }) as Promise<ChatCompletion>;
    await new Promise((r) => setTimeout(r, 5));
    expect(engine.waiting).toBe(1);
    expect(engine.calls[1]?.sampling).toBeNull(); // not prefilled yet
    engine.interruptGenerate(); // ends the first; the second has not started
    for (let r = await it.next(); !r.done; r = await it.next());
    expect(engine.calls[0]?.finishReason).toBe('abort');
    const reply = await second;
    expect(reply.choices[0]?.finish_reason).toBe('length');
    expect(engine.calls[1]?.completionTokens).toBe(3);
  });

  it('a one-token request cannot be interrupted once it runs: it has stopped before the loop that looks (18372–18381)', async () => {
    const engine = new FakeEngine({ script: () => 'Yes', hangOnCall: 1 });
    const pending = engine.chat.completions.create({
      messages: [user('ok?')],
      max_tokens: 1,
      logprobs: true,
      top_logprobs: 5,
    });
    await new Promise((r) => setTimeout(r, 5));
    engine.interruptGenerate();
    const reply = await pending;
    expect(reply.choices[0]?.finish_reason).toBe('length');
    expect(reply.choices[0]?.message.content).toBe('Yes');
  });
});

describe('sampling parameters (sampleFromRawLogits, lib 13561–13640)', () => {
  const ask = (engine: FakeEngine, extra: Partial<ChatCompletionRequestStreaming>) =>
    engine.chat.completions.create(streaming([user('x')], extra)).then(drain);

  it("takes what the request leaves unset from the model's config (13569–13599)", async () => {
    const engine = new FakeEngine({
      script: () => 'a',
      chatConfig: { temperature: 0.6, top_p: 0.9, repetition_penalty: 1.1, presence_penalty: 0.3 },
    });
    await ask(engine, { temperature: 1 });
    expect(engine.calls[0]?.sampling).toEqual({
      temperature: 1,
      top_p: 0.9,
      repetition_penalty: 1.1,
      frequency_penalty: 0,
      presence_penalty: 0.3,
    });
    // only one penalty set: the other is 0, not the model's (909–918)
    await ask(engine, { frequency_penalty: 0.5 });
    expect(engine.calls[1]?.sampling).toMatchObject({
      frequency_penalty: 0.5,
      presence_penalty: 0,
    });
    await ask(engine, {
      temperature: 0.7,
      top_p: 1,
      repetition_penalty: 1,
      frequency_penalty: 0,
      presence_penalty: 0,
    });
    expect(engine.calls[2]?.sampling).toEqual({
      temperature: 0.7,
      top_p: 1,
      repetition_penalty: 1,
      frequency_penalty: 0,
      presence_penalty: 0,
    });
  });

  it('gives top_p 1 when neither sets it (13587–13590), and refuses values out of range (13626–13640)', async () => {
    const engine = new FakeEngine({
      script: () => 'a',
      chatConfig: { temperature: 1, repetition_penalty: 1 },
    });
    await ask(engine, {});
    expect(engine.calls[0]?.sampling?.top_p).toBe(1);
    await expect(ask(engine, { top_p: 0 })).rejects.toThrow(/top_p/);
    await expect(ask(engine, { presence_penalty: 2.5 })).rejects.toThrow(/presence_penalty/);
  });
});
