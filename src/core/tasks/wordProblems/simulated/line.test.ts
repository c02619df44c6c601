import { describe, expect, it } from 'vitest';
import { createRng } from '../../../rng';
import { WORD_PROBLEMS, getWordProblem } from '../problems';
import { wordProblemTask } from '../task';
import type { WordProblem } from '../types';
import {
  answerStep,
  believedAnswer,
  evaluate,
  formatValue,
  lineValues,
  parseEquation,
  planOf,
  renderStep,
} from './line';
import { slipStep, wrongSteps } from './mistakes';

function problem(id: string): WordProblem {
  const p = getWordProblem(id);
  if (!p) throw new Error(`no ${id}`);
  return p;
}

const valueOf = (text: string): number => {
  const eq = parseEquation(text);
  return eq ? evaluate(eq.tokens) : Number.NaN;
};

describe('reading a step', () => {
  it('finds the computed side and the written result', () => {
    const eq = parseEquation('The perimeter is 2 * (14 + 9) = 46 m.');
    expect(eq?.result).toBe(46);
    expect(eq?.tokens.filter((t) => t.kind === 'num').map((t) => t.value)).toEqual([2, 14, 9]);
    expect(valueOf('The perimeter is 2 * (14 + 9) = 46 m.')).toBe(46);
    expect(valueOf('In the afternoon it sells 216 * 3 / 4 = 162 rolls.')).toBe(162);
    expect(valueOf('The slices left are 12 - 3 - 4 = 5.')).toBe(5);
    expect(valueOf('At noon it was -4 + 11 = 7 degrees.')).toBe(7);
    expect(parseEquation('The good bottles are 90000 - 1800 = 88200.')?.result).toBe(88200);
  });

  it('reads no equation where there is none, or only a number', () => {
    expect(parseEquation('The answer is 42.')).toBeNull();
    expect(parseEquation('x = 5')).toBeNull();
    expect(parseEquation('')).toBeNull();
    expect(evaluate([])).toBeNaN();
    expect(valueOf('Then 5 / 0 = 3.')).toBeNaN();
  });

  it('parses every non-final reference step of the 48 problems to its written result', () => {
    for (const p of WORD_PROBLEMS) {
      for (const step of p.steps.slice(0, -1)) {
        const eq = parseEquation(step);
        expect(eq, `${p.id}: ${step}`).not.toBeNull();
        // 140 / 45 = 3.11 is written rounded.
        expect(Math.abs(valueOf(step) - (eq?.result ?? 0))).toBeLessThan(0.01);
      }
      expect(believedAnswer(planOf(p), new Map())).toBe(p.answer);
    }
  });

  it('writes values exactly, or rounded to two places', () => {
    expect(formatValue(46)).toBe('46');
    expect(formatValue(7.25)).toBe('7.25');
    expect(formatValue(10 / 3)).toBe('3.33');
    expect(formatValue(2.999)).toBe('3.00');
    expect(formatValue(0.1 + 0.2)).toBe('0.3');
  });
});

describe('a line carries its results through', () => {
  it('writes the reference verbatim while the line agrees with it', () => {
    const p = problem('wp-046');
    const plan = planOf(p);
    for (let k = 0; k < p.steps.length - 1; k++) {
      const t = plan.templates[k];
      if (t) expect(renderStep(t, lineValues(plan, p.steps.slice(0, k)))?.text).toBe(p.steps[k]);
    }
    expect(answerStep(plan, 9).text).toBe('The answer is 9.');
  });

  it('substitutes a wrong earlier result (worked by hand on wp-022)', () => {
    const plan = planOf(problem('wp-022'));
    const values = lineValues(plan, ['The perimeter is 2 + (14 + 9) = 25 m.']);
    expect([...values]).toEqual([['46', 25]]);
    const t = plan.templates[1];
    // 25 * 8 = 200
    expect(t && renderStep(t, values)).toEqual({
      text: 'The fence costs 25 * 8 = 200 dollars.',
      value: 200,
    });
    expect(believedAnswer(plan, new Map([['368', 200]]))).toBe(200);
    expect(answerStep(plan, 200).text).toBe('The answer is 200.');
  });

  it('takes the latest step that wrote a value (wp-047: 12 is written twice)', () => {
    const p = problem('wp-047');
    const plan = planOf(p);
    const line = [...p.steps.slice(0, 3), 'His sister is 24 * 2 = 48 years old.'];
    const t = plan.templates[4];
    expect(t && renderStep(t, lineValues(plan, line))?.text).toBe('Noah is 48 + 4 = 52 years old.');
  });
});

describe('wrong steps and slips (worked by hand)', () => {
  it('wp-003: operator confused and quantities misread, in a fixed order', () => {
    const p = problem('wp-003');
    const plan = planOf(p);
    expect(wrongSteps(plan, 0, new Map()).map((s) => s.text)).toEqual([
      'After adding the new books there are 34 - 19 = 15 books.',
      'After adding the new books there are 8 + 19 = 27 books.',
      'After adding the new books there are 34 + 8 = 42 books.',
    ]);
    expect(wrongSteps(plan, 1, lineValues(plan, p.steps.slice(0, 1))).map((s) => s.text)).toEqual([
      'After removing the damaged ones there are 53 + 8 = 61 books.',
      'After removing the damaged ones there are 53 - 34 = 19 books.',
    ]);
    // The final answer taken from the intermediate result.
    expect(wrongSteps(plan, 2, lineValues(plan, p.steps.slice(0, 2))).map((s) => s.text)).toEqual([
      'The answer is 53.',
    ]);
  });

  it('wp-001 has no wrong final answer (its only result is the answer)', () => {
    const p = problem('wp-001');
    const plan = planOf(p);
    expect(wrongSteps(plan, 1, lineValues(plan, p.steps.slice(0, 1)))).toEqual([]);
    expect(wrongSteps(plan, 0, new Map())[0]?.text).toBe(
      'She packs 7 boxes of 6 muffins: 7 + 6 = 13 muffins.',
    );
  });

  it('every wrong step is valid arithmetic with a value other than the reference', () => {
    let count = 0;
    for (const p of WORD_PROBLEMS) {
      const plan = planOf(p);
      for (let k = 0; k < p.steps.length; k++) {
        for (const w of wrongSteps(plan, k, lineValues(plan, p.steps.slice(0, k)))) {
          count++;
          expect(wordProblemTask.applyStep({ steps: [] }, w.text, p).valid, w.text).toBe(true);
          expect(w.text).not.toBe(p.steps[k]);
        }
      }
    }
    expect(count).toBeGreaterThan(150);
  });

  it('a slip is rejected by the task, and the final answer cannot slip', () => {
    const rng = createRng(5);
    for (const p of WORD_PROBLEMS) {
      for (const step of p.steps.slice(0, -1)) {
        const slipped = slipStep({ text: step, value: 0 }, rng);
        expect(slipped).not.toBeNull();
        expect(wordProblemTask.applyStep({ steps: [] }, slipped?.text ?? '', p).valid).toBe(false);
      }
      expect(slipStep({ text: p.steps.at(-1) ?? '', value: p.answer }, rng)).toBeNull();
    }
    // Off by more than the task's 1e-6 relative tolerance for large results.
    const big = slipStep({ text: 'So 2000 * 3000 = 6000000.', value: 6e6 }, createRng(1));
    expect(Math.abs((parseEquation(big?.text ?? '')?.result ?? 0) - 6e6)).toBe(1000);
  });
});
