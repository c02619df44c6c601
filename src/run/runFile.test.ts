import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { collectEvents } from '../core/search';
import type { TraceEvent } from '../core/tree/events';
import { reduce } from '../core/tree/reduce';
import type { RunFileV2, RunSource } from './runFile';
import { makeRunFile } from './runFile';
import { parseRunFile } from './parseRunFile';
import type { runFileV2Schema, runSettingsSchema, traceEventSchema } from './schema';
import type { RunSettings } from './settings';
import { DEFAULT_SETTINGS, DEFAULT_WEBLLM_ENGINE } from './settings';
import { searchProgram } from './startSearch';

const events = collectEvents(searchProgram({ ...DEFAULT_SETTINGS, seed: 5 }));
const file = makeRunFile(DEFAULT_SETTINGS, events, new Date('2026-11-21T12:00:00Z'));

function errorOf(input: unknown): string {
  const parsed = parseRunFile(input);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.error;
}

describe('run file v2', () => {
  it('the schema accepts every event and setting the types allow (no drift)', () => {
    expectTypeOf<TraceEvent>().toExtend<z.input<typeof traceEventSchema>>();
    expectTypeOf<RunSettings>().toExtend<z.input<typeof runSettingsSchema>>();
    expectTypeOf<RunFileV2>().toExtend<z.input<typeof runFileV2Schema>>();
  });

  it('round-trips through JSON text: same settings, same events, same tree', () => {
    const parsed = parseRunFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.file).toEqual(file);
    expect(parsed.trace.treeAt(parsed.trace.length)).toEqual(reduce(events));
    expect(file).toMatchObject({
      format: 'arbor-run',
      version: 2,
      createdAt: '2026-11-21T12:00:00.000Z',
    });
    expect(parsed).not.toHaveProperty('migratedFrom');
    expect(Object.keys(file).sort()).toEqual(
      ['createdAt', 'events', 'format', 'settings', 'version'], // no name or source unless given
    );
  });

  it('round-trips a hinted run (StepHint), and opens files that have no hint field', () => {
    const settings: RunSettings = { ...DEFAULT_SETTINGS, hintSteps: 2 };
    const hinted = makeRunFile(settings, collectEvents(searchProgram(settings)), new Date(0));
    const parsed = parseRunFile(JSON.stringify(hinted));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.file.settings.hintSteps).toBe(2);
    expect(parsed.file).toEqual(hinted);
    expect(file.settings).not.toHaveProperty('hintSteps');
    expect(parseRunFile(JSON.stringify(file)).ok).toBe(true);
    const bad = { ...hinted, settings: { ...settings, hintSteps: -1 } };
    expect(errorOf(bad)).toContain('settings.hintSteps');
  });

  it('carries a name and a source, and keeps a createdAt string as given', () => {
    const source: RunSource = {
      kind: 'openr',
      fileName: 'tree.json',
      note: 'no phase-by-phase history: the tree is shown as it ended',
    };
    const named = makeRunFile(DEFAULT_SETTINGS, events, '2026-11-20T08:30:00.000Z', {
      name: 'Seed 5, first try',
      source,
    });
    expect(named).toMatchObject({
      createdAt: '2026-11-20T08:30:00.000Z',
      name: 'Seed 5, first try',
    });
    const parsed = parseRunFile(JSON.stringify(named));
    expect(parsed.ok && parsed.file).toEqual(named);
    expect(parseRunFile({ ...named, source: { kind: 'openr', note: '' } }).ok).toBe(true);
  });

  it.each<[string, Partial<RunFileV2> | Record<string, unknown>, string]>([
    ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name: Too big'],
    ['a name that is not text', { name: 7 }, 'name: Invalid input'],
    ['an unknown source kind', { source: { kind: 'tot', note: '' } }, 'source.kind'],
    ['a source without a note', { source: { kind: 'openr' } }, 'source.note'],
    [
      'a note over 2,000 characters',
      { source: { kind: 'openr', note: 'x'.repeat(2001) } },
      'source.note: Too big',
    ],
  ])('refuses %s, naming the field', (_, patch, message) => {
    expect(errorOf({ ...file, ...patch })).toContain(message);
  });

  it('accepts a name of exactly 200 characters and a note of exactly 2,000', () => {
    const edge = {
      ...file,
      name: 'n'.repeat(200),
      source: { kind: 'openr', note: 'x'.repeat(2000) },
    };
    expect(parseRunFile(edge).ok).toBe(true);
  });

  it('carries a model run: web-llm settings and self-judge evidence round-trip', () => {
    const modelRun = makeRunFile(
      {
        ...DEFAULT_SETTINGS,
        task: 'word-problems',
        problemId: 'wp-003',
        engine: { ...DEFAULT_WEBLLM_ENGINE, modelId: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC' },
      },
      events,
      new Date('2026-11-22T12:00:00Z'),
    );
    const parsed = parseRunFile(JSON.stringify(modelRun));
    expect(parsed.ok && parsed.file.settings).toEqual(modelRun.settings);
    const bad = { ...modelRun, settings: { ...modelRun.settings, engine: { kind: 'webllm' } } };
    expect(errorOf(bad)).toMatch(/settings\.engine\.modelId/);
  });

  it("records a model run's sampling (issue 17); a file from before then opens with top-p 1 and no penalties", () => {
    const sampling = {
      topP: 0.9,
      repetitionPenalty: 1.1,
      presencePenalty: 0,
      frequencyPenalty: 0.5,
    };
    const engine = { ...DEFAULT_WEBLLM_ENGINE, modelId: 'Qwen3-0.6B-q4f16_1-MLC', ...sampling };
    const modelRun = makeRunFile({ ...DEFAULT_SETTINGS, engine }, events, new Date(0));
    const text = JSON.stringify(modelRun);
    expect(JSON.parse(text)).toMatchObject({ settings: { engine: sampling } });
    const parsed = parseRunFile(text);
    expect(parsed.ok && parsed.file.settings.engine).toEqual(engine);
    expect(DEFAULT_WEBLLM_ENGINE).toMatchObject({
      topP: 1,
      repetitionPenalty: 1,
      presencePenalty: 0,
      frequencyPenalty: 0,
    });
    const before: Record<string, unknown> = { ...engine };
    for (const key of Object.keys(sampling)) delete before[key];
    const old = parseRunFile({ ...modelRun, settings: { ...modelRun.settings, engine: before } });
    expect(old.ok && old.file.settings.engine).toEqual({
      ...before,
      topP: 1,
      repetitionPenalty: 1,
      presencePenalty: 0,
      frequencyPenalty: 0,
    });
    const bad = { ...modelRun, settings: { ...modelRun.settings, engine: { ...engine, topP: 0 } } };
    expect(errorOf(bad)).toMatch(/settings\.engine\.topP/);
  });

  it('carries an end of unknown correctness (an imported tree) through export and import', () => {
    const unknown: TraceEvent = {
      type: 'terminal',
      node: 0,
      answer: '72',
      correct: null,
      kind: 'unknown',
    };
    const withEnd = makeRunFile(DEFAULT_SETTINGS, [events[0] as TraceEvent, unknown], new Date(0));
    const parsed = parseRunFile(JSON.parse(JSON.stringify(withEnd)));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.file.events[1]).toEqual(unknown);
    expect(parsed.trace.treeAt(2).nodes[0]?.terminal).toEqual({
      answer: '72',
      correct: null,
      kind: 'unknown',
    });
  });

  it('keeps step text full of HTML as text', () => {
    const hostile = structuredClone(file);
    const expand = hostile.events.find((e) => e.type === 'expand' && e.children.length > 0);
    if (expand?.type !== 'expand' || !expand.children[0]) throw new Error('no expand event');
    expand.children[0].text = '<img src=x onerror="window.__pwned=1">';
    const parsed = parseRunFile(hostile);
    expect(
      parsed.ok && parsed.trace.treeAt(parsed.trace.length).nodes[expand.children[0].id]?.text,
    ).toBe('<img src=x onerror="window.__pwned=1">');
  });

  it.each<[string, unknown, string]>([
    ['text that is not JSON', '{"format": "arbor-run", ', 'Not JSON'],
    ['another format', { format: 'openr-tree' }, 'format: expected "arbor-run", got "openr-tree"'],
    [
      'a newer version',
      { ...file, version: 3 },
      'version: the file is version 3, made by a newer Arbor; this copy reads versions 1 to 2',
    ],
    ['version 0', { ...file, version: 0 }, 'version: expected a version from 1 to 2, got 0'],
    ['a version that is text', { ...file, version: '2' }, 'got "2"'],
    ['a fractional version', { ...file, version: 2.5 }, 'got 2.5'],
    ['a bigint version', { ...file, version: 3n }, 'got 3n'],
    ['no version', { ...file, version: undefined }, 'version: '],
    ['a missing field', { ...file, settings: undefined }, 'settings: '],
    [
      'a bad field deep inside',
      {
        ...file,
        events: [
          file.events[0],
          { type: 'backprop', iteration: 1, value: 1, updates: [{ id: 0, N: -1, W: 0 }] },
        ],
      },
      'events.1.updates.0.N',
    ],
    [
      'an unknown event type',
      { ...file, events: [file.events[0], { type: 'explode' }] },
      'events.1.type',
    ],
    [
      'an event that does not fit the tree',
      {
        ...file,
        events: [
          file.events[0],
          { type: 'terminal', node: 42, answer: '24', correct: true, kind: 'solved' },
        ],
      },
      'events.event 1: terminal node 42 does not exist',
    ],
    [
      'an end marked unknown that says it is correct',
      {
        ...file,
        events: [
          file.events[0],
          { type: 'terminal', node: 0, answer: '24', correct: true, kind: 'unknown' },
        ],
      },
      'events.1.correct: Invalid input: expected null, received boolean',
    ],
    [
      'a solved end of unknown correctness',
      {
        ...file,
        events: [
          file.events[0],
          { type: 'terminal', node: 0, answer: '24', correct: null, kind: 'solved' },
        ],
      },
      'events.1.correct: Invalid input: expected boolean, received null',
    ],
    ['null', null, '(file)'],
  ])('refuses %s with a message that says what and where', (_, input, message) => {
    expect(errorOf(input)).toContain(message);
  });

  it('never throws on random or mutated input (property)', () => {
    const mutated = fc
      .tuple(fc.nat(events.length - 1), fc.jsonValue())
      .map(([i, junk]) => ({ ...file, events: file.events.map((e, k) => (k === i ? junk : e)) }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), mutated), (input) => {
        const parsed = parseRunFile(input);
        if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
