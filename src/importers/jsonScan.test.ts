import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsText, scanJson } from './jsonScan';

/** Nesting depth of a parsed value, by recursion (the values here are shallow). */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (typeof value === 'object' && value !== null) {
    return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  }
  return 0;
}

/** Every event parsed back from the scan's places, in batches of `size`. */
function eventsBack(text: string, size: number): unknown[] | null {
  const places = scanJson(text, 500).events;
  if (!places) return null;
  const out: unknown[] = [];
  for (let i = 0; i < places.ends.length; i += size) {
    const to = Math.min(places.ends.length, i + size);
    out.push(...(JSON.parse(eventsText(text, places, i, to)) as unknown[]));
  }
  return out;
}

describe('scanJson', () => {
  it('finds each event of a small file, worked by hand', () => {
    const text = '{"events":[{"x":1},[2,3]]}';
    expect(scanJson(text, 500)).toEqual({ depth: 3, events: { start: 11, ends: [18, 24] } });
    expect(eventsText(text, { start: 11, ends: [18, 24] }, 1, 2)).toBe('[[2,3]]');
  });

  it('skips brackets, commas, colons and escaped quotes inside strings', () => {
    const text = '{"a":"\\",[{:","events":[ "x,]\\"", {"events":[1,2]} ] , "b":1}';
    expect(eventsBack(text, 1)).toEqual(['x,]"', { events: [1, 2] }]);
    expect(scanJson(text, 500).depth).toBe(4);
  });

  it('reads an empty events array as no events, and a key written with escapes', () => {
    expect(scanJson('{"events": [ ]}', 500).events).toEqual({ start: 12, ends: [] });
    expect(eventsBack('{"ev\\u0065nts":[7]}', 5)).toEqual([7]);
  });

  it('gives no places where there is no single top-level events array', () => {
    expect(scanJson('{"events":{"a":[1]}}', 500).events).toBeNull();
    expect(scanJson('{"events":[1],"events":[2]}', 500).events).toBeNull();
    expect(scanJson('[{"events":[1]}]', 500).events).toBeNull();
    expect(scanJson('{"run":{"events":[1]}}', 500).events).toBeNull();
    expect(scanJson('{"events":5}', 500).events).toBeNull();
  });

  it('stops at the depth limit', () => {
    expect(scanJson('{"events":[[[[1]]]]}', 3)).toEqual({ depth: 4, events: null });
  });

  it('agrees with JSON.parse on any file with an events array, at any indent and batch size', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
        fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 7 }),
        (others, events, indent, size) => {
          const value = { ...others, events };
          delete (value as Record<string, unknown>)['__proto__'];
          const text = JSON.stringify(value, null, indent);
          expect(eventsBack(text, size)).toEqual(JSON.parse(JSON.stringify(events)));
          expect(scanJson(text, 500).depth).toBe(depthOf(JSON.parse(text)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on text that is not JSON', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => scanJson(text, 500)).not.toThrow();
      }),
    );
  });
});
