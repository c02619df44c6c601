import { describe, expect, it } from 'vitest';
import { PUZZLES, game24Task, getPuzzle } from '../core/tasks/game24';
import { WORD_PROBLEMS } from '../core/tasks/wordProblems';
import { hintFor, maxHint, referenceSteps } from './hints';

describe('reference solutions for step hints', () => {
  it("takes Game of 24's from the solver: steps the task accepts, ending on 24", () => {
    expect(referenceSteps('game24', 'g24-001')).toHaveLength(3);
    for (const p of PUZZLES) {
      const steps = referenceSteps('game24', p.id);
      if (steps === null) throw new Error(`${p.id} has no reference`);
      let state = game24Task.initial(p);
      for (const text of steps) {
        const check = game24Task.applyStep(state, text, p);
        if (!check.valid) throw new Error(`${p.id}: ${check.reason}`);
        state = check.state;
      }
      expect(game24Task.outcome(state, p)?.correct).toBe(true);
      expect(maxHint('game24', p.id)).toBe(2);
    }
  });

  it("takes a word problem's bundled steps, one per entry", () => {
    const wp1 = WORD_PROBLEMS[0];
    expect(referenceSteps('word-problems', 'wp-001')).toEqual([
      'She packs 7 boxes of 6 muffins: 7 * 6 = 42 muffins.',
      'The answer is 42.',
    ]);
    expect(maxHint('word-problems', 'wp-001')).toBe(1);
    expect(wp1?.steps).toHaveLength(2);
  });

  it('has no reference for an unknown problem', () => {
    expect(referenceSteps('game24', 'g24-999')).toBeNull();
    expect(referenceSteps('word-problems', 'g24-001')).toBeNull();
    expect(maxHint('game24', 'g24-999')).toBe(0);
  });

  it('gives the first j steps and refuses a hint beyond the reference', () => {
    const steps = referenceSteps('game24', 'g24-010') ?? [];
    expect(hintFor('game24', 'g24-010', undefined)).toEqual([]);
    expect(hintFor('game24', 'g24-010', 0)).toEqual([]);
    expect(hintFor('game24', 'g24-010', 2)).toEqual(steps.slice(0, 2));
    expect(() => hintFor('game24', 'g24-010', 3)).toThrow(
      'A hint of 3 steps is too many for g24-010: its reference has 3 steps, so at most 2 can be given.',
    );
    expect(() => hintFor('game24', 'g24-999', 1)).toThrow(/No reference solution/);
    expect(getPuzzle('g24-010')).toBeDefined();
  });
});
