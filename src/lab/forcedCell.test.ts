import { describe, expect, it, vi } from 'vitest';
import { reduce } from '../core/tree/reduce';
import { ANSWER_PREFIX } from '../engines/webllm/budgetForcingPrompt';
import { FakeEngine } from '../engines/webllm/testing/fakeEngine';
import type { FakeThinkerOptions, ThinkerScript } from '../engines/webllm/testing/fakeCompletions';
import { FakeThinker } from '../engines/webllm/testing/fakeCompletions';
import { makeRunFile } from '../run/runFile';
import { parseRunFile } from '../run/parseRunFile';
import type { RunSettings } from '../run/settings';
import { DEFAULT_ENGINE, DEFAULT_WEBLLM_ENGINE } from '../run/settings';
import type { ForcedCell } from './forcedCell';
import { FORCING_SEARCH, GAME24_REFUSAL, runForcedCell } from './forcedCell';

const QWEN3 = 'Qwen3-0.6B-q4f16_1-MLC';

function cell(
  mode: 'cap' | 'extend',
  thinkingTokens: number,
  patch: Partial<RunSettings> = {},
): ForcedCell {
  const settings: RunSettings = {
    task: 'word-problems',
    problemId: 'wp-001', // 6 muffins per box, 7 boxes: 42
    search: FORCING_SEARCH,
    engine: { ...DEFAULT_WEBLLM_ENGINE, modelId: QWEN3 },
    seed: 3,
    ...patch,
  };
  return {
    id: `${thinkingTokens}|-|forcing|1|3|${settings.problemId}|run`,
    problemId: settings.problemId,
    strategy: 'forcing',
    budget: 1,
    seed: 3,
    variant: thinkingTokens,
    arm: '',
    role: 'run',
    settings,
    forcing: { mode, thinkingTokens },
  };
}

/** Thinks `thoughts[w]` after w Waits, then ends its thinking; answers `answer`. */
function thinker(
  thoughts: string[],
  answer: string,
  extra: Omit<FakeThinkerOptions, 'script'> = {},
) {
  const script: ThinkerScript = (prompt) => {
    if (prompt.endsWith(ANSWER_PREFIX)) return answer;
    const waits = (prompt.match(/Wait/g) ?? []).length;
    return `${thoughts[Math.min(waits, thoughts.length - 1)] ?? ''}</think>`;
  };
  return new FakeThinker({ script, ...extra });
}

function opens(c: ForcedCell, events: Parameters<typeof makeRunFile>[1]) {
  return parseRunFile(JSON.stringify(makeRunFile(c.settings, events, '2026-01-01T00:00:00Z')));
}

