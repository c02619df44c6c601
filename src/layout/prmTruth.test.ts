import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../core/tree/tree';
import { prmDisagrees, stepTruth } from './prmTruth';

type Judged = Pick<TreeNode, 'prm' | 'evidence' | 'terminal' | 'valid'>;
const judged = (over: Partial<Judged>): Judged => ({
  prm: null,
  evidence: null,
  terminal: null,
  valid: true,
  ...over,
});
const sim = (truth: number) => ({ judge: 'simulated-prm' as const, truth, noise: 0.3 });

describe('PRM against the truth', () => {
  it('flags a simulated PRM that rates a wrong step good, or a right step bad', () => {
    expect(prmDisagrees(judged({ prm: 0.8, evidence: sim(0) }), false)).toBe('overrates');
    expect(prmDisagrees(judged({ prm: 0.2, evidence: sim(1) }), false)).toBe('underrates');
    expect(prmDisagrees(judged({ prm: 0.8, evidence: sim(1) }), false)).toBeNull();
    expect(prmDisagrees(judged({ prm: 0.49, evidence: sim(0) }), false)).toBeNull();
    // 0.5 counts as rated good.
    expect(prmDisagrees(judged({ prm: 0.5, evidence: sim(0) }), false)).toBe('overrates');
  });

  it('grades a finished line by its answer, whoever judged it', () => {
    const wrong = { kind: 'wrong-answer' as const, answer: '20', correct: false };
    const self = { judge: 'self' as const, pYes: 0.9, pNo: 0.1 };
    expect(prmDisagrees(judged({ prm: 0.9, evidence: self, terminal: wrong }), false)).toBe(
      'overrates',
    );
    expect(stepTruth(judged({ evidence: self }), false)).toBeNull();
    expect(prmDisagrees(judged({ prm: 0.9, evidence: self }), false)).toBeNull();
  });

  it('trusts a rule verifier only where it sees the whole truth', () => {
    const rule = { judge: 'rule' as const, valid: true, solvable: false };
    expect(stepTruth(judged({ evidence: rule }), true)).toBe(0);
    expect(stepTruth(judged({ evidence: rule }), false)).toBeNull();
  });

  it('counts an invalid step as wrong, and ignores unscored or broken scores', () => {
    expect(prmDisagrees(judged({ prm: 0.7, valid: false }), false)).toBe('overrates');
    expect(prmDisagrees(judged({ prm: null, evidence: sim(0) }), false)).toBeNull();
    expect(prmDisagrees(judged({ prm: NaN, evidence: sim(0) }), false)).toBeNull();
  });
});
