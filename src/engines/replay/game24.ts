import type { Game24Problem, Game24State } from '../../core/tasks/game24';
import { game24Entry } from '../../core/tasks/game24/entry';
import { createRuleJudge } from '../../core/tasks/ruleJudge';
import { createRolloutJudge, createSimulatedPrm, createSimulatedProposer } from '../simulated';
import type { StepJudge, StepProposer } from '../types';
import { GAME24_PROMPTS } from '../webllm/conversation';
import type { ReplayOptions } from './accountant';
import { ReplayAccountant } from './accountant';

/** The simulated Game of 24 engine, replayed as web-llm requests. */
export interface Game24ReplayOptions {
  skill: number;
  slipRate: number;
  /**
   * As the web-llm engine's judge option: 'self' — one judge request per step (the simulated
   * PRM with `prmNoise` supplies the score a model's p(Yes) would); 'rollout' — `rolloutK`
   * rollout requests per step; 'rule' — the exact verifier, no request.
   */
  judge: 'self' | 'rollout' | 'rule';
  prmNoise: number;
  rolloutK: number;
  seed: number;
  delimiter?: string;
  rollouts?: ReplayOptions<Game24Problem>['rollouts'];
}

/**
 * A proposer, judge and cache probe for one Game of 24 run, whose every call is accounted as
 * the web-llm adapter's requests (accountant.ts). Give `cache` to the search as `ctx.cache`.
 */
export function replayGame24(options: Game24ReplayOptions): {
  proposer: StepProposer<Game24State, Game24Problem>;
  judge: StepJudge<Game24State, Game24Problem>;
  accountant: ReplayAccountant<Game24Problem>;
} {
  const accountant = new ReplayAccountant<Game24Problem>({
    prompts: GAME24_PROMPTS,
    delimiter: options.delimiter ?? '\n\n',
    seed: options.seed,
    ...(options.rollouts ? { rollouts: options.rollouts } : {}),
  });
  // With the task, a rollout ends where the adapter's would (at an answer or an invalid step).
  const proposer = accountant.proposer(
    createSimulatedProposer(game24Entry, { skill: options.skill, slipRate: options.slipRate }),
    game24Entry.task,
  );
  const judge =
    options.judge === 'self'
      ? accountant.judge(
          createSimulatedPrm(game24Entry.task, game24Entry.simulated, options.prmNoise),
          'judge-turn',
        )
      : options.judge === 'rollout'
        ? accountant.judge(
            createRolloutJudge(game24Entry.task, proposer, game24Entry.simulated, options.rolloutK),
            'none',
          )
        : accountant.judge(createRuleJudge(game24Entry.rule), 'none');
  return { proposer, judge, accountant };
}
