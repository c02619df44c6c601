import type { WordProblem, WordProblemState } from '../../core/tasks/wordProblems';
import type { StepJudge, StepProposer } from '../types';
import type { SimulatedEngineOptions } from './index';
import { createWordPrm, createWordRolloutJudge, createWordRuleJudge } from './wordJudges';
import { createWordProposer } from './wordProposer';

/**
 * The simulated engine for the bundled math word problems, the same shape as
 * `createSimulatedGame24Engine`: a stand-in for a small model that follows each problem's
 * reference solution with probability `skill` per step, otherwise writes a plausible wrong
 * step (valid arithmetic, wrong reasoning, carried to a wrong answer) and slips with
 * `slipRate`; judged by the arithmetic check ('rule'), a simulated PRM blurred by `prmNoise`
 * ('simulated-prm'), or `rolloutK` rollouts scored by agreement with their majority answer
 * ('rollout'). Deterministic per seed; needs no model. Lets the effort lab sweep budgets and
 * PRM quality on word problems as MetaStone-S1 (arXiv 2507.01951) and search-and-learn
 * (HuggingFace, "Scaling test-time compute", 2024) do with real models.
 */
export function createSimulatedWordEngine(options: SimulatedEngineOptions): {
  proposer: StepProposer<WordProblemState, WordProblem>;
  judge: StepJudge<WordProblemState, WordProblem>;
} {
  const proposer = createWordProposer({ skill: options.skill, slipRate: options.slipRate });
  const judge =
    options.judge === 'rule'
      ? createWordRuleJudge()
      : options.judge === 'rollout'
        ? createWordRolloutJudge(proposer, options.rolloutK)
        : createWordPrm(options.prmNoise);
  return { proposer, judge };
}
