/**
 * The tiny model's step proposer for Game of 24. Each sample draws its tokens with its own
 * seed (from the run seed, the path and the sample's index: engines/webllm/seeds.ts), so a
 * reply depends on what is asked, never on when. A step's log-probability is the sum of its
 * tokens' (at temperature 1), the PUCT prior `stepPriors` length-normalises. The line's KV
 * comes from the prefix-tree cache, so a step's prefill is only what no cached prefix covers.
 */
import type {
  Proposal,
  ProposedStep,
  ProposerContext,
  Rollout,
  StepProposer,
} from '../../core/engine';
import type { Game24Problem, Game24State } from '../../core/tasks/game24/state';
import type { Cost } from '../../core/tree/events';
import type { TinyStep } from './decode';
import { writeStep } from './decode';
import type { TinyKit } from './kit';
import type { KvTreeCache } from './kvTree';
import type { TinyManifest } from './manifest';
import { samplePicker } from './sampling';
import type { TinyTokenizer } from './tokenizer';

/** Each call draws at most this many samples per step wanted, duplicates counted. */
export const TINY_ATTEMPTS_PER_STEP = 2;

export interface TinyProposerOptions {
  label: string;
  temperature: number;
  /** The run seed. */
  seed: number;
}

const NO_COST: Cost = { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 0 };

function add(a: Cost, b: Partial<Cost>): Cost {
  return {
    generated: a.generated + (b.generated ?? 0),
    prefilled: a.prefilled + (b.prefilled ?? 0),
    proposerCalls: a.proposerCalls + (b.proposerCalls ?? 0),
    judgeCalls: a.judgeCalls + (b.judgeCalls ?? 0),
  };
}

export function createTinyProposer(
  cache: KvTreeCache,
  manifest: TinyManifest,
  tokenizer: TinyTokenizer,
  options: TinyProposerOptions,
  kit: TinyKit,
): StepProposer<Game24State, Game24Problem> {
  const { createRng, checkStep, rolloutStepSeed, requestSeed } = kit;
  const counter = kit.newSampleCounter();
  const forward = cache.forwardPass;

  async function sample(
    problem: Game24Problem,
    path: readonly string[],
    seed: number,
  ): Promise<{ step: TinyStep; prefilled: number }> {
    const at = await cache.cursor(problem.numbers, path);
    const pick = samplePicker(createRng(seed), options.temperature);
    const step = await writeStep(forward, manifest, tokenizer, at.cursor, pick);
    if (step.ended) cache.put(problem.numbers, [...path, step.text], step.after, step.sprm);
    return { step, prefilled: at.prefilled };
  }

  const proposed = (step: TinyStep): ProposedStep => ({
    text: step.text,
    tokens: step.ids.length,
    logProb: step.logprob,
  });

  async function propose(
    ctx: ProposerContext<Game24State, Game24Problem>,
    n: number,
  ): Promise<Proposal> {
    const attempts = Math.max(0, Math.floor(n)) * TINY_ATTEMPTS_PER_STEP;
    const first = counter.take('step', ctx.steps, attempts);
    const steps: ProposedStep[] = [];
    const seen = new Set<string>();
    let cost = NO_COST;
    for (let i = 0; i < attempts && steps.length < n; i++) {
      ctx.signal?.throwIfAborted();
      const seed = requestSeed(options.seed, 'step', ctx.steps, first + i);
      const { step, prefilled } = await sample(ctx.problem, ctx.steps, seed);
      cost = add(cost, { generated: step.ids.length, prefilled, proposerCalls: 1 });
      if (step.text === '' || seen.has(step.text)) continue;
      seen.add(step.text);
      steps.push(proposed(step));
    }
    return { steps, cost };
  }

  async function rollout(
    ctx: ProposerContext<Game24State, Game24Problem>,
    maxSteps: number,
  ): Promise<Rollout> {
    const limit = Math.max(0, Math.floor(maxSteps));
    if (limit === 0 || ctx.state.numbers.length <= 1) return { steps: [], cost: NO_COST };
    const index = counter.take('rollout', ctx.steps);
    const steps: ProposedStep[] = [];
    let path: readonly string[] = ctx.steps;
    let numbers = ctx.state.numbers;
    let cost = NO_COST;
    while (steps.length < limit) {
      ctx.signal?.throwIfAborted();
      const seed = rolloutStepSeed(options.seed, ctx.steps, index, steps.length);
      const { step, prefilled } = await sample(ctx.problem, path, seed);
      cost = add(cost, { generated: step.ids.length, prefilled, proposerCalls: 1 });
      if (step.text === '') break;
      steps.push(proposed(step));
      if (!step.ended) break;
      const check = checkStep(numbers, step.text);
      if (!check.valid || check.state.numbers.length <= 1) break;
      numbers = check.state.numbers;
      path = [...path, step.text];
    }
    return { steps, cost };
  }

  return { label: options.label, simulated: false, propose, rollout };
}
