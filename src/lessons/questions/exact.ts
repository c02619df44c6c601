/**
 * Exact rational numbers for checking a class's answers: `3/4`, `0.75` and `1 1/2` are read
 * without rounding (bigint numerator over a positive bigint denominator, in lowest terms), so
 * "Q = W/N" is compared exactly rather than to a float's last digit.
 */

/** A rational number num/den in lowest terms, den > 0. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** num/den in lowest terms with a positive denominator; throws on a zero denominator. */
export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('a fraction cannot have denominator 0');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function divide(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('division by 0');
  return rational(a.num * b.den, a.den * b.num);
}

export function equals(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

/** A decimal string ("-0.75", "2", ".5") as a rational, or null when it is not one. */
function parseDecimal(text: string): Rational | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return null;
  const [, sign = '', whole = '', frac = ''] = m;
  if (whole === '' && frac === '') return null;
  const digits = BigInt(`${whole}${frac}` || '0');
  return rational(sign === '-' ? -digits : digits, 10n ** BigInt(frac.length));
}

/** What {@link parseExact} read: the value and how it was written. */
export interface ParsedNumber {
  value: Rational;
  /** Written as a fraction (`3/4`, `1 1/2`) or as a decimal (`0.75`, `2`). */
  form: 'fraction' | 'decimal';
  /** Digits after the decimal point as typed (0 for a fraction or a whole number). */
  decimals: number;
}

/**
 * Reads a number as a class types it: a decimal (`0.75`, `-0.5`, `2`, `.5`), a fraction
 * (`3/4`, `-3/4`) or a mixed number (`1 1/2`, `-1 1/2`), exactly. Spaces around the text and
 * the slash are allowed; a comma as the decimal mark (`0,75`) is read as a point.
 * @returns the value, or null when the text is not a number
 * @example parseExact('1 1/2') // { value: { num: 3n, den: 2n }, form: 'fraction', decimals: 0 }
 */
export function parseExact(input: string): ParsedNumber | null {
  const text = input
    .trim()
    .replace(/\s*\/\s*/, '/')
    .replace(',', '.')
    .replace('−', '-');
  if (text === '' || text.length > 40) return null;
  const mixed = /^([+-]?)(\d+)\s+(\d+)\/(\d+)$/.exec(text);
  if (mixed) {
    const [, sign = '', whole = '0', n = '0', d = '0'] = mixed;
    if (BigInt(d) === 0n) return null;
    const value = add(rational(BigInt(whole)), rational(BigInt(n), BigInt(d)));
    return {
      value: sign === '-' ? rational(-value.num, value.den) : value,
      form: 'fraction',
      decimals: 0,
    };
  }
  const fraction = /^([+-]?\d+)\/(\d+)$/.exec(text);
  if (fraction) {
    const [, n = '0', d = '0'] = fraction;
    if (BigInt(d) === 0n) return null;
    return { value: rational(BigInt(n), BigInt(d)), form: 'fraction', decimals: 0 };
  }
  const value = parseDecimal(text);
  if (value === null) return null;
  return { value, form: 'decimal', decimals: text.split('.')[1]?.length ?? 0 };
}

/**
 * A run's number (a float) as the decimal it stands for: rounded to `decimals` places, so
 * that W = 0.1 + 0.2, which a float holds as 0.30000000000000004, is read as 3/10. The
 * run's rewards are short decimals (PRM scores, 0 and 1), whose sums a float misses only in
 * the 16th digit.
 */
export function fromFloat(x: number, decimals = 9): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const scale = 10 ** decimals;
  return rational(BigInt(Math.round(x * scale)), BigInt(scale));
}

/** The value rounded to `decimals` places, half away from zero, as a rational. */
export function roundTo(x: Rational, decimals: number): Rational {
  const scale = 10n ** BigInt(decimals);
  const scaled = x.num * scale;
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const q = abs / x.den;
  const up = (abs % x.den) * 2n >= x.den ? q + 1n : q;
  return rational(negative ? -up : up, scale);
}

/** Whether the value has a finite decimal expansion of at most `decimals` places. */
export function isExactIn(x: Rational, decimals: number): boolean {
  return equals(roundTo(x, decimals), x);
}

/** `3/4`, `2`, `-1/3`: the value as a fraction in lowest terms. */
export function fractionText(x: Rational): string {
  return x.den === 1n ? `${x.num}` : `${x.num}/${x.den}`;
}

/**
 * The value as a decimal with at most `decimals` places, trailing zeros dropped (`0.75`,
 * `2`, `0.6667`), and `−` for minus, as the rest of Arbor prints numbers.
 */
export function decimalText(x: Rational, decimals = 4): string {
  const r = roundTo(x, decimals);
  const negative = r.num < 0n;
  const abs = negative ? -r.num : r.num;
  const scale = 10n ** BigInt(decimals);
  const units = (abs * scale) / r.den;
  const whole = units / scale;
  const frac = (units % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '−' : ''}${whole}${frac ? `.${frac}` : ''}`;
}
