import type { JudgeContext, Judgement, StepJudge } from '../engine';
import type { RuleVerifier } from './entry';
import type { Problem } from './task';

/**
 * A task's rule verifier as a judge, for every engine: 1 when the step is valid and (where the
 * verifier sees that far) the problem is still solvable, else 0. Exact on Game of 24; on word
 * problems it checks the arithmetic only. It costs one judge call and no tokens.
 */
export function createRuleJudge<S, P extends Problem>(
  rule: RuleVerifier<S, P>,
): StepJudge<S, P> & { score(ctx: JudgeContext<S, P>): Judgement } {
  return {
    kind: 'rule',
    label: rule.label,
    score(ctx): Judgement {
      const { valid, solvable } = rule.check(ctx);
      return {
        score: valid && solvable ? 1 : 0,
        evidence: { judge: 'rule', valid, solvable },
        cost: { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 1 },
      };
    },
  };
}
