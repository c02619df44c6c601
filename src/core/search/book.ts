import type {
  JudgeContext,
  Judgement,
  ProposedStep,
  ProposerContext,
  StepJudge,
  StepProposer,
} from '../engine';
import type { Rng } from '../rng';
import type { Outcome, Problem, Task } from '../tasks/task';
import { invalidOutcome } from '../tasks/task';
import type { ExpandedChild, NodeId, ScoreEvent, TerminalEvent } from '../tree/events';
import { hasInTextBacktrack } from './inTextBacktrack';
import { stepPriors } from './priors';
import type { Pending, SearchStep } from './program';
import { call } from './program';
import type { KvCacheProbe } from './schedule';
import { allInFlight, inFlight } from './inFlight';
import { activeProbe, inCacheOrder } from './schedule';

/** Everything a search runs against: the task, one problem, the engine and the randomness. */
export interface SearchContext<S, P extends Problem> {
  task: Task<S, P>;
  problem: P;
  proposer: StepProposer<S, P>;
  judge: StepJudge<S, P>;
  rng: Rng;
  signal?: AbortSignal;
  /**
   * What the engine's KV cache holds (web-llm). With it, engine calls whose results do not
   * depend on their order run cache-first (schedule.ts); events keep their order. Give it only
   * with an engine whose answers do not depend on call order (seeded per path, not drawn from
   * `rng` in turn), or reordering would change the answers themselves.
   */
  cache?: KvCacheProbe;
  /** 'naive' keeps the canonical call order even with a cache (to measure what it saves). */
  schedule?: 'cache-aware' | 'naive';
  /**
   * How many order-free engine calls may be in flight together (inFlight.ts): a server that
   * batches requests. Absent or 1: one at a time, the plain loop. Ignored while a cache probe
   * is active (a KV cache of one conversation wants one request at a time, in its order). Give
   * it only with an engine whose answers do not depend on call order (seeded per path).
   */
  concurrency?: number;
}

/** The search's own record of a node (the reducer's tree is the UI's; this is the search's). */
export interface BookNode<S> {
  id: NodeId;
  parent: NodeId | null;
  depth: number;
  children: NodeId[];
  text: string;
  prior: number;
  N: number;
  W: number;
  /** Task state after this step, or null after an invalid step. */
  state: S | null;
  /** Set when the node ends a line (solved, wrong answer or invalid step). */
  outcome: Outcome | null;
  prm: number | null;
}

/**
 * The bookkeeping every search algorithm shares: node records, id allocation, and turning
 * proposals into checked children with the events that describe them.
 */
export class SearchBook<S, P extends Problem> {
  readonly nodes: BookNode<S>[] = [];
  /**
   * Separate streams for proposing and judging, so that a different judge leaves the
   * proposer's draws alone (best-of-N samples stay the same when only the PRM changes).
   */
  readonly proposerRng: Rng;
  readonly judgeRng: Rng;
  /** The cache to schedule engine calls by, or null for the canonical order. */
  readonly probe: KvCacheProbe | null;
  /** How many order-free calls may be in flight together, or null for one at a time. */
  readonly parallel: number | null;

  constructor(readonly ctx: SearchContext<S, P>) {
    this.proposerRng = ctx.rng.fork('proposer');
    this.judgeRng = ctx.rng.fork('judge');
    this.probe = activeProbe(ctx);
    const limit = Math.floor(ctx.concurrency ?? 1);
    this.parallel = this.probe === null && limit > 1 ? limit : null;
    const { task, problem } = ctx;
    const state = task.initial(problem);
    this.nodes.push({
      id: 0,
      parent: null,
      depth: 0,
      children: [],
      text: task.describe(problem),
      prior: 1,
      N: 0,
      W: 0,
      state,
      outcome: task.outcome(state, problem),
      prm: null,
    });
  }

  node(id: NodeId): BookNode<S> {
    const node = this.nodes[id];
    if (!node) throw new RangeError(`no node ${id}`);
    return node;
  }

  /** Step texts from the root (exclusive) down to `id`. */
  stepsTo(id: NodeId): string[] {
    const steps: string[] = [];
    for (let cur = this.node(id); cur.parent !== null; cur = this.node(cur.parent)) {
      steps.push(cur.text);
    }
    return steps.reverse();
  }

