import { describe, expect, it } from 'vitest';
import { importRunText } from './index';
import { jsonDepth } from './limits';
import { pythonNonFinite } from './pythonJson';
import { sampleText } from './samples.testing';

describe('importRunText', () => {
  it('opens an Arbor run file through parseRunFile, with no source', () => {
    const result = importRunText(sampleText('arbor-run'), 'arbor-run.json');
    if (!result.ok) throw new Error(result.error);
    expect(result.format).toBe('arbor');
    expect(result.file.source).toBeUndefined();
    expect(result.trace.length).toBe(result.file.events.length);
  });

  it('passes an Arbor file’s own error through', () => {
    const file = JSON.parse(sampleText('arbor-run'));
    file.events[3].type = 'nonsense';
    const result = importRunText(JSON.stringify(file));
    expect(result).toMatchObject({ ok: false, format: 'arbor' });
    if (!result.ok) expect(result.error).toMatch(/^events\.3\.type: /);
  });

  it('sets each foreign sample’s source and keeps the file name', () => {
    for (const kind of ['llm-reasoners', 'openr', 'rstar-math'] as const) {
      const result = importRunText(sampleText(kind), `${kind}.json`);
      if (!result.ok) throw new Error(result.error);
      expect(result.format).toBe(kind);
      expect(result.file.version).toBe(2);
      expect(result.file.source?.kind).toBe(kind);
      expect(result.file.source?.fileName).toBe(`${kind}.json`);
      expect(result.file.source?.note).toMatch(
        /^no phase-by-phase history|^replayed from its snapshots/,
      );
      expect(result.file.settings.search.algorithm).toBe('mcts');
    }
  });

  it('refuses what is not JSON, not an object, or no known format', () => {
    expect(importRunText('{"logs": [')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Not JSON/),
    });
    expect(importRunText('[1, 2]')).toMatchObject({
      ok: false,
      error: '(file): expected a JSON object (a run file or a saved search tree)',
    });
    const unknown = importRunText('{"hello": "world"}');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok)
      expect(unknown.error).toMatch(
        /^Not an Arbor run file, and not a tree Arbor can read; closest is /,
      );
  });

  it('refuses a file over 150 MB before reading it', () => {
    const big = `{"x":"${'a'.repeat(150 * 1024 * 1024)}"}`;
    expect(importRunText(big)).toMatchObject({
      ok: false,
      error: expect.stringContaining('over 150 MB'),
    });
  });

  it('refuses JSON nested deeper than 500 levels before parsing it', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(importRunText(deep)).toMatchObject({
      ok: false,
      error: '(file): the JSON is nested deeper than 500 levels',
    });
  });
});

describe('jsonDepth', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[{{\\"["}]}')).toBe(3);
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('[[[[', 2)).toBe(3);
  });
});

describe('pythonNonFinite', () => {
  it('reads NaN and ±Infinity outside strings as null', () => {
    expect(pythonNonFinite('{"Q": NaN, "s": "NaN", "t": [-Infinity, Infinity]}')).toBe(
      '{"Q": null, "s": "NaN", "t": [null, null]}',
    );
    expect(pythonNonFinite('{"a": 1}')).toBeNull();
  });
});
