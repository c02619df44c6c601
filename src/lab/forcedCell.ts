/**
 * One budget-forcing run of the effort lab (s1: Simple test-time scaling, arXiv 2501.19393):
 * a thinking model answers one word problem once, its thinking capped at or extended to a
 * token budget, and the run is recorded as an ordinary one-sample best-of-N trace, so it
 * opens in the visualizer like any other run.
 *
 * Word problems only: their answer is a number, graded with `extractFinalAnswer` /
 * `answersMatch` as every word-problem run is. Game of 24 is not offered: a thinking sample
 * ends on a whole expression ("(8 - 4) * (7 - 1) = 24"), while the Game of 24 task checks
 * one operation per step ("a op b = c (left: …)") and has no whole-expression verifier.
 */
import { createRng } from '../core/rng';
import { streamEvents } from '../core/search';
import { sampleOnce } from '../core/search/bestOfN';
import type { BestOfNSettings } from '../core/search/settings';
import { taskEntry } from '../core/tasks/registry';
import type { TraceEvent } from '../core/tree/events';
import type { ChatEngine } from '../engines/webllm/adapter';
import type { ForcingEngine, ForcingTrace } from '../engines/webllm/budgetForcing';
import { BudgetForcingError, DEFAULT_ANSWER_TOKENS } from '../engines/webllm/budgetForcing';
import type { ThinkingTemplate } from '../engines/webllm/budgetForcingPrompt';
import {
  FORCING_SYSTEM,
  forcingUser,
  thinkingTemplateFor,
} from '../engines/webllm/budgetForcingPrompt';
import { curatedModel } from '../engines/webllm/models';
import type { ForcingRecord } from './forcedSample';
import { UNUSED_JUDGE, forcedTask, forcingProposer, refusingProposer } from './forcedSample';
import type { Sampling } from '../engines/webllm/sampling';
import { samplingOf } from '../engines/webllm/sampling';
import { summarizeRun } from './runCell';
import type { CellResult, GridCell } from './types';

/** Why a Game of 24 cell is refused. */
export const GAME24_REFUSAL =
  'Budget forcing runs on word problems only: a Game of 24 answer is a whole expression, which its task cannot check.';

/** A grid cell of the budget-forcing experiment. */
export type ForcedCell = GridCell & { forcing: NonNullable<GridCell['forcing']> };

/**
 * The search settings a budget-forcing cell records: best-of-N with one sample, so the run
 * file is an ordinary one (the answer is that sample's, hence 'majority' of one).
 */
export const FORCING_SEARCH: BestOfNSettings = {
  algorithm: 'best-of-n',
  n: 1,
  maxDepth: 1,
  pick: 'majority',
  aggregation: 'last',
};

/** Tokens kept free in the context window for the prompt and the forced text. */
export const PROMPT_ROOM = 256;

/** What one forced run measured besides its result (null when no request was made). */
export interface ForcingSummary {
  thinkingTokens: number;
  answerTokens: number;
  waits: number;
  requests: number;
  thinkingEnd: ForcingTrace['thinkingEnd'];
}

/** A forced run: its result, its events, whether it was stopped, and what it measured. */
export interface ForcedRun {
  result: CellResult;
  events: TraceEvent[];
  /** True when `signal` stopped it (the runner may leave it out of the results). */
  aborted: boolean;
  forcing: ForcingSummary | null;
}

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

/** What a cell needs to run, or why it cannot run here. */
type Prepared =
  | {
      ok: true;
      template: ThinkingTemplate;
      engine: ForcingEngine;
      temperature: number;
      sampling: Sampling;
    }
  | { ok: false; error: string };

function prepare(cell: ForcedCell, engine: ChatEngine | ForcingEngine): Prepared {
  const { settings } = cell;
  if (settings.engine.kind !== 'webllm')
    return { ok: false, error: 'Budget forcing needs a web-llm model.' };
  const { modelId, temperature } = settings.engine;
  const sampling = samplingOf(settings.engine);
  const template = thinkingTemplateFor(modelId);
  if (template === null) {
    const name = modelId || 'this model';
    return {
      ok: false,
      error: `Budget forcing needs a thinking model (Qwen3); ${name} does not think in <think> blocks.`,
    };
  }
  const budget = cell.forcing.thinkingTokens;
  if (!Number.isInteger(budget) || budget < 1) {
    return {
      ok: false,
      error: 'The thinking budget must be a whole number of tokens, at least 1.',
    };
  }
  const window = curatedModel(modelId)?.contextWindow;
  if (window !== undefined && budget + DEFAULT_ANSWER_TOKENS + PROMPT_ROOM > window) {
    const most = window - DEFAULT_ANSWER_TOKENS - PROMPT_ROOM;
    return {
      ok: false,
      error: `A thinking budget of ${budget} tokens does not fit ${modelId}'s context window of ${window} tokens (at most ${most}).`,
    };
  }
  if (!('completions' in engine) || typeof engine.completions?.create !== 'function') {
    return {
      ok: false,
      error:
        "This engine has no raw text completion (web-llm's engine.completions), which budget forcing needs.",
    };
  }
  return { ok: true, template, engine, temperature, sampling };
}