  /** Node ids from the root down to `id`. */
  pathTo(id: NodeId): NodeId[] {
    const path: NodeId[] = [];
    for (let cur: NodeId | null = id; cur !== null; cur = this.node(cur).parent) path.push(cur);
    return path.reverse();
  }

  /** Whether a node can be continued (it has a state and does not end a line). */
  isOpen(id: NodeId): boolean {
    const node = this.node(id);
    return node.state !== null && node.outcome === null;
  }

  /**
   * Adds proposed steps as children of `parentId`, checking each with the task, and returns
   * their records for an `expand` event plus the `terminal` events of those that end a line.
   */
  addChildren(
    parentId: NodeId,
    steps: readonly ProposedStep[],
    priors: readonly number[] = stepPriors(steps),
  ): { children: ExpandedChild[]; terminals: TerminalEvent[] } {
    const parent = this.node(parentId);
    const { task, problem } = this.ctx;
    const children: ExpandedChild[] = [];
    const terminals: TerminalEvent[] = [];
    steps.forEach((step, i) => {
      const id = this.nodes.length;
      const check =
        parent.state === null
          ? ({ valid: false, reason: 'the line already ended' } as const)
          : task.applyStep(parent.state, step.text, problem);
      const state = check.valid ? check.state : null;
      const outcome = check.valid ? task.outcome(check.state, problem) : invalidOutcome();
      const prior = priors[i] ?? 0;
      this.nodes.push({
        id,
        parent: parentId,
        depth: parent.depth + 1,
        children: [],
        text: step.text,
        prior,
        N: 0,
        W: 0,
        state,
        outcome,
        prm: null,
      });
      parent.children.push(id);
      const child: ExpandedChild = {
        id,
        text: step.text,
        tokens: step.tokens,
        logProb: step.logProb,
        prior,
        valid: check.valid,
        inTextBacktrack: hasInTextBacktrack(step.text),
      };
      if (!check.valid) child.invalidReason = check.reason;
      children.push(child);
      if (outcome) terminals.push({ type: 'terminal', node: id, ...outcome });
    });
    return { children, terminals };
  }

  /** Asks the judge for a node's step score and records it. */
  *score(id: NodeId): Generator<Pending, ScoreEvent, unknown> {
    const node = this.node(id);
    if (node.parent === null) throw new RangeError('the root has no step to score');
    const parent = this.node(node.parent);
    const ctx: JudgeContext<S, P> = {
      problem: this.ctx.problem,
      parentState: parent.state as S,
      state: node.state,
      steps: this.stepsTo(id),
      rng: this.judgeRng,
    };
    if (this.ctx.signal) ctx.signal = this.ctx.signal;
    const judgement = yield* call(this.ctx.judge.score(ctx));
    node.prm = judgement.score;
    return { type: 'score', node: id, ...judgement };
  }

  /**
   * Scores new nodes, yielding their `score` events in the order given. With a cache probe the
   * judge calls run cache-first: after an expansion the cache holds the last new child's path,
   * so judging that child first prefills only the question turn.
   */
  *scoreAll(ids: readonly NodeId[]): Generator<SearchStep, void, unknown> {
    if (this.parallel !== null) {
      const record = (id: NodeId, judgement: Judgement) => this.recordScore(id, judgement);
      yield* inFlight(
        ids,
        {
          path: (id) => this.stepsTo(id),
          run: (id) => {
            const node = this.node(id);
            return this.judgeStep(node.parent ?? 0, node.text);
          },
          *emit(id, judgement) {
            yield record(id, judgement);
          },
        },
        this.parallel,
      );
      return;
    }
    if (this.probe === null) {
      // The canonical order, without the scheduler's bookkeeping (MCTS iterations/s count it).
      for (const id of ids) yield yield* this.score(id);
      return;
    }
    yield* inCacheOrder(
      ids,
      {
        path: (id) => this.stepsTo(id),
        run: (id) => this.score(id),
        *emit(_id, event) {
          yield event;
        },
      },
      this.probe,
    );
  }

