import type { ProposedStep, Rollout, StepJudge, StepProposer } from '../core/engine';
import type { Problem, StepCheck, Task } from '../core/tasks/task';
import type {
  ForcingEngine,
  ForcingOptions,
  ForcingPrompt,
  ForcingTrace,
} from '../engines/webllm/budgetForcing';
import { BudgetForcingError, forceBudget } from '../engines/webllm/budgetForcing';
import { ANSWER_PREFIX } from '../engines/webllm/budgetForcingPrompt';

/**
 * The parts of a budget-forcing run as a search (s1, arXiv 2501.19393): a proposer whose one
 * rollout is the forced thinking sample, and a task that reads that sample's answer. The lab
 * runs them through `sampleOnce` (core/search/bestOfN.ts), so the run's events come from a
 * search program as every other run's do.
 */

/** What the forcing proposer learned: the trace of its sample, and why it stopped early. */
export interface ForcingRecord {
  trace: ForcingTrace | null;
  error: BudgetForcingError | null;
}

/**
 * A proposer whose rollout is one budget-forced sample: the whole assistant text (thinking,
 * its "Wait"s, the forced end and the answer) as one step, its tokens and cost summed over
 * every request. A request that fails gives the text of the finished requests as the step;
 * the record keeps the error (the task marks that step invalid).
 */
export function forcingProposer(
  engine: ForcingEngine,
  prompt: ForcingPrompt,
  options: ForcingOptions,
  record: ForcingRecord,
): StepProposer<unknown, Problem> {
  const sample = async (): Promise<Rollout> => {
    let trace: ForcingTrace;
    try {
      trace = await forceBudget(engine, prompt, options);
    } catch (e) {
      if (!(e instanceof BudgetForcingError) || e.partial.requests === 0) throw e;
      trace = e.partial;
      record.error = e;
    }
    record.trace = trace;
    const tokens = trace.generated;
    const logProb =
      trace.logProbCount > 0 ? Math.min(0, (trace.logProbSum / trace.logProbCount) * tokens) : 0;
    const step: ProposedStep = { text: trace.text, tokens, logProb };
    const cost = {
      generated: trace.generated,
      prefilled: trace.prefilled,
      proposerCalls: trace.requests,
      judgeCalls: 0,
    };
    return { steps: [step], cost };
  };
  return {
    label: 'budget-forced thinking sample',
    simulated: false,
    propose: async () => {
      const rollout = await sample();
      return { steps: rollout.steps, cost: rollout.cost };
    },
    rollout: sample,
  };
}

/** A forced sample's state: the base task's state after its stated answer, once read. */
export interface ForcedState<S> {
  answered: S | null;
}

/**
 * The task of a forced sample: its one step is the whole text, valid unless the sample was cut
 * short by an error; the line ends where the text after "Final Answer:" states an answer that
 * `base` grades (a word problem's "Final Answer: 42"), read from the answer only, never from
 * the thinking.
 */
export function forcedTask<S, P extends Problem>(
  base: Task<S, P>,
  record: ForcingRecord,
): Task<ForcedState<S>, P> {
  return {
    id: base.id,
    label: base.label,
    selfVerifying: base.selfVerifying,
    describe: (problem) => base.describe(problem),
    initial: () => ({ answered: null }),
    applyStep(_state, _text, problem): StepCheck<ForcedState<S>> {
      if (record.error) return { valid: false, reason: `Stopped here: ${record.error.message}` };
      const answer = record.trace?.answer ?? '';
      const read = base.applyStep(base.initial(problem), ANSWER_PREFIX + answer, problem);
      return { valid: true, state: { answered: read.valid ? read.state : null } };
    },
    outcome: (state, problem) =>
      state.answered === null ? null : base.outcome(state.answered, problem),
  };
}

/** A proposer that cannot run here: the search starts, and its first call says why. */
export function refusingProposer(why: string): StepProposer<unknown, Problem> {
  const refuse = (): never => {
    throw new Error(why);
  };
  return {
    label: 'budget forcing (cannot run)',
    simulated: false,
    propose: refuse,
    rollout: refuse,
  };
}

/** A judge a forced sample never calls (`sampleOnce` judges no step). */
export const UNUSED_JUDGE: StepJudge<unknown, Problem> = {
  kind: 'rule',
  label: 'none: the sample is not judged',
  score: () => {
    throw new Error('A budget-forced sample is not judged.');
  },
};
