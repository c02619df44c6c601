import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_Q_DECIMALS, qMatches } from './check';
import { decimalText, fractionText, fromFloat, parseExact, rational, roundTo } from './exact';

const value = (text: string) => parseExact(text)?.value ?? null;

describe('parseExact', () => {
  it('reads fractions, decimals and mixed numbers exactly', () => {
    expect(parseExact('3/4')).toEqual({
      value: { num: 3n, den: 4n },
      form: 'fraction',
      decimals: 0,
    });
    expect(parseExact('0.75')).toEqual({
      value: { num: 3n, den: 4n },
      form: 'decimal',
      decimals: 2,
    });
    expect(parseExact('1 1/2')).toEqual({
      value: { num: 3n, den: 2n },
      form: 'fraction',
      decimals: 0,
    });
    expect(value('-1 1/2')).toEqual({ num: -3n, den: 2n });
    expect(value('6/8')).toEqual({ num: 3n, den: 4n });
    expect(value(' 3 / 4 ')).toEqual({ num: 3n, den: 4n });
    expect(value('.5')).toEqual({ num: 1n, den: 2n });
    expect(value('0,75')).toEqual({ num: 3n, den: 4n });
    expect(value('−0.5')).toEqual({ num: -1n, den: 2n });
    expect(value('2')).toEqual({ num: 2n, den: 1n });
    expect(value('0.1')).toEqual({ num: 1n, den: 10n }); // not the float 0.1000000000000000055…
  });

  it('refuses what is not a number', () => {
    for (const bad of [
      '',
      ' ',
      'abc',
      '3/0',
      '1 1/0',
      '3/4/5',
      '1.2.3',
      '.',
      '1e3',
      '2.7/4',
      '<b>1</b>',
      '0x10',
    ]) {
      expect(parseExact(bad), bad).toBeNull();
    }
  });

  it('reads back every fraction it prints', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (n, d) => {
          const r = rational(n, d);
          expect(parseExact(fractionText(r))?.value).toEqual(r);
        },
      ),
    );
  });
});

describe('the run’s floats and the Q rule', () => {
  it('reads a float sum as the decimal it stands for', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(fromFloat(0.1 + 0.2)).toEqual({ num: 3n, den: 10n });
    expect(fromFloat(0.6 + 0.5 + 0.9 + 0.7)).toEqual({ num: 27n, den: 10n });
    expect(fromFloat(-0.5)).toEqual({ num: -1n, den: 2n });
  });

  it('rounds half away from zero and prints decimals', () => {
    expect(roundTo(rational(27n, 40n), 2)).toEqual({ num: 17n, den: 25n }); // 0.675 → 0.68
    expect(roundTo(rational(-27n, 40n), 2)).toEqual({ num: -17n, den: 25n });
    expect(decimalText(rational(2n, 3n))).toBe('0.6667');
    expect(decimalText(rational(3n, 4n))).toBe('0.75');
    expect(decimalText(rational(-1n, 2n))).toBe('−0.5');
    expect(decimalText(rational(2n))).toBe('2');
  });

  it('Q = 2/3: the fraction, or a decimal rounded to 2 or more places; never truncated, never 1 place', () => {
    const q = rational(2n, 3n);
    const typed = (t: string) => {
      const p = parseExact(t);
      if (!p) throw new Error(t);
      return qMatches(p, q);
    };
    expect(typed('2/3')).toBe(true);
    expect(typed('4/6')).toBe(true);
    expect(typed('0.67')).toBe(true);
    expect(typed('0.667')).toBe(true);
    expect(typed('0.6667')).toBe(true);
    expect(typed('0.66')).toBe(false);
    expect(typed('0.7')).toBe(false);
    expect(typed('1')).toBe(false);
    expect(typed('0.6')).toBe(false);
    expect(MIN_Q_DECIMALS).toBe(2);
  });

  it('Q = 1/2 written with one decimal is exact, so it counts', () => {
    const p = parseExact('0.5');
    expect(p && qMatches(p, rational(1n, 2n))).toBe(true);
  });
});
