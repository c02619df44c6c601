import type { SimulatedPolicy, TaskEntry } from '../../core/tasks/entry';
import { createRuleJudge } from '../../core/tasks/ruleJudge';
import type { Problem } from '../../core/tasks/task';
import type { SimulatedJudge, SimulatedProposer } from './judges';
import { createRolloutJudge, createSimulatedPrm } from './judges';

export type { SimulatedJudge, SimulatedProposer } from './judges';
export { createRolloutJudge, createSimulatedPrm } from './judges';

/** The simulated engine's settings (a subset of the run settings). */
export interface SimulatedEngineOptions extends SimulatedPolicy {
  judge: 'rule' | 'simulated-prm' | 'rollout';
  prmNoise: number;
  rolloutK: number;
}

/**
 * The simulated model for a task: a stand-in for a small model that writes steps as the
 * task's simulated truth says one would (mostly right with probability `skill`, sometimes a
 * poor or wrong step, sometimes an arithmetic slip with `slipRate`), with a token count per
 * step so compute is counted as for a real model. Deterministic for a given `Rng`; not a
 * language model — the UI labels everything it writes as simulated.
 */
export function createSimulatedProposer<S, P extends Problem>(
  entry: TaskEntry<S, P>,
  policy: SimulatedPolicy,
): SimulatedProposer<S, P> {
  return {
    label: `Simulated model (skill ${policy.skill}, slips ${Math.round(policy.slipRate * 100)}%)`,
    simulated: true,
    propose: (ctx, n) => entry.simulated.propose(ctx, n, policy),
    rollout: (ctx, maxSteps) => entry.simulated.rollout(ctx, maxSteps, policy),
  };
}

/**
 * The simulated engine for any registered task: the simulated proposer and the chosen judge — the task's rule
 * verifier ('rule'), a simulated PRM blurring the task's truth by `prmNoise`
 * ('simulated-prm'), or `rolloutK` rollouts ('rollout').
 */
export function createSimulatedEngine<S, P extends Problem>(
  entry: TaskEntry<S, P>,
  options: SimulatedEngineOptions,
): { proposer: SimulatedProposer<S, P>; judge: SimulatedJudge<S, P> } {
  const proposer = createSimulatedProposer(entry, options);
  const judge =
    options.judge === 'rule'
      ? createRuleJudge(entry.rule)
      : options.judge === 'rollout'
        ? createRolloutJudge(entry.task, proposer, entry.simulated, options.rolloutK)
        : createSimulatedPrm(entry.task, entry.simulated, options.prmNoise);
  return { proposer, judge };
}
