import type { Game24Problem, Game24State } from '../../core/tasks/game24';
import type { StepJudge, StepProposer } from '../types';
import { createRolloutJudge, createRuleJudge, createSimulatedPrm } from './game24Judges';
import { createGame24Proposer } from './game24Proposer';

export { countTokens } from './tokens';
export { createGame24Proposer } from './game24Proposer';
export type { SimulatedPolicy } from './game24Proposer';
export { createRolloutJudge, createRuleJudge, createSimulatedPrm, stepTruth } from './game24Judges';
export { createSimulatedWordEngine } from './wordEngine';

/** The simulated engine's settings (a subset of the run settings). */
export interface SimulatedEngineOptions {
  skill: number;
  slipRate: number;
  judge: 'rule' | 'simulated-prm' | 'rollout';
  prmNoise: number;
  rolloutK: number;
}

/** The simulated proposer and the chosen judge for Game of 24. */
export function createSimulatedGame24Engine(options: SimulatedEngineOptions): {
  proposer: StepProposer<Game24State, Game24Problem>;
  judge: StepJudge<Game24State, Game24Problem>;
} {
  const proposer = createGame24Proposer({ skill: options.skill, slipRate: options.slipRate });
  const judge =
    options.judge === 'rule'
      ? createRuleJudge()
      : options.judge === 'rollout'
        ? createRolloutJudge(proposer, options.rolloutK)
        : createSimulatedPrm(options.prmNoise);
  return { proposer, judge };
}
