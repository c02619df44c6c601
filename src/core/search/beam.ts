import { aggregate } from '../reward/aggregate';
import type { Judgement, Proposal } from '../engine';
import type { Problem } from '../tasks/task';
import type { DoneEvent, NodeId } from '../tree/events';
import type { SearchContext } from './book';
import { SearchBook } from './book';
import { inFlight } from './inFlight';
import type { SearchProgram, SearchStep } from './program';
import { call } from './program';
import { inCacheOrder } from './schedule';
import type { BeamSettings } from './settings';

/**
 * Step-level beam search guided by a PRM, as in HuggingFace's search-and-learn and Snell et
 * al. 2024 ("Scaling LLM Test-Time Compute Optimally"): at each depth every open beam is
 * expanded `expansionsPerBeam` ways, every new step is scored by the judge, the candidates
 * are ranked by their aggregated trajectory score, and the best `beamWidth` survive (a
 * `prune` event lists both sides with their scores). A parent whose every child was pruned is
 * a backtracking point. Lines that end (solved, wrong or invalid) leave the beam as finished.
 * The answer is the finished line with the best aggregated score.
 *
 * With a KV cache probe (schedule.ts) the beams of a depth are proposed cache-first — the beam
 * whose path the cache holds before the others — and each beam's children are judged
 * cache-first; node ids, events, rankings and the answer are those of the canonical order.
 * With `concurrency` above 1 (a server) the beams of a depth and their children's judging are
 * in flight together, reported in the same canonical order.
 */
export function* beamSearch<S, P extends Problem>(
  ctx: SearchContext<S, P>,
  settings: BeamSettings,
): SearchProgram {
  const book = new SearchBook(ctx);
  yield { type: 'start', algorithm: 'beam', rootText: book.node(0).text };
  const trajectoryScore = new Map<NodeId, number>();
  const scoresTo = (id: NodeId): number[] =>
    book
      .pathTo(id)
      .slice(1)
      .map((n) => book.node(n).prm ?? 0);

  let beams: NodeId[] = book.isOpen(0) ? [0] : [];
  const finished: NodeId[] = [];
  for (let depth = 1; depth <= settings.maxDepth && beams.length > 0; depth++) {
    if (ctx.signal?.aborted) return;
    const candidates: NodeId[] = [];
    /** A beam's expansion and its children's scores, as events (ids and order canonical). */
    function* report(
      beam: NodeId,
      proposal: Proposal,
      scores: (ids: readonly NodeId[]) => Generator<SearchStep, void, unknown>,
    ): Generator<SearchStep, void, unknown> {
      const added = book.addChildren(beam, proposal.steps);
      yield {
        type: 'expand',
        iteration: depth,
        node: beam,
        children: added.children,
        cost: proposal.cost,
        ...(added.children.length === 0 ? { skipped: 'no-proposals' as const } : {}),
      };
      yield* scores(added.children.map((child) => child.id));
      for (const child of added.children) {
        trajectoryScore.set(child.id, aggregate(scoresTo(child.id), settings.aggregation));
        candidates.push(child.id);
      }
      yield* added.terminals;
    }
    const propose = (beam: NodeId) =>
      call(ctx.proposer.propose(book.proposerContext(beam), settings.expansionsPerBeam));
    if (book.parallel !== null) {
      // The beams' proposals and their children's judging in flight together (inFlight.ts):
      // a beam's children are judged as soon as its proposal is back; reported in beam order.
      yield* inFlight(
        beams,
        {
          path: (beam) => book.stepsTo(beam),
          *run(beam) {
            const proposal = yield* propose(beam);
            const texts = proposal.steps.map((s) => s.text);
            return { proposal, judged: yield* book.judgeSteps(beam, texts) };
          },
          emit: (beam, { proposal, judged }) =>
            report(beam, proposal, function* (ids) {
              for (const [i, id] of ids.entries()) {
                yield book.recordScore(id, judged[i] as Judgement);
              }
            }),
        },
        book.parallel,
      );
    } else {
      // Proposals may run cache-first (a proposal depends only on its beam's path); children
      // are added, judged and reported in beam order, so ids, events and ties are as without a
      // cache.
      yield* inCacheOrder(
        beams,
        {
          path: (beam) => book.stepsTo(beam),
          run: propose,
          emit: (beam, proposal) => report(beam, proposal, (ids) => book.scoreAll(ids)),
        },
        book.probe,
      );
    }
    if (candidates.length === 0) break;

    // Rank by aggregated score; ties keep proposal order (a stable sort).
    const ranked = [...candidates].sort(
      (a, b) => (trajectoryScore.get(b) ?? 0) - (trajectoryScore.get(a) ?? 0),
    );
    const kept = ranked.slice(0, settings.beamWidth);
    const dropped = ranked.slice(settings.beamWidth);
    const withScore = (id: NodeId) => ({ id, score: trajectoryScore.get(id) ?? 0 });
    yield { type: 'prune', depth, kept: kept.map(withScore), dropped: dropped.map(withScore) };

    const keptSet = new Set(kept);
    for (const beam of beams) {
      const children = book.node(beam).children;
      if (children.length > 0 && children.every((id) => !keptSet.has(id))) {
        yield { type: 'backtrack', iteration: depth, at: beam, abandoned: beam };
      }
    }
    beams = [];
    for (const id of kept) (book.isOpen(id) ? beams : finished).push(id);
  }

  let best: NodeId | null = null;
  for (const id of finished) {
    const outcome = book.node(id).outcome;
    if (!outcome || outcome.kind === 'invalid-step') continue;
    if (best === null || (trajectoryScore.get(id) ?? 0) > (trajectoryScore.get(best) ?? 0))
      best = id;
  }
  const outcome = best === null ? null : book.node(best).outcome;
  const answer: DoneEvent = outcome
    ? {
        type: 'done',
        node: best,
        answer: outcome.answer,
        correct: outcome.correct,
        reason: 'best-prm',
      }
    : { type: 'done', node: null, answer: null, correct: false, reason: 'none' };
  yield answer;
}