  /**
   * The judge's score of a step below `parentId` that need not be a node yet (so that judging
   * can run while earlier items still wait to be emitted): the same context `score` gives the
   * judge once the step is a node. Records nothing; see {@link recordScore}.
   */
  *judgeStep(parentId: NodeId, text: string): Generator<Pending, Judgement, unknown> {
    const parent = this.node(parentId);
    const check =
      parent.state === null ? null : this.ctx.task.applyStep(parent.state, text, this.ctx.problem);
    return yield* this.judgeAt(parent.state as S, check?.valid ? check.state : null, [
      ...this.stepsTo(parentId),
      text,
    ]);
  }

  /** The judge asked about the last of `steps`, from the states before and after it. */
  *judgeAt(
    parentState: S,
    state: S | null,
    steps: readonly string[],
  ): Generator<Pending, Judgement, unknown> {
    const ctx: JudgeContext<S, P> = {
      problem: this.ctx.problem,
      parentState,
      state,
      steps,
      rng: this.judgeRng,
    };
    if (this.ctx.signal) ctx.signal = this.ctx.signal;
    return yield* call(this.ctx.judge.score(ctx));
  }

  /** Records a node's step score from {@link judgeStep} and returns its `score` event. */
  recordScore(id: NodeId, judgement: Judgement): ScoreEvent {
    this.node(id).prm = judgement.score;
    return { type: 'score', node: id, ...judgement };
  }

  /** {@link judgeStep} for several steps below one parent, in flight together. */
  judgeSteps(parentId: NodeId, texts: readonly string[]): Generator<Pending, Judgement[], unknown> {
    return allInFlight(
      texts.map((text) => () => this.judgeStep(parentId, text)),
      this.parallel ?? 1,
    );
  }

  /**
   * The reward a finished line earns without simulation: 0 for an invalid step; the grade
   * when the task checks its own answers; otherwise the judge's score of the last step.
   */
  knownReward(outcome: Outcome, prm: number | null): number {
    if (outcome.kind === 'invalid-step') return 0;
    if (this.ctx.task.selfVerifying) return outcome.correct ? 1 : 0;
    return prm ?? 0;
  }

  /** The context for asking the proposer to continue node `id`. */
  proposerContext(id: NodeId): ProposerContext<S, P> {
    const ctx: ProposerContext<S, P> = {
      problem: this.ctx.problem,
      state: this.node(id).state as S,
      steps: this.stepsTo(id),
      rng: this.proposerRng,
    };
    if (this.ctx.signal) ctx.signal = this.ctx.signal;
    return ctx;
  }

  /** Walks proposed steps from a node's state through the task: where does the line end? */
  followSteps(fromId: NodeId, steps: readonly ProposedStep[]): Outcome | null {
    return this.followRollout(fromId, steps).outcome;
  }

  /**
   * {@link followSteps}, also giving the states before and after the step that ended the line
   * (for judging that step) and how many steps it took.
   */
  followRollout(
    fromId: NodeId,
    steps: readonly ProposedStep[],
  ): { outcome: Outcome | null; before: S | null; after: S | null; used: number } {
    const { task, problem } = this.ctx;
    let state = this.node(fromId).state;
    if (state === null) return { outcome: invalidOutcome(), before: null, after: null, used: 0 };
    for (const [i, step] of steps.entries()) {
      const before: S = state;
      const check = task.applyStep(before, step.text, problem);
      if (!check.valid) return { outcome: invalidOutcome(), before, after: null, used: i + 1 };
      state = check.state;
      const outcome = task.outcome(state, problem);
      if (outcome) return { outcome, before, after: state, used: i + 1 };
    }
    return { outcome: null, before: null, after: null, used: steps.length };
  }

  /**
   * The judge's score of the step that ended a rollout: the value of a rollout whose answer
   * the search may not check (a terminal node in the tree is valued the same way).
   */
  *judgeRolloutEnd(
    fromId: NodeId,
    texts: readonly string[],
    before: S,
    after: S,
  ): Generator<Pending, Judgement, unknown> {
    const ctx: JudgeContext<S, P> = {
      problem: this.ctx.problem,
      parentState: before,
      state: after,
      steps: [...this.stepsTo(fromId), ...texts],
      rng: this.judgeRng,
    };
    if (this.ctx.signal) ctx.signal = this.ctx.signal;
    return yield* call(this.ctx.judge.score(ctx));
  }
}
