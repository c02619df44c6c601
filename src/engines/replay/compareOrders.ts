/**
 * Replays a recorded run's search twice over its own recorded answers (fromTrace.ts), through
 * the replay accountant (accountant.ts) — once in the naive order, once cache-aware — and
 * counts what each order's web-llm requests would prefill. The numbers stand only if both
 * replays reproduce the recording: the same events (costs aside, since the accountant counts
 * its own) and every recorded answer used, no more.
 *
 * A stopped run (no `done` event) is replayed as far as it was recorded. When the stop fell
 * inside a batch of calls the two orders run differently (MCTS judging the children of one
 * expansion cache-first, beam search proposing a depth's beams cache-first), the orders would
 * not have done the same work up to the last recorded event; the comparison then covers the
 * run up to the end of its last whole iteration (MCTS), depth (beam search) or sample
 * (best-of-N).
 */
import { createRng } from '../../core/rng';
import type { SearchContext, SearchSettings } from '../../core/search';
import { runSearch } from '../../core/search';
import type { Problem, Task } from '../../core/tasks/task';
import type { TraceEvent } from '../../core/tree/events';
import type { TaskPrompts } from '../webllm/conversation';
import type { JudgeRequests } from './accountant';
import { ReplayAccountant } from './accountant';
import { NotRecordedError, traceEngine, TraceMismatchError } from './fromTrace';

/**
 * Prefill of both orders in approximate tokens, or why it cannot be known. `answers` says
 * what was measured: both orders replayed over the run's own recorded answers ('recorded'),
 * so `saved` is what the order saved on those answers — not the difference between two runs.
 * On web-llm the other order might have had other answers: a conversation continued from the
 * KV cache is not the text a fresh prefill reads (engines/webllm/kvCache.ts).
 */
export type OrderingSaving =
  | { naive: number; cacheAware: number; saved: number; answers: 'recorded' }
  | { unavailable: string };

/** What a replay needs besides the events: the run's problem, search and request shape. */
export interface ReplaySetup<S, P extends Problem> {
  task: Task<S, P>;
  problem: P;
  search: SearchSettings;
  prompts: TaskPrompts<P>;
  delimiter: string;
  /** The run seed (the accountant's per-call generators; recorded answers ignore them). */
  seed: number;
  /** Whether the judge's calls are model requests ('judge-turn', the self-judge). */
  judge: JudgeRequests;
}

type Order = 'naive' | 'cache-aware';

interface OrderRun {
  events: TraceEvent[];
  prefilled: number;
  /** The search ended by itself (else it asked for an answer the run did not record). */
  finished: boolean;
  unused: number;
}

/** An event as JSON without its cost, keys sorted (a run file may order them otherwise). */
function decided(event: TraceEvent): string {
  return JSON.stringify(event, (key, value: unknown) => {
    if (key === 'cost') return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
  });
}

function replayOnce<S, P extends Problem>(
  setup: ReplaySetup<S, P>,
  recorded: readonly TraceEvent[],
  order: Order,
): OrderRun {
  const engine = traceEngine<S, P>(recorded);
  const accountant = new ReplayAccountant<P>({
    prompts: setup.prompts,
    delimiter: setup.delimiter,
    seed: setup.seed,
  });
  const ctx: SearchContext<S, P> = {
    task: setup.task,
    problem: setup.problem,
    // The task stops a rollout where the adapter's would (a no-op on a recorded rollout).
    proposer: accountant.proposer(engine.proposer, setup.task),
    judge: accountant.judge(engine.judge, setup.judge),
    rng: createRng(setup.seed),
    cache: accountant.probe,
    schedule: order,
  };
  const program = runSearch(ctx, setup.search);
  const events: TraceEvent[] = [];
  let finished = false;
  try {
    for (let step = program.next(); ; step = program.next()) {
      if (step.done) {
        finished = true;
        break;
      }
      // The recorded answers come at once: a promise here would be a bug, not a run.
      if ('pending' in step.value) throw new TraceMismatchError('an engine answered later');
      events.push(step.value);
    }
  } catch (error) {
    if (!(error instanceof NotRecordedError)) throw error;
  }
  return { events, prefilled: accountant.usage().prefilled, finished, unused: engine.unused() };
}

/** Why a replay does not reproduce the recording, or null when it does. */
function mismatch(run: OrderRun, recorded: readonly TraceEvent[], order: Order): string | null {
  const complete = recorded.at(-1)?.type === 'done';
  const label = order === 'naive' ? 'The naive-order replay' : 'The cache-aware replay';
  for (const [i, event] of recorded.entries()) {
    const replayed = run.events[i];
    if (replayed === undefined) {
      return `${label} stopped at event ${i} (${event.type}): the run's events do not answer the calls its search makes.`;
    }
    if (decided(replayed) !== decided(event)) {
      return `${label} differs from the run at event ${i} (recorded ${event.type}, replayed ${replayed.type}).`;
    }
  }
  if (complete && (!run.finished || run.events.length !== recorded.length)) {
    return `${label} went on after the run's last event.`;
  }
  // Implied when the events match (the search emits each answer's event only after asking for
  // it); checked all the same, since the numbers stand only on the same work in both orders.
  if (run.unused > 0) {
    return `${label} left ${run.unused} recorded answer(s) unasked: the orders would not have done the same work.`;
  }
  return null;
}

/**
 * Length of the longest prefix that ends a whole MCTS iteration (after a backprop), beam depth
 * (after a prune) or best-of-N sample (before the last sample's first expansion); 1 (the start
 * alone) when none does, 0 without a start.
 */
export function lastWholeUnit(events: readonly TraceEvent[]): number {
  const start = events[0];
  if (start?.type !== 'start') return 0;
  for (let i = events.length - 1; i > 0; i--) {
    const e = events[i] as TraceEvent;
    if (start.algorithm === 'mcts' && e.type === 'backprop') return i + 1;
    if (start.algorithm === 'beam' && e.type === 'prune') return i + 1;
    if (start.algorithm === 'best-of-n' && e.type === 'expand' && e.node === 0) return i;
  }
  return 1;
}

/**
 * The prefill of the run's requests in the naive and the cache-aware order, by replaying its
 * search over its own recorded answers; `saved` = naive − cacheAware (negative when the
 * cache-aware order cost more, as a beam search with a free judge can).
 */
export function compareOrders<S, P extends Problem>(
  setup: ReplaySetup<S, P>,
  events: readonly TraceEvent[],
): OrderingSaving {
  const start = events[0];
  if (start?.type !== 'start') return { unavailable: 'The run has no events to replay.' };
  if (start.algorithm !== setup.search.algorithm) {
    return { unavailable: `The run searched with ${start.algorithm}, not its settings' search.` };
  }
  const complete = events.at(-1)?.type === 'done';
  const prefixes = [events];
  const whole = lastWholeUnit(events);
  if (!complete && whole < events.length) prefixes.push(events.slice(0, whole));
  let reason = '';
  for (const recorded of prefixes) {
    try {
      const naive = replayOnce(setup, recorded, 'naive');
      const aware = replayOnce(setup, recorded, 'cache-aware');
      const why = mismatch(naive, recorded, 'naive') ?? mismatch(aware, recorded, 'cache-aware');
      if (why === null) {
        const saved = naive.prefilled - aware.prefilled;
        return { naive: naive.prefilled, cacheAware: aware.prefilled, saved, answers: 'recorded' };
      }
      reason ||= why;
    } catch (error) {
      reason ||= `The run cannot be replayed: ${error instanceof Error ? error.message : String(error)}.`;
    }
  }
  return { unavailable: reason };
}
