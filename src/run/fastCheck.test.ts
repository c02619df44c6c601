import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRng } from '../core/rng';
import { collectEvents, runSearch } from '../core/search';
import { createSyntheticDomain } from '../core/testing/scripted';
import { sampleText } from '../importers/samples.testing';
import { compileFastCheck } from './fastCheck';
import { readRunFile } from './parseRunFile';
import { makeRunFile } from './runFile';
import { traceEventSchema } from './schema';
import { DEFAULT_SETTINGS } from './settings';

const check = compileFastCheck(traceEventSchema);

/** Every kind of event: a synthetic MCTS run (select, expand, score, simulate, backprop, …),
 * and the bundled Arbor sample. */
const domain = createSyntheticDomain(3, 4);
const mcts = collectEvents(
  runSearch(
    { ...domain, problem: { id: 'fast' }, rng: createRng(2) },
    {
      algorithm: 'mcts',
      rule: 'puct',
      c: 1.4,
      iterations: 12,
      maxDepth: 4,
      childrenPerExpansion: 3,
      valueMode: 'prm',
    },
  ),
);
const sample = (JSON.parse(sampleText('arbor-run')) as { events: unknown[] }).events;
const EVENTS: unknown[] = JSON.parse(JSON.stringify([...mcts, ...sample])) as unknown[];

/** Replaces, deletes or adds one value somewhere in a copy of `event` (a path of key picks). */
function mutated(event: unknown, path: number[], op: number, value: unknown): unknown {
  const root = structuredClone(event) as Record<string, unknown>;
  let parent: Record<string, unknown> = root;
  let key: string | undefined;
  for (const step of path) {
    const next: unknown = key === undefined ? parent : parent[key];
    if (typeof next !== 'object' || next === null) break;
    const keys = Object.keys(next);
    if (keys.length === 0) break;
    parent = next as Record<string, unknown>;
    key = keys[step % keys.length];
  }
  if (key === undefined) return root;
  if (op === 0 && Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (op === 0) delete parent[key];
  else if (op === 1) parent[key] = value;
  else if (Array.isArray(parent))
    parent.push(value); // JSON arrays have no named keys
  else parent[`${key}x`] = value;
  return root;
}

describe('the events’ quick check', () => {
  it('passes every event Arbor writes (so the quick path is the one taken)', () => {
    expect(EVENTS.length).toBeGreaterThan(50);
    const kinds = new Set(EVENTS.map((e) => (e as { type: string }).type));
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        'backprop',
        'done',
        'expand',
        'score',
        'select',
        'simulate',
        'start',
      ]),
    );
    for (const e of EVENTS) expect(check(e)).toBe(true);
  });

  it('tells the two kinds of end apart: judged (correct true or false) and of unknown correctness', () => {
    const end = { type: 'terminal', node: 3, answer: '72' };
    expect(check({ ...end, correct: true, kind: 'solved' })).toBe(true);
    expect(check({ ...end, correct: false, kind: 'wrong-answer' })).toBe(true);
    expect(check({ ...end, correct: null, kind: 'unknown' })).toBe(true);
    // What zod refuses, the gate never passes.
    for (const bad of [
      { ...end, correct: true, kind: 'unknown' },
      { ...end, correct: null, kind: 'solved' },
      { ...end, correct: null, kind: 'maybe' },
    ]) {
      expect(check(bad)).toBe(false);
      expect(traceEventSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('never passes what zod refuses or would change (mutated events)', () => {
    const nasty = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(
        -1,
        0.5,
        1.5,
        2,
        -0,
        1e308,
        Number.MAX_SAFE_INTEGER + 2,
        '',
        'x',
        null,
        [],
        {},
      ),
      fc.constantFrom(Infinity, -Infinity, NaN, undefined),
    );
    fc.assert(
      fc.property(
        fc.nat(EVENTS.length - 1),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.nat(2),
        nasty,
        (index, path, op, value) => {
          const e = mutated(EVENTS[index], path, op, value);
          if (!check(e)) return;
          const parsed = traceEventSchema.safeParse(e);
          expect(parsed.success).toBe(true);
          expect(parsed.data).toStrictEqual(e);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses to compile a schema with a keyword it does not know', () => {
    expect(() => compileFastCheck(z.string().regex(/a+/))).toThrow(/unsupported keyword pattern/);
  });
});

describe('readRunFile', () => {
  const events = JSON.parse(JSON.stringify(mcts)) as unknown[];
  const file = JSON.parse(JSON.stringify(makeRunFile(DEFAULT_SETTINGS, mcts))) as {
    events: unknown[];
  };

  it('gives the same file as zod alone, and reports the events checked', () => {
    const seen: number[] = [];
    const read = readRunFile(file, (checked) => seen.push(checked));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.file).toStrictEqual(z.any().pipe(z.unknown()).parse(file));
    expect(seen.at(-1)).toBe(events.length);
  });

  it('a file that fails halfway through its events is refused with zod’s named error', () => {
    const half = events.findIndex((e, i) => i >= events.length / 2 && 'iteration' in (e as object));
    const bad = structuredClone(file);
    (bad.events[half] as { iteration: unknown }).iteration = -3;
    const read = readRunFile(bad);
    expect(read).toEqual({
      ok: false,
      error: expect.stringMatching(new RegExp(`^events\\.${half}\\.`)) as unknown,
    });
  });
});
