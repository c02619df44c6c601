import { describe, expect, it } from 'vitest';
import { game24ShortStep } from './game24/shortStep';
import { typedEntry } from './registry';
import { cutText, findEquation, prettyOperators, tinyStep } from './stepText';
import { wordShortStep } from './wordProblems/shortStep';

describe('step short forms', () => {
  it('prints the operators a class reads, leaving fractions and negatives', () => {
    expect(prettyOperators('7 - 4 = 3')).toBe('7 − 4 = 3');
    expect(prettyOperators('6 * 4 = 24')).toBe('6 × 4 = 24');
    expect(prettyOperators('8 / 2 = 4')).toBe('8 ÷ 2 = 4');
    expect(prettyOperators('1/5 + -3 = -14/5')).toBe('1/5 + -3 = -14/5');
  });

  it('cuts long text at a word boundary with an ellipsis, and leaves short text alone', () => {
    expect(cutText('Leo keeps the stickers he did not give away', 20)).toBe('Leo keeps the…');
    expect(cutText('  7 − 4\n= 3 ', 20)).toBe('7 − 4 = 3');
    // No space late enough: a hard cut, 19 characters and the ellipsis.
    expect(cutText('abcdefghijklmnopqrstuvwxyz', 20)).toBe('abcdefghijklmnopqrs…');
    expect([...cutText('abcdefghijklmnopqrstuvwxyz', 20)]).toHaveLength(20);
    expect(cutText('', 5)).toBe('');
  });

  it('does not split a surrogate pair when cutting', () => {
    const cut = cutText('😀😀😀😀😀😀', 4);
    expect(cut).toBe('😀😀😀…');
  });

  it('finds the equation inside a sentence', () => {
    expect(findEquation('She packs 7 boxes of 6 muffins: 7 * 6 = 42 muffins.')).toBe('7 * 6 = 42');
    expect(findEquation('85 - 27 = 58 stickers')).toBe('85 - 27 = 58');
    expect(findEquation('The answer is 42.')).toBeNull();
  });

  it('gives the tiny form: what the step makes', () => {
    expect(tinyStep('7 − 4 = 3')).toBe('= 3');
    expect(tinyStep('The answer is 42.')).toBe('The');
    expect(tinyStep('6 × 4 = 24 (left: 8 8 24)')).toBe('= 24');
  });
});

describe('Game of 24 short steps', () => {
  it('drops the left list and prints operators', () => {
    expect(game24ShortStep('7 - 4 = 3 (left: 3 8 8)', false)).toBe('7 − 4 = 3');
    expect(game24ShortStep('6 * 4 = 24 (left: 8 8 24)', false)).toBe('6 × 4 = 24');
  });

  it('names the root by its numbers, hinted or not', () => {
    const entry = typedEntry('game24');
    const puzzle = entry.getProblem('g24-001');
    if (!puzzle) throw new Error('no puzzle');
    expect(entry.shortStep(entry.task.describe(puzzle), true)).toBe('4 6 8 8');
    expect(
      game24ShortStep('Use 1 5 5 5 with + − × ÷ to make 24.\nGiven steps (hint):\n1. x', true),
    ).toBe('1 5 5 5');
  });

  it('keeps stray text a model wrote, flattened', () => {
    expect(game24ShortStep('I think\nwe should', false)).toBe('I think we should');
    expect(game24ShortStep('', false)).toBe('');
  });
});

describe('word-problem short steps', () => {
  it('shows the equation, else the sentence; the root is the question', () => {
    expect(wordShortStep('She packs 7 boxes of 6 muffins: 7 * 6 = 42 muffins.', false)).toBe(
      '7 × 6 = 42',
    );
    expect(wordShortStep('The answer is 42.', false)).toBe('The answer is 42.');
    expect(wordShortStep('How many?\nGiven steps (hint):\n1. a', true)).toBe('How many?');
  });
});
