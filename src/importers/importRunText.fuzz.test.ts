import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reduce } from '../core/tree/reduce';
import type { ImportResult } from './index';
import { importRunText } from './index';
import { sampleText } from './samples.testing';

/**
 * Property tests of the importer against random and mutated files (issue 6): it never
 * throws, it answers within a second, and whatever it accepts replays through the reducer.
 */
function checkImport(text: string): ImportResult {
  const started = performance.now();
  const result = importRunText(text, 'fuzz.json');
  const ms = performance.now() - started;
  expect(ms).toBeLessThan(1000);
  if (result.ok) {
    const tree = reduce(result.file.events);
    // A run file with no events is accepted and opens as an empty run.
    if (result.file.events.length > 0) expect(tree.nodes.length).toBeGreaterThan(0);
    else expect(tree.nodes).toEqual([]);
    expect(result.trace.length).toBe(result.file.events.length);
  } else {
    expect(result.error.length).toBeGreaterThan(0);
  }
  return result;
}

const SAMPLES = ['arbor-run', 'llm-reasoners', 'openr', 'rstar-math'] as const;

/** Values that break naive readers. */
const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    -1,
    0.5,
    2,
    'NaN',
    'Infinity',
    '-Infinity',
    '',
    '0',
    '0.1.1',
    '0.0',
    null,
    true,
    [],
    {},
  ),
);

type Mutation = { path: number[]; op: 'delete' | 'replace' | 'duplicate'; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  op: fc.constantFrom('delete', 'replace', 'duplicate'),
  value: nasty,
});

/** Applies one mutation at the place `path` picks (each step: a key, modulo the key count). */
function mutate(root: unknown, m: Mutation): void {
  let container: unknown = root;
  let key: string | undefined;
  for (const step of m.path) {
    const parent: unknown =
      key === undefined ? container : (container as Record<string, unknown>)[key];
    if (typeof parent !== 'object' || parent === null) break;
    const keys = Object.keys(parent);
    if (keys.length === 0) break;
    container = parent;
    key = keys[step % keys.length] as string;
  }
  if (key === undefined || typeof container !== 'object' || container === null) return;
  const target = container as Record<string, unknown>;
  if (m.op === 'delete') {
    if (Array.isArray(target)) target.splice(Number(key), 1);
    else delete target[key];
  } else if (m.op === 'replace') {
    target[key] = structuredClone(m.value);
  } else if (Array.isArray(target)) {
    target.push(structuredClone(target[Number(key)]));
  } else {
    // A copy under a new key: for rStar-Math a new tag ("0.1" → "0.11"), elsewhere a sibling.
    target[`${key}1`] = structuredClone(target[key]);
  }
}

describe('importRunText under fuzzing', () => {
  it('random JSON: never throws, answers within a second', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        checkImport(JSON.stringify(value) ?? 'null');
      }),
      { numRuns: 300 },
    );
  });

  it('random text: never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        checkImport(text);
      }),
      { numRuns: 200 },
    );
  });

  for (const records of ['rstar-math-output', 'search-and-learn']) {
    it(`mutated records of ${records}.jsonl: never throw, whichever record is chosen`, () => {
      const lines = readFileSync(
        new URL(`../../public/samples/${records}.jsonl`, import.meta.url),
        'utf8',
      )
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown);
      fc.assert(
        fc.property(
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          fc.integer({ min: -1, max: 3 }),
          (mutations, record) => {
            const file = structuredClone(lines);
            for (const m of mutations) mutate(file, m);
            const text = file.map((l) => JSON.stringify(l)).join('\n');
            checkImport(text);
            expect(() => importRunText(text, 'x.jsonl', { record })).not.toThrow();
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  for (const name of SAMPLES) {
    it(`mutated ${name} samples: never throw, and what is accepted replays`, () => {
      const original = JSON.parse(sampleText(name)) as unknown;
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
          const file = structuredClone(original);
          for (const m of mutations) mutate(file, m);
          checkImport(JSON.stringify(file));
        }),
        { numRuns: 150 },
      );
    });

    it(`${name} with numbers turned into Python NaN / Infinity: never throws`, () => {
      const text = sampleText(name);
      fc.assert(
        fc.property(
          fc.nat(),
          fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999'),
          (n, token) => {
            const numbers = [...text.matchAll(/(?<=[:,[]\s*)-?\d+(\.\d+)?(?=\s*[,}\]])/g)];
            const hit = numbers[n % Math.max(1, numbers.length)];
            if (!hit || hit.index === undefined) return;
            checkImport(text.slice(0, hit.index) + token + text.slice(hit.index + hit[0].length));
          },
        ),
        { numRuns: 50 },
      );
    });
  }

  it('a 10 MB step text in each format is read within a second', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const openr = JSON.parse(sampleText('openr'));
    openr.info.text_state = huge;
    expect(checkImport(JSON.stringify(openr)).ok).toBe(true);
    const rstar = JSON.parse(sampleText('rstar-math'));
    rstar['0.1'].text = huge;
    expect(checkImport(JSON.stringify(rstar)).ok).toBe(true);
    const log = JSON.parse(sampleText('llm-reasoners'));
    log.logs[1].edges['2'].data.action = huge;
    expect(checkImport(JSON.stringify(log)).ok).toBe(true);
  });

  it('10,000 levels of OpenR nesting are refused, not recursed into', () => {
    const leaf = '{"info":{"visit_cnt":1,"value":0,"prior_p":1},"children":{}}';
    // Built as text: no recursion anywhere, in the test or in the importer.
    const open = '{"info":{"visit_cnt":1,"value":0,"prior_p":1},"children":{"a":';
    const text = open.repeat(10_000) + leaf + '}}'.repeat(10_000);
    const result = checkImport(text);
    expect(result).toMatchObject({
      ok: false,
      error: '(file): the JSON is nested deeper than 500 levels',
    });
  });

  it('random parent links in a TreeLog (cycles, self loops, two parents): refused or a tree', () => {
    const edges = fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 12 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), edges, (count, links) => {
        const nodes = Object.fromEntries(
          Array.from({ length: count }, (_, id) => [id, { id, data: {}, selected_edge: 0 }]),
        );
        const edgeMap = Object.fromEntries(
          links.map(([source, target], id) => [id, { id, source, target, data: { Q: 0.5 } }]),
        );
        const result = checkImport(JSON.stringify({ logs: [{ nodes, edges: edgeMap }] }));
        if (result.ok) expect(reduce(result.file.events).nodes.length).toBe(count);
      }),
      { numRuns: 300 },
    );
  });

  it('random rStar-Math tags: refused or a tree with one node per tag', () => {
    const tag = fc
      .array(fc.constantFrom('0', '1', '2', '.'), { minLength: 1, maxLength: 7 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(tag, { maxLength: 10 }), (tags) => {
        const states = Object.fromEntries(
          tags.map((t) => [t, { text: t, value: 0, q_value: 0, visit_count: 1 }]),
        );
        const result = checkImport(JSON.stringify(states));
        if (result.ok) expect(reduce(result.file.events).nodes.length).toBe(tags.length);
      }),
      { numRuns: 300 },
    );
  });
});
