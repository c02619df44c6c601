/**
 * Lists of numbers as a person types them in the lab's setup ("2, 8, 32", "0 0.3 0.6"):
 * parsed to ascending distinct values, or a sentence saying what is wrong.
 */

/** The bounds a list's values must keep. */
export interface ListRule {
  min: number;
  max: number;
  integer: boolean;
  /** At most this many values. */
  most: number;
}

/**
 * Parses comma- or space-separated numbers: ascending, without repeats. Returns the values,
 * or a readable error (empty is allowed: []).
 * @example parseNumberList('8, 2 8', { min: 1, max: 256, integer: true, most: 8 }) // [2, 8]
 */
export function parseNumberList(text: string, rule: ListRule): number[] | string {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  const values: number[] = [];
  for (const part of parts) {
    const v = Number(part);
    if (!Number.isFinite(v)) return `"${part}" is not a number.`;
    if (rule.integer && !Number.isInteger(v)) return `${part} is not a whole number.`;
    if (v < rule.min || v > rule.max) return `${part} is outside ${rule.min}–${rule.max}.`;
    values.push(v);
  }
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length > rule.most) return `At most ${rule.most} values.`;
  return sorted;
}

/** A list as the field shows it. @example listText([2, 8]) // "2, 8" */
export function listText(values: readonly number[]): string {
  return values.join(', ');
}
