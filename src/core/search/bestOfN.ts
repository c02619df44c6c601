import { aggregate } from '../reward/aggregate';
import type { Problem } from '../tasks/task';
import type { DoneEvent, ExpandEvent, NodeId, TerminalEvent } from '../tree/events';
import { ZERO_COST } from '../tree/events';
import type { SearchContext } from './book';
import { SearchBook } from './book';
import type { SearchProgram } from './program';
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
 * sample in one request would leave no step path there, and gain nothing.)
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
