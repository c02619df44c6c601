import { aggregate } from '../reward/aggregate';
import type { Problem } from '../tasks/task';
import type { ProposedStep } from '../engine';
import type { DoneEvent, ExpandedChild, ExpandEvent, NodeId, TerminalEvent } from '../tree/events';
import { ZERO_COST } from '../tree/events';
import type { SearchContext } from './book';
import { SearchBook } from './book';
import { allInFlight, inFlight } from './inFlight';
import type { SearchProgram, SearchStep } from './program';
import { call } from './program';
import { inCacheOrder } from './schedule';
import type { BestOfNSettings } from './settings';

/** One finished sample: its last node, answer and aggregated PRM score. */
export interface Sample {
  node: NodeId;
  answer: string;
  correct: boolean;
  score: number;
}

/** A sample's step before it is a node: what the judge is asked about it. */
interface PlannedStep<S> {
  parentState: S;
  state: S | null;
  steps: string[];
}

/**
 * The steps of a rollout from the root that become nodes (up to the one that ends the line),
 * as the judge sees each: the chain `addChildren` builds, without allocating ids.
 */
function planSample<S, P extends Problem>(
  book: SearchBook<S, P>,
  steps: readonly ProposedStep[],
): PlannedStep<S>[] {
  const { task, problem } = book.ctx;
  const planned: PlannedStep<S>[] = [];
  let state = book.node(0).state;
  const path: string[] = [];
  for (const step of steps) {
    if (state === null || task.outcome(state, problem) !== null) break;
    const check = task.applyStep(state, step.text, problem);
    path.push(step.text);
    planned.push({ parentState: state, state: check.valid ? check.state : null, steps: [...path] });
    state = check.valid ? check.state : null;
  }
  return planned;
}

/**
 * Best-of-N with samples in flight together (inFlight.ts): each sample's rollout and the judging
 * of its steps run as soon as a slot is free; samples are reported in order 1..N, each as the
 * serial loop reports it (expand, score, terminals per step), so the events are the same.
 */
function* samplesInFlight<S, P extends Problem>(
  book: SearchBook<S, P>,
  settings: BestOfNSettings,
  samples: Sample[],
  limit: number,
): Generator<SearchStep, void, unknown> {
  const { ctx } = book;
  if (!book.isOpen(0)) return;
  const indices = Array.from({ length: settings.n }, (_, k) => k + 1);
  let stopped = false;
  yield* inFlight(
    indices,
    {
      path: () => [],
      *run() {
        if (ctx.signal?.aborted) return null;
        const rollout = yield* call(
          ctx.proposer.rollout(book.proposerContext(0), settings.maxDepth),
        );
        const planned = planSample(book, rollout.steps);
        const judged = yield* allInFlight(
          planned.map((p) => () => book.judgeAt(p.parentState, p.state, p.steps)),
          limit,
        );
        return { rollout, judged };
      },
      *emit(i, sample) {
        if (stopped || sample === null || ctx.signal?.aborted) {
          stopped = true;
          return;
        }
        const { rollout, judged } = sample;
        if (rollout.steps.length === 0) {
          yield {
            type: 'expand',
            iteration: i,
            node: 0,
            children: [],
            skipped: 'no-proposals',
            cost: rollout.cost,
          };
        }
        const scores: number[] = [];
        let cur: NodeId = 0;
        for (const [k, judgement] of judged.entries()) {
          const step = rollout.steps[k] as ProposedStep;
          const added = book.addChildren(cur, [step], [1]);
          const child = added.children[0] as ExpandedChild;
          const cost = k === 0 ? rollout.cost : ZERO_COST;
          yield { type: 'expand', iteration: i, node: cur, children: [child], cost };
          yield book.recordScore(child.id, judgement);
          scores.push(judgement.score);
          yield* added.terminals;
          cur = child.id;
        }
        const outcome = book.node(cur).outcome;
        if (outcome && outcome.kind !== 'invalid-step') {
          samples.push({
            node: cur,
            answer: outcome.answer,
            correct: outcome.correct,
            score: aggregate(scores, settings.aggregation),
          });
        }
      },
    },
    limit,
  );
}

/** One step of a sample: its node and the events that report it. */
interface Link {
  id: NodeId;
  expand: ExpandEvent;
  terminals: TerminalEvent[];
}

/**
 * Picks the answer among samples (Wang et al. 2023 self-consistency for the majority vote;
 * PRM-weighted voting as in Snell et al. 2024 and search-and-learn):
 * - `prm`: the sample with the best aggregated score;
 * - `majority`: the most common answer (ties: larger summed score, then first seen);
 * - `weighted-vote`: the answer with the largest summed score (ties: first seen).
 * The returned node is the best-scored sample that gave the chosen answer.
 */
