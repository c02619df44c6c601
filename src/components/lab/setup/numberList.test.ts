import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListRule } from './numberList';
import { listText, parseNumberList } from './numberList';

const BUDGETS: ListRule = { min: 1, max: 256, integer: true, most: 8 };
const NOISES: ListRule = { min: 0, max: 1, integer: false, most: 8 };

describe('parseNumberList', () => {
  it('reads commas, spaces and semicolons, sorts and drops repeats', () => {
    expect(parseNumberList('32, 2 8;8', BUDGETS)).toEqual([2, 8, 32]);
    expect(parseNumberList(' 0.6,0, 0.3 ', NOISES)).toEqual([0, 0.3, 0.6]);
    expect(parseNumberList('', BUDGETS)).toEqual([]);
  });

  it('says what is wrong with a bad list', () => {
    expect(parseNumberList('2, x', BUDGETS)).toBe('"x" is not a number.');
    expect(parseNumberList('2.5', BUDGETS)).toBe('2.5 is not a whole number.');
    expect(parseNumberList('0', BUDGETS)).toBe('0 is outside 1–256.');
    expect(parseNumberList('1.5', NOISES)).toBe('1.5 is outside 0–1.');
    expect(parseNumberList('1 2 3 4 5 6 7 8 9', BUDGETS)).toBe('At most 8 values.');
  });

  it('gives ascending distinct values within the bounds, and reads its own text back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 256 }), { maxLength: 20 }), (values) => {
        const parsed = parseNumberList(values.join(', '), { ...BUDGETS, most: 50 });
        if (typeof parsed === 'string') return false;
        const ok = parsed.every(
          (v, i) => v >= 1 && v <= 256 && (i === 0 || v > (parsed[i - 1] ?? 0)),
        );
        return (
          ok &&
          listText(parsed) ===
            listText(parseNumberList(listText(parsed), { ...BUDGETS, most: 50 }) as number[])
        );
      }),
    );
  });
});
