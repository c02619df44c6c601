/**
 * The tiny model's own judge: MetaStone-S1's SPRM head (Wang et al., 2025, arXiv
 * 2507.01951), a small MLP on the policy's second-to-last hidden state. Its score for a step
 * comes out of the forward pass that fed the step's last token, so judging a step the
 * proposer just wrote costs nothing more (the cache holds the score with the step's KV).
 */
import type { Judgement, JudgeContext, StepJudge } from '../../core/engine';
import type { Game24Problem, Game24State } from '../../core/tasks/game24/state';
import type { KvTreeCache } from './kvTree';

export function createSprmJudge(
  cache: KvTreeCache,
  model: string,
): StepJudge<Game24State, Game24Problem> {
  return {
    kind: 'sprm',
    label: `SPRM head of ${model}`,
    async score(ctx: JudgeContext<Game24State, Game24Problem>): Promise<Judgement> {
      const none = { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 1 };
      if (ctx.steps.length === 0) {
        throw new RangeError('the SPRM head scores a step: the path has none');
      }
      const at = await cache.cursor(ctx.problem.numbers, ctx.steps);
      return {
        score: at.sprm ?? 0,
        evidence: { judge: 'sprm', model },
        cost: { ...none, prefilled: at.prefilled },
      };
    },
  };
}