export function pickAnswer(samples: readonly Sample[], pick: BestOfNSettings['pick']): DoneEvent {
  if (samples.length === 0)
    return { type: 'done', node: null, answer: null, correct: false, reason: 'none' };
  const bestOf = (list: readonly Sample[]) =>
    list.reduce((best, s) => (s.score > best.score ? s : best));
  if (pick === 'prm') {
    const best = bestOf(samples);
    return {
      type: 'done',
      node: best.node,
      answer: best.answer,
      correct: best.correct,
      reason: 'best-prm',
    };
  }
  const count = new Map<string, number>();
  const summed = new Map<string, number>();
  for (const s of samples) {
    count.set(s.answer, (count.get(s.answer) ?? 0) + 1);
    summed.set(s.answer, (summed.get(s.answer) ?? 0) + s.score);
  }
  const primary = pick === 'majority' ? count : summed;
  let chosen: string | null = null;
  for (const answer of primary.keys()) {
    if (chosen === null) chosen = answer;
    const a = primary.get(answer) ?? 0;
    const b = primary.get(chosen) ?? 0;
    if (a > b || (a === b && (summed.get(answer) ?? 0) > (summed.get(chosen) ?? 0)))
      chosen = answer;
  }
  const best = bestOf(samples.filter((s) => s.answer === chosen));
  return {
    type: 'done',
    node: best.node,
    answer: best.answer,
    correct: best.correct,
    reason: pick === 'majority' ? 'majority' : 'weighted-vote',
    votes: Object.fromEntries(primary),
  };
}

/**
 * Best-of-N: N independent complete samples from the root, each step scored by the judge,
 * each sample scored by the chosen aggregation; one answer picked by {@link pickAnswer}.
 * MetaStone-S1's low / medium / high effort is this with N = 2 / 8 / 32 and the geometric
 * mean. Each sample is drawn as a chain of single-child `expand` events (iteration = sample).
 *
 * With a KV cache probe the steps of a sample are judged cache-first. The web-llm adapter
 * writes a sample step by step, each request extending the last, so the cache holds the last
 * step's path afterwards and judging that step first extends it. (An engine that wrote a
 * sample in one request would leave no step path there, and gain nothing.) With `concurrency`
 * above 1 the samples are in flight together ({@link samplesInFlight}).
 */
export function bestOfN<S, P extends Problem>(
  ctx: SearchContext<S, P>,
  settings: BestOfNSettings,
): SearchProgram {
  return sampleAndPick(ctx, settings, true);
}

/**
 * One sample from the root and its answer, with no step judged: what s1's budget forcing
 * records (Muennighoff et al. 2025, arXiv 2501.19393): a thinking model's one answer, read
 * from the text, as a best-of-N run of one sample picked by (a majority of one) vote.
 */
export function sampleOnce<S, P extends Problem>(
  ctx: SearchContext<S, P>,
  maxDepth: number,
): SearchProgram {
  const settings: BestOfNSettings = {
    algorithm: 'best-of-n',
    n: 1,
    maxDepth,
    pick: 'majority',
    aggregation: 'last',
  };
  return sampleAndPick(ctx, settings, false);
}

function* sampleAndPick<S, P extends Problem>(
  ctx: SearchContext<S, P>,
  settings: BestOfNSettings,
  judged: boolean,
): SearchProgram {
  const book = new SearchBook(ctx);
  yield { type: 'start', algorithm: 'best-of-n', rootText: book.node(0).text };
  const samples: Sample[] = [];
  if (book.parallel !== null) {
    yield* samplesInFlight(book, settings, samples, book.parallel);
    if (ctx.signal?.aborted) return;
    yield pickAnswer(samples, settings.pick);
    return;
  }
  for (let i = 1; i <= settings.n; i++) {
    if (ctx.signal?.aborted) return;
    if (!book.isOpen(0)) break;
    const rollout = yield* call(ctx.proposer.rollout(book.proposerContext(0), settings.maxDepth));
    if (rollout.steps.length === 0) {
      yield {
        type: 'expand',
        iteration: i,
        node: 0,
        children: [],
        skipped: 'no-proposals',
        cost: rollout.cost,
      };
    }
    // The sample's steps become a chain of nodes (ids in step order) until a line ends.
    const links: Link[] = [];
    let cur: NodeId = 0;
    for (const [k, step] of rollout.steps.entries()) {
      if (!book.isOpen(cur)) break;
      const added = book.addChildren(cur, [step], [1]);
      const child = added.children[0];
      if (!child) break;
      const cost = k === 0 ? rollout.cost : ZERO_COST;
      const expand: ExpandEvent = {
        type: 'expand',
        iteration: i,
        node: cur,
        children: [child],
        cost,
      };
      links.push({ id: child.id, expand, terminals: added.terminals });
      cur = child.id;
    }
    // Judged cache-first when a probe holds one of the steps; reported in step order.
    const scores: number[] = [];
    if (!judged) {
      for (const link of links) {
        yield link.expand;
        yield* link.terminals;
      }
    } else {
      yield* inCacheOrder(
        links,
        {
          path: (link) => book.stepsTo(link.id),
          before: (link) => [link.expand],
          run: (link) => book.score(link.id),
          *emit(link, score) {
            scores.push(score.score);
            yield score;
            yield* link.terminals;
          },
        },
        book.probe,
      );
    }
    const outcome = book.node(cur).outcome;
    if (outcome && outcome.kind !== 'invalid-step') {
      samples.push({
        node: cur,
        answer: outcome.answer,
        correct: outcome.correct,
        score: aggregate(scores, settings.aggregation),
      });
    }
  }
  yield pickAnswer(samples, settings.pick);
}