describe('runForcedCell', () => {
  it('records a solved sample as a one-sample run that opens in the visualizer', async () => {
    const c = cell('cap', 64);
    const texts: string[] = [];
    const { result, events, aborted, forcing } = await runForcedCell(
      c,
      thinker(['6 * 7 = 42'], ' 42'),
      undefined,
      { onText: (t) => texts.push(t) },
    );
    expect(texts.at(-1)).toBe('<think>\n6 * 7 = 42\n</think>\n\nFinal Answer: 42');
    expect(events.map((e) => e.type)).toEqual(['start', 'expand', 'terminal', 'done']);
    // Thinking: "6", " ", "*", " ", "7", " ", "=", " ", "4", "2", "</think>" = 11 tokens;
    // answer: " ", "4", "2" and the end = 4.
    expect(result).toMatchObject({
      cellId: c.id,
      status: 'solved',
      answer: '42',
      cost: { generated: 15, proposerCalls: 2, judgeCalls: 0 },
      events: 4,
    });
    expect(forcing).toEqual({
      thinkingTokens: 11,
      answerTokens: 4,
      waits: 0,
      requests: 2,
      thinkingEnd: 'model',
    });
    expect(aborted).toBe(false);
    const parsed = opens(c, events);
    expect(parsed.ok).toBe(true);
    const tree = reduce(events);
    expect(tree.nodes[1]?.text).toBe('<think>\n6 * 7 = 42\n</think>\n\nFinal Answer: 42');
    expect(tree.nodes[1]?.terminal).toEqual({ answer: '42', correct: true, kind: 'solved' });
    expect(tree.done?.answer).toBe('42');
    expect(tree.compute.generated).toBe(15);
  });

  it('grades the answer, not the thinking', async () => {
    const wrong = await runForcedCell(cell('cap', 64), thinker(['The answer is 42.'], ' 48'));
    expect(wrong.result.status).toBe('wrong');
    expect(wrong.result.answer).toBe('48');
    expect(wrong.events.map((e) => e.type)).toEqual(['start', 'expand', 'terminal', 'done']);
    const none = await runForcedCell(cell('cap', 64), thinker(['The answer is 42.'], ' unsure'));
    expect(none.result.status).toBe('no-answer');
    expect(none.events.map((e) => e.type)).toEqual(['start', 'expand', 'done']);
    expect(opens(cell('cap', 64), none.events).ok).toBe(true);
  });

  it('extend marks the in-text backtracking and keeps every Wait in the text', async () => {
    const { result, events, forcing } = await runForcedCell(
      cell('extend', 200),
      thinker(['6 * 7 = 42', ' check 7 * 6 = 42'], ' 42'),
    );
    expect(result.status).toBe('solved');
    expect(forcing?.waits).toBe(6);
    const expand = events[1];
    if (expand?.type !== 'expand') throw new Error('no expand');
    expect(expand.children[0]?.inTextBacktrack).toBe(true);
    expect(expand.children[0]?.text.match(/\nWait check 7 \* 6 = 42/g)).toHaveLength(6);
    expect(expand.cost.proposerCalls).toBe(8);
  });

  it('keeps model text full of HTML as text, exactly', async () => {
    const html = '<b>6 * 7</b> <script>alert(1)</script><img src=x onerror=alert(2)>';
    const { result, events } = await runForcedCell(cell('cap', 200), thinker([html], ' <i>42</i>'));
    const text = `<think>\n${html}\n</think>\n\nFinal Answer: <i>42</i>`;
    const expand = events[1];
    if (expand?.type !== 'expand') throw new Error('no expand');
    expect(expand.children[0]?.text).toBe(text);
    expect(result.status).toBe('solved');
    const parsed = opens(cell('cap', 200), events);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.file.events[1]).toEqual(expand);
    expect(reduce(events).nodes[1]?.text).toBe(text);
  });

  it('an engine that throws halfway gives a failed result with the events so far', async () => {
    const engine = thinker(['6 * 7', ' = 42'], ' 42', { breakOnCall: { call: 2, afterTokens: 2 } });
    const { result, events, aborted } = await runForcedCell(cell('extend', 100), engine);
    expect(result.status).toBe('failed');
    expect(result.error).toBe(
      'The model failed while thinking: fake engine: the GPU device was lost on call 2',
    );
    expect(aborted).toBe(false);
    expect(events.map((e) => e.type)).toEqual(['start', 'expand']);
    const expand = events[1];
    if (expand?.type !== 'expand') throw new Error('no expand');
    // Only the finished first request: "6", " ", "*", " ", "7", "</think>".
    expect(expand.cost.generated).toBe(6);
    expect(result.cost.generated).toBe(6);
    expect(result.cost.prefilled).toBe(engine.calls[0]?.promptTokens);
    expect(expand.children[0]).toMatchObject({ text: '<think>\n6 * 7\nWait', valid: false });
    expect(expand.children[0]?.invalidReason).toContain('GPU device was lost');
    expect(opens(cell('extend', 100), events).ok).toBe(true);
  });

  it('a first request that fails leaves only the start event', async () => {
    const engine = thinker(['x'], ' 1', { throwOnCall: 1 });
    const { result, events } = await runForcedCell(cell('cap', 50), engine);
    expect(events.map((e) => e.type)).toEqual(['start']);
    expect(result).toMatchObject({ status: 'failed', cost: { generated: 0, prefilled: 0 } });
    expect(result.error).toContain('scripted failure on call 1');
  });

  it('stops when the signal aborts, and says it was aborted', async () => {
    const engine = thinker(['x', ' y'], ' 1', { hangOnCall: 2 });
    const controller = new AbortController();
    const run = runForcedCell(cell('extend', 50), engine, controller.signal);
    await vi.waitFor(() => expect(engine.calls).toHaveLength(2));
    controller.abort();
    const { result, events, aborted } = await run;
    expect(aborted).toBe(true);
    expect(result.status).toBe('failed');
    expect(result.error).toBe('The run was stopped');
    expect(events.map((e) => e.type)).toEqual(['start', 'expand']);
    expect(engine.interrupts).toBe(1);
  });

  it("samples with the run's top-p and penalties, which its run file records", async () => {
    const sampling = {
      topP: 0.9,
      repetitionPenalty: 1.1,
      presencePenalty: 0,
      frequencyPenalty: 0.3,
    };
    const c = cell('cap', 64, {
      engine: { ...DEFAULT_WEBLLM_ENGINE, modelId: QWEN3, ...sampling },
    });
    const engine = thinker(['6 * 7 = 42'], ' 42');
    const { events } = await runForcedCell(c, engine);
    expect(engine.calls.length).toBeGreaterThan(0);
    for (const { request } of engine.calls) {
      expect(request).toMatchObject({
        top_p: 0.9,
        repetition_penalty: 1.1,
        presence_penalty: 0,
        frequency_penalty: 0.3,
      });
    }
    const opened = opens(c, events);
    expect(opened.ok && opened.file.settings.engine).toMatchObject(sampling);
  });

  it('refuses what it cannot run, with a reason a person can read', async () => {
    const engine = thinker(['x'], ' 1');
    const refuse = async (c: ForcedCell, e: FakeThinker | FakeEngine = engine) =>
      (await runForcedCell(c, e)).result;
    const g24 = await refuse(cell('cap', 50, { task: 'game24', problemId: 'g24-001' }));
    expect(g24).toMatchObject({ status: 'failed', error: GAME24_REFUSAL });
    const smol = await refuse(
      cell('cap', 50, {
        engine: { ...DEFAULT_WEBLLM_ENGINE, modelId: 'SmolLM2-360M-Instruct-q4f32_1-MLC' },
      }),
    );
    expect(smol.error).toContain('needs a thinking model (Qwen3)');
    expect((await refuse(cell('cap', 50, { engine: DEFAULT_ENGINE }))).error).toBe(
      'Budget forcing needs a web-llm model.',
    );
    expect((await refuse(cell('cap', 0))).error).toContain('at least 1');
    // 4096-token window − 128 answer tokens − 256 for the prompt = 3712.
    expect((await refuse(cell('cap', 3713))).error).toContain('(at most 3712)');
    expect((await refuse(cell('cap', 3712))).status).not.toBe('failed');
    expect((await refuse(cell('cap', 50, { problemId: 'wp-999' }))).error).toContain('wp-999');
    const chatOnly = new FakeEngine({ script: () => 'x' });
    expect((await refuse(cell('cap', 50), chatOnly)).error).toContain('engine.completions');
    expect(chatOnly.calls).toHaveLength(0);
  });
});
