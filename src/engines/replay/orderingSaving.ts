/**
 * What cache-aware ordering saved in one web-llm run (issue 4, "Count prefilled tokens per run
 * and show what the ordering saved"). The run itself went one way only; its recorded events
 * hold every answer the model gave, so the search is replayed over them in both orders and the
 * web-llm requests each order would send are counted (compareOrders.ts). Both totals are
 * estimates in approximate tokens (`approxTokens`: words, digit runs, punctuation), not the
 * model's tokenizer, and they count one request per step kept, as the accountant does
 * (accountant.ts: the adapter's dropped duplicates and empty replies are not in the run).
 *
 * What it measures (`answers: 'recorded'`): the prefill of both orders over this run's own
 * answers. On web-llm the naive order might have had other answers — a conversation continued
 * from the KV cache is not the text a fresh prefill reads (webllm/kvCache.ts) — so this is the
 * saving on the same answers, not the difference between a cache-aware and a naive run.
 */
import type { SearchSettings } from '../../core/search/settings';
import type { TaskEntry } from '../../core/tasks/entry';
import type { TaskId } from '../../core/tasks/registry';
import { taskEntry } from '../../core/tasks/registry';
import type { Problem } from '../../core/tasks/task';
import type { JudgeKind, TraceEvent } from '../../core/tree/events';
import type { EngineSettings } from '../registry';
import type { WebLlmEngineSettings } from '../webllm/settings';
import type { OrderingSaving } from './compareOrders';
import { compareOrders } from './compareOrders';

export type { OrderingSaving } from './compareOrders';

/** What of a run's settings the estimate reads (a run file's `settings`). */
export interface ReplayedRunSettings {
  task: TaskId;
  problemId: string;
  search: SearchSettings;
  engine: EngineSettings;
  seed: number;
}

/** Whether the run's search asks the judge at all (MCTS with rollout value never does). */
function judges(settings: ReplayedRunSettings): boolean {
  return settings.search.algorithm !== 'mcts' || settings.search.valueMode === 'prm';
}

/** Why the run's judging cannot be replayed as requests, or null when it can. */
function judgeProblem(
  settings: ReplayedRunSettings,
  engine: WebLlmEngineSettings,
  events: readonly TraceEvent[],
): string | null {
  const kinds = new Set<JudgeKind>();
  for (const e of events) if (e.type === 'score') kinds.add(e.evidence.judge);
  if (kinds.has('rollout') || (engine.judge === 'rollout' && judges(settings))) {
    return "The rollout judge's completions are not recorded (only how many reached the answer), so the requests behind its scores cannot be replayed.";
  }
  for (const kind of kinds) {
    if (kind !== engine.judge) {
      return `The run's scores came from the ${kind} judge, but its settings name the ${engine.judge} judge.`;
    }
  }
  return null;
}

function compareFor<S, P extends Problem>(
  settings: ReplayedRunSettings,
  engine: WebLlmEngineSettings,
  events: readonly TraceEvent[],
  entry: TaskEntry<S, P>,
  problem: P,
): OrderingSaving {
  return compareOrders(
    {
      task: entry.task,
      problem,
      search: settings.search,
      prompts: entry.prompts,
      delimiter: engine.delimiter,
      seed: settings.seed,
      // The self-judge asks the model once per valid step; the rule judge asks nothing (and
      // the rollout judge, refused above, is never asked when MCTS values by rollout).
      judge: engine.judge === 'self' ? 'judge-turn' : 'none',
    },
    events,
  );
}

/**
 * Prefill of a web-llm run's requests in the naive and the cache-aware order, estimated by
 * replaying its search over its recorded events, and what the cache-aware order saved
 * (negative when it cost more). Never a guess: `unavailable` says why when the run is not a
 * model run, its judge's requests were not recorded (rollout judge), or the replay does not
 * reproduce the recorded events. A stopped run counts what it recorded (compareOrders.ts).
 * @param settings the run's settings (its task, problem, search and web-llm engine block)
 * @param events the run's events, from `start` (to `done` when it finished)
 * @example
 * const r = estimateOrderingSaving(settings, trace.all);
 * if (!('unavailable' in r)) console.log(`${r.saved} of ${r.naive} tokens saved`);
 */
export function estimateOrderingSaving(
  settings: ReplayedRunSettings,
  events: readonly TraceEvent[],
): OrderingSaving {
  const engine = settings.engine;
  if (engine.kind !== 'webllm') {
    return { unavailable: 'The run did not use a language model: it sent no requests to count.' };
  }
  const refused = judgeProblem(settings, engine, events);
  if (refused !== null) return { unavailable: refused };
  const entry = taskEntry(settings.task);
  const problem = entry.getProblem(settings.problemId);
  if (!problem) {
    return {
      unavailable: `No bundled ${entry.problemNoun.toLowerCase()} "${settings.problemId}".`,
    };
  }
  return compareFor(settings, engine, events, entry, problem);
}
