/**
 * What the tiny engine takes from the rest of Arbor (seeded randomness, the Game of 24 rule,
 * the per-path seeds and the rollout judge web-llm uses too), handed in by whoever makes the
 * engine. The engine's own files (`engine.ts`, `proposer.ts`) import none of it: a lazily
 * loaded chunk that imports modules of the first paint made the bundler split the first
 * paint's shared chunk into pieces (measured: +3 KiB gzipped). The kit itself loads with
 * `import()` beside the engine (`deferred.ts`): web-llm's rollout judge and path seeds are then
 * out of the first paint too (measured: 170.2 → 168.0 KiB gzipped).
 */
import { createRng } from '../../core/rng';
import { game24Entry } from '../../core/tasks/game24/entry';
import { checkStep } from '../../core/tasks/game24/step';
import { createRuleJudge } from '../../core/tasks/ruleJudge';
import { createRolloutJudge } from '../webllm/judges';
import { rolloutStepSeed } from '../webllm/proposer';
import { SampleCounter, requestSeed } from '../webllm/seeds';

export const tinyKit = {
  createRng,
  checkStep,
  rolloutStepSeed,
  requestSeed,
  newSampleCounter: () => new SampleCounter(),
  ruleJudge: () => createRuleJudge(game24Entry.rule),
  createRolloutJudge,
  game24Task: game24Entry.task,
};

/** The kit's type: the engine's files import only this type. */
export type TinyKit = typeof tinyKit;