/**
 * Runs one budget-forcing cell on a loaded web-llm model and records it as a one-sample run:
 * `start` (the question), `expand` (one child: the whole assistant text, thinking with its
 * "Wait"s, the forced end and the answer; cost = every token generated and prefilled over all
 * requests, one proposer call per request), `terminal` when the answer states a number, and
 * `done`. The answer is read from what follows "Final Answer:" only, never from the thinking.
 *
 * Never throws. A request that fails (or the signal) ends the run as 'failed' with the
 * events so far: `start`, and when some request finished, an `expand` holding the text of
 * the finished requests (marked invalid, with the error) and their cost.
 * @param engine the loaded model's engine; it needs `completions` (both web-llm engines
 *   have it), so a bare `ChatEngine` fails with a message saying so
 * @param hooks `onText`: the assistant's text so far, as it streams (for a live view)
 * @example const { result, events } = await runForcedCell(cell, model.engine, signal);
 */
export async function runForcedCell(
  cell: ForcedCell,
  engine: ChatEngine | ForcingEngine,
  signal?: AbortSignal,
  hooks: { onText?: (text: string) => void } = {},
): Promise<ForcedRun> {
  const start = now();
  const events: TraceEvent[] = [];
  const finish = (error: unknown, forcing: ForcingSummary | null): ForcedRun => {
    const aborted = signal?.aborted === true;
    const summary = summarizeRun(events, error);
    return { result: { cellId: cell.id, ...summary, ms: now() - start }, events, aborted, forcing };
  };
  const entry = taskEntry(cell.settings.task);
  if (!entry.answersInWords) return finish(new Error(GAME24_REFUSAL), null);
  const problem = entry.getProblem(cell.settings.problemId);
  if (problem === undefined) {
    const noun = entry.problemNoun.toLowerCase();
    return finish(new Error(`Unknown ${noun} "${cell.settings.problemId}".`), null);
  }
  const ready = prepare(cell, engine);
  const record: ForcingRecord = { trace: null, error: null };
  const proposer = ready.ok
    ? forcingProposer(
        ready.engine,
        {
          template: ready.template,
          system: FORCING_SYSTEM,
          user: forcingUser(entry.task.describe(problem)),
        },
        {
          mode: cell.forcing.mode,
          thinkingTokens: cell.forcing.thinkingTokens,
          temperature: ready.temperature,
          sampling: ready.sampling,
          seed: cell.settings.seed,
          signal,
          ...(hooks.onText ? { onText: hooks.onText } : {}),
        },
        record,
      )
    : refusingProposer(ready.error);
  const program = sampleOnce(
    {
      task: forcedTask(entry.task, record),
      problem,
      proposer,
      judge: UNUSED_JUDGE,
      rng: createRng(cell.settings.seed),
      ...(signal ? { signal } : {}),
    },
    FORCING_SEARCH.maxDepth,
  );
  const summary = (): ForcingSummary | null => {
    const trace = record.trace ?? record.error?.partial ?? null;
    if (trace === null) return null;
    return {
      thinkingTokens: trace.thinkingTokens,
      answerTokens: trace.answerTokens,
      waits: trace.waits,
      requests: trace.requests,
      thinkingEnd: trace.thinkingEnd,
    };
  };
  try {
    for await (const event of streamEvents(program)) {
      events.push(event);
      // A sample cut short by a failed request ends the run at its (invalid) step.
      if (event.type === 'expand' && record.error) return finish(record.error, summary());
    }
  } catch (e) {
    const partial = e instanceof BudgetForcingError ? e : null;
    return finish(e ?? new Error('the run failed'), partial ? summary() : null);
  }
  return finish(undefined, summary());
}
