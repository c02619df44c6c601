import type { JudgeContext, Proposal, ProposerContext, Rollout } from '../engine';
import type { Rng } from '../rng';
import type { TaskPrompts } from './prompts';
import type { Problem, Task } from './task';

/**
 * What a task domain brings to Arbor besides its rules (`Task`): its bundled problems, how the
 * pickers, the summary and the library name it, its reference solutions (step hints), what its
 * rule verifier can see, and the truth the simulated engine plays from. One entry per task
 * folder, one line per entry in `registry.ts`; nothing outside a task folder switches on a
 * task id (tldraw's shape utils, xyflow's `nodeTypes`).
 */

/** How hard a bundled problem is. */
export type Difficulty = 'easy' | 'medium' | 'hard';

/** The difficulties, easiest first. */
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

/** One bundled problem as a picker lists it. */
export interface ProblemEntry {
  id: string;
  label: string;
  difficulty: Difficulty;
}

/** The simulated model's behaviour (the engine's skill and slip-rate settings). */
export interface SimulatedPolicy {
  /** Chance that a step follows a right move, in [0, 1]. */
  skill: number;
  /** Chance that a step carries an arithmetic slip (`5 * 4 = 21`), in [0, 1]. */
  slipRate: number;
}

/**
 * The truth a task gives the simulated engine (`src/engines/simulated`): how a small model
 * would write its steps, and which steps are right. Everything answers at once.
 */
export interface SimulatedTruth<S, P extends Problem> {
  /** Up to `n` distinct next steps as a small model with this policy samples them. */
  propose(ctx: ProposerContext<S, P>, n: number, policy: SimulatedPolicy): Proposal;
  /** One continuation towards a final answer, at most `maxSteps` steps. */
  rollout(ctx: ProposerContext<S, P>, maxSteps: number, policy: SimulatedPolicy): Rollout;
  /** Steps a rollout judge's completion may take from `state`. */
  rolloutSteps(state: S, problem: P): number;
  /** 1 when the judged step is on a right path (the truth a simulated PRM blurs), else 0. */
  prmTruth(ctx: JudgeContext<S, P>): 0 | 1;
  /** The generator the simulated PRM draws from for this step. */
  prmRng(ctx: JudgeContext<S, P>): Rng;
}

/** What the task's rule verifier sees: the whole truth, or the arithmetic only. */
export interface RuleVerifier<S, P extends Problem> {
  /**
   * 'exact': it knows whether the problem can still be solved (Game of 24), so it is a PRM a
   * model may use; 'arithmetic': it checks only the sums in a step, not the reasoning.
   */
  readonly sees: 'exact' | 'arithmetic';
  readonly label: string;
  /** The verdict on the judged step. */
  check(ctx: JudgeContext<S, P>): { valid: boolean; solvable: boolean };
}

/**
 * A task domain as the rest of Arbor uses it.
 * @typeParam S the state after some steps
 * @typeParam P the problem type
 * @typeParam Id the task's id (its `task.id`), as a literal type
 */
export interface TaskEntry<S, P extends Problem, Id extends string = string> {
  readonly id: Id;
  /** The task's name: "Game of 24", "Math word problems". */
  readonly label: string;
  /** What one problem is called: "Puzzle", "Word problem". */
  readonly problemNoun: string;
  /** A line under the problem picker saying what the task is. */
  readonly about: string;
  readonly task: Task<S, P>;
  /** The bundled problems, easiest first. */
  readonly problems: readonly ProblemEntry[];
  getProblem(id: string): P | undefined;
  /**
   * A node's text in the short form a tree card shows (the caller cuts it to the card's width):
   * `7 − 4 = 3` for a Game of 24 step, `4 6 8 8` for its root (`isRoot`), the equation of a
   * word-problem step. Pure; never throws on text a model wrote.
   */
  shortStep(text: string, isRoot: boolean): string;
  /** How the summary names a problem: "4 6 8 8 (g24-001, easy)". */
  summary(problem: P): string;
  /** The full question where the picker's label shortens it (word problems), else null. */
  question(problem: P): string | null;
  /** The reference solution as step texts (for step hints), or null when there is none. */
  referenceSteps(problem: P): string[] | null;
  /** How deep a line may need to go: the lab's depth for this task. */
  readonly maxDepth: number;
  /**
   * The most steps a line from `state` can still take, where the task knows (Game of 24: one
   * fewer than the numbers left); null where it cannot tell (free text).
   */
  stepsLeft(state: S): number | null;
  /**
   * Whether a line may end with a sentence stating its answer ("Final Answer: 42"), so one
   * free-text sample can be graded (word problems); false where the answer is the result of
   * the task's own last step (Game of 24).
   */
  readonly answersInWords: boolean;
  /** How a language model is asked for this task's steps and judgements. */
  readonly prompts: TaskPrompts<P>;
  readonly rule: RuleVerifier<S, P>;
  readonly simulated: SimulatedTruth<S, P>;
}

/** A registered task with its state and problem types forgotten (its methods stay sound). */
// Method parameters are bivariant, so every TaskEntry<S, P> is one of these.
export type AnyTaskEntry = TaskEntry<unknown, Problem>;
