/**
 * What the tiny engine takes from the rest of Arbor (seeded randomness, the Game of 24 rule,
 * the per-path seeds and the rollout judge web-llm uses too), handed in by whoever makes the
 * engine. The engine's own files (`engine.ts`, `proposer.ts`) import none of it: they load with
 * `import()` when a run first needs the model, and a lazily loaded chunk that imports modules
 * of the first paint makes the bundler split the first paint's shared chunk into pieces
 * (measured: +3 KiB gzipped of first paint, over its budget). These modules are in the first
 * paint already, so handing them in costs nothing.
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
