/**
 * Step hints (StepHint, arXiv 2507.02841): the first j steps of a reference solution given to
 * the search as a fixed prefix. The search then starts after them: the task's initial state
 * has them applied, the root text shows them, and the proposer and the judge see them first
 * in `steps`, as if the model had written them. Too little hint leaves near-misses, too much
 * leaves nothing to explore.
 */
import type { JudgeContext, ProposerContext, StepJudge, StepProposer } from '../engine';
import type { Problem, Task } from '../tasks/task';
import type { SearchContext } from './book';
import type { KvCacheProbe } from './schedule';

/**
 * The root text of a hinted search: the problem, then the given steps numbered.
 * @example hintedRootText('Use 1 5 5 5 …', ['1 / 5 = 1/5 (left: 5 5 1/5)'])
 * // 'Use 1 5 5 5 …\nGiven steps (hint):\n1. 1 / 5 = 1/5 (left: 5 5 1/5)'
 */
export function hintedRootText(describe: string, steps: readonly string[]): string {
  if (steps.length === 0) return describe;
  return [describe, 'Given steps (hint):', ...steps.map((s, i) => `${i + 1}. ${s}`)].join('\n');
}

/**
 * The state after the hint steps, checked by the task.
 * @throws Error naming the step when a hint step is invalid or ends the line (nothing would
 *   be left to search)
 */
export function applyHint<S, P extends Problem>(
  task: Task<S, P>,
  problem: P,
  steps: readonly string[],
): S {
  let state = task.initial(problem);
  for (const [i, text] of steps.entries()) {
    const check = task.applyStep(state, text, problem);
    if (!check.valid) throw new Error(`Hint step ${i + 1} ("${text}") is invalid: ${check.reason}`);
    state = check.state;
    if (task.outcome(state, problem) !== null) {
      throw new Error(
        `A hint of ${steps.length} steps ends the solution at step ${i + 1}: nothing is left to search.`,
      );
    }
  }
  return state;
}

function hintedTask<S, P extends Problem>(
  task: Task<S, P>,
  problem: P,
  steps: readonly string[],
): Task<S, P> {
  const start = applyHint(task, problem, steps);
  return {
    id: task.id,
    label: task.label,
    selfVerifying: task.selfVerifying,
    describe: (p) => hintedRootText(task.describe(p), steps),
    initial: (p) => (p === problem ? start : applyHint(task, p, steps)),
    applyStep: (state, text, p) => task.applyStep(state, text, p),
    outcome: (state, p) => task.outcome(state, p),
  };
}

function hintedProposer<S, P>(
  inner: StepProposer<S, P>,
  steps: readonly string[],
): StepProposer<S, P> {
  const withPrefix = (ctx: ProposerContext<S, P>): ProposerContext<S, P> => ({
    ...ctx,
    steps: [...steps, ...ctx.steps],
  });
  return {
    label: inner.label,
    simulated: inner.simulated,
    propose: (ctx, n) => inner.propose(withPrefix(ctx), n),
    rollout: (ctx, maxSteps) => inner.rollout(withPrefix(ctx), maxSteps),
  };
}

function hintedJudge<S, P>(inner: StepJudge<S, P>, steps: readonly string[]): StepJudge<S, P> {
  return {
    kind: inner.kind,
    label: inner.label,
    score: (ctx: JudgeContext<S, P>) => inner.score({ ...ctx, steps: [...steps, ...ctx.steps] }),
  };
}

/**
 * A proposer and a judge that see the hint steps first in every context's `steps`, as if the
 * model had written them. (A model run wraps its live engine with this under any recorder,
 * so that what is recorded keeps the search's own paths.)
 */
export function hintedEngine<S, P>(
  engine: { proposer: StepProposer<S, P>; judge: StepJudge<S, P> },
  steps: readonly string[],
): { proposer: StepProposer<S, P>; judge: StepJudge<S, P> } {
  if (steps.length === 0) return engine;
  const given = [...steps];
  return {
    proposer: hintedProposer(engine.proposer, given),
    judge: hintedJudge(engine.judge, given),
  };
}

/** The cache's held path as the search sees it: without the hint prefix, or null. */
function hintedProbe(inner: KvCacheProbe, steps: readonly string[]): KvCacheProbe {
  return {
    heldSteps() {
      const held = inner.heldSteps();
      if (held === null || held.length < steps.length) return null;
      return steps.every((s, i) => held[i] === s) ? held.slice(steps.length) : null;
    },
  };
}

/**
 * A search context whose task starts after the given steps (initial state, root text) and
 * whose cache probe ignores them; its engine is left as it is: for an engine already wrapped
 * by {@link hintedEngine}.
 * @throws Error when a hint step is invalid or the hint already ends the solution
 */
export function withHintedTask<S, P extends Problem>(
  ctx: SearchContext<S, P>,
  steps: readonly string[],
): SearchContext<S, P> {
  if (steps.length === 0) return ctx;
  const given = [...steps];
  const hinted: SearchContext<S, P> = { ...ctx, task: hintedTask(ctx.task, ctx.problem, given) };
  if (ctx.cache) hinted.cache = hintedProbe(ctx.cache, given);
  return hinted;
}

/**
 * A search context whose search starts after the given steps (a step hint): the task, the
 * cache probe and the engine all hinted. With no steps, the context itself.
 * @param ctx the search context of the un-hinted run
 * @param steps the first j steps of a reference solution, each valid in turn
 * @throws Error when a hint step is invalid or the hint already ends the solution
 */
export function withHint<S, P extends Problem>(
  ctx: SearchContext<S, P>,
  steps: readonly string[],
): SearchContext<S, P> {
  if (steps.length === 0) return ctx;
  return { ...withHintedTask(ctx, steps), ...hintedEngine(ctx, steps) };
}
