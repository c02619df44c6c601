import { flatten, prettyOperators } from '../stepText';

/**
 * A Game of 24 node as its tree card names it: a step without its `(left: …)` list, with the
 * operators a class reads (`7 - 4 = 3 (left: 3 8 8)` → `7 − 4 = 3`); the root as its numbers
 * (`Use 4 6 8 8 with + − × ÷ to make 24.` → `4 6 8 8`). Text that is neither (a model's
 * stray output) comes back flattened.
 */
export function game24ShortStep(text: string, isRoot: boolean): string {
  if (isRoot) {
    const first = text.split('\n')[0] ?? '';
    const m = /^Use\s+(.+?)\s+with\b/.exec(first);
    return m?.[1] ? flatten(m[1]) : flatten(first);
  }
  const step = flatten(text).replace(/\s*\(left:[^)]*\)?\s*$/i, '');
  return prettyOperators(step);
}
