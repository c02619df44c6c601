import { describe, expect, it } from 'vitest';
import { difficultiesOf, difficultyCounts, pickSubset } from './subset';

describe('pickSubset', () => {
  it('spreads the count evenly over the chosen difficulties, easiest to hardest', () => {
    // 120 puzzles, 4 picks: indices 0, 30, 60, 90.
    expect(pickSubset('game24', ['easy', 'medium', 'hard'], 4)).toEqual([
      'g24-001',
      'g24-031',
      'g24-061',
      'g24-091',
    ]);
    expect(pickSubset('game24', ['easy', 'medium', 'hard'], 1)).toEqual(['g24-001']);
  });

  it('keeps to the chosen difficulties and never picks more than there are', () => {
    const counts = difficultyCounts('word-problems');
    expect(counts.easy + counts.medium + counts.hard).toBe(48);
    const hard = pickSubset('word-problems', ['hard'], 100);
    expect(hard).toHaveLength(counts.hard);
    expect(difficultiesOf('word-problems', hard)).toEqual(['hard']);
    expect(new Set(hard).size).toBe(hard.length);
  });

  it('gives nothing for no difficulties or a count of 0', () => {
    expect(pickSubset('game24', [], 10)).toEqual([]);
    expect(pickSubset('game24', ['easy'], 0)).toEqual([]);
  });
});
