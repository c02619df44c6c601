import { findEquation, flatten, prettyOperators } from '../stepText';

/**
 * A word-problem node as its tree card names it: the step's equation where it has one
 * (`She packs 7 boxes of 6 muffins: 7 * 6 = 42 muffins.` → `7 × 6 = 42`), else the sentence
 * (`The answer is 42.`); the root is the question. The card cuts what is too long.
 */
export function wordShortStep(text: string, isRoot: boolean): string {
  if (isRoot) return flatten(text.split('\n')[0] ?? '');
  const eq = findEquation(text);
  return prettyOperators(eq ?? flatten(text));
}
