/**
 * The effort lab's shapes (issue 5): a grid of runs — problems ×
 * strategies × budgets × seeds, and an experiment's own variable — and what each run gave.
 * Every run in a grid is an ordinary {@link RunSettings}, so any point of a plot opens in the
 * visualizer as the exact run behind it.
 */
import type { Cost } from '../core/tree/events';
import type { EngineSettings, RunSettings, TaskId } from '../run/settings';

/**
 * A search strategy of the lab, by id (see `strategies.ts` for the catalog): best-of-N with
 * each pick rule and aggregation, beam search, MCTS. The budget k turns into its settings.
 */
export type StrategyId = string;

/** What a plot point's whisker shows: a 95 % Wilson interval on the share solved
 *  (`wilson.ts`), or the spread (lowest to highest) of the seeds' accuracies. */
export type IntervalKind = 'wilson' | 'seeds';

/** What the lab plots on the x-axis. */
export type ComputeMetric = 'generated' | 'calls';

/**
 * The experiment a grid runs, beyond the plain budget curve:
 * - `prm-noise`: the simulated PRM's noise as a variable (MetaStone-S1, the Blueprint);
 * - `step-hints`: the first j steps of a reference solution given as a fixed prefix (StepHint);
 * - `difficulty-preview`: a cheap preview (two samples) decides how much budget each problem
 *   gets, against the fixed budget at the same total (Preview difficulty-aware intervention);
 * - `budget-forcing`: a thinking model's thinking capped at, or extended to, a token budget
 *   with "Wait" (s1); web-llm only.
 */
export type Experiment =
  | { kind: 'budget' }
  | { kind: 'prm-noise'; noises: number[] }
  | { kind: 'step-hints'; levels: number[] }
  | { kind: 'difficulty-preview' }
  | { kind: 'budget-forcing'; mode: 'cap' | 'extend'; thinkingBudgets: number[] };

/** Everything that determines a grid: the same spec gives the same cells and, with the
 *  simulated engine, the same results. */
export interface GridSpec {
  task: TaskId;
  /** The problems, in the order the table lists them. */
  problemIds: string[];
  /** The engine every run uses (the experiment may vary one of its knobs). */
  engine: EngineSettings;
  strategies: StrategyId[];
  /** Budgets k, ascending (MetaStone-S1's low / medium / high = 2 / 8 / 32). */
  budgets: number[];
  /** Seeds, one full pass of the grid each. */
  seeds: number[];
  experiment: Experiment;
}

/**
 * A line of the plot: one strategy, and for experiments with a variable, one value of it;
 * `arm` tells the difficulty preview's two arms apart ('fixed' | 'preview'), '' otherwise.
 */
export interface SeriesKey {
  strategy: StrategyId;
  /** The experiment's variable (PRM noise, hint level j, thinking budget), or null. */
  variant: number | null;
  arm: '' | 'fixed' | 'preview';
}

/** One run of the grid. `id` is stable and unique within the grid (used in URLs and tests). */
export interface GridCell {
  id: string;
  problemId: string;
  strategy: StrategyId;
  budget: number;
  seed: number;
  variant: number | null;
  arm: SeriesKey['arm'];
  /** The preview run of the difficulty-preview experiment, or the allocated run after it. */
  role: 'run' | 'preview' | 'allocated';
  /** The exact run. For the difficulty preview's allocated runs, made from preview results. */
  settings: RunSettings;
  /** Budget forcing (s1; web-llm only): one thinking sample, its thinking capped at or
   *  extended to `thinkingTokens`. Absent for every other experiment. */
  forcing?: { mode: 'cap' | 'extend'; thinkingTokens: number };
}

/** How a run ended, as the lab counts it. */
export type CellStatus = 'solved' | 'wrong' | 'no-answer' | 'failed';

/** What one run gave. */
export interface CellResult {
  cellId: string;
  status: CellStatus;
  /** The answer the search returned, or null. */
  answer: string | null;
  /** Compute spent by this run (summed over its events, also when it failed halfway). */
  cost: Cost;
  events: number;
  /** Wall time of the run in milliseconds (not part of any test). */
  ms: number;
  /** Why it failed (status 'failed'), as a person can read it. */
  error?: string;
  /** A voting decision's votes (answer → count or summed score), as the `done` event gave
   *  them; the difficulty preview reads whether its two samples agree from these. */
  votes?: Record<string, number>;
}

/** One point of the plot: a series at a budget, over all problems and seeds. */
export interface CurvePoint {
  series: SeriesKey;
  budget: number;
  /** Mean over seeds of (problems solved / problems run), failed runs counted as unsolved. */
  accuracy: number;
  /** Lowest and highest per-seed accuracy, and the standard deviation across seeds. */
  min: number;
  max: number;
  sd: number;
  /** Mean compute per problem (per run), in the chosen metric's units, over all runs. */
  generated: number;
  calls: number;
  /** Runs behind the point, and of those: solved, failed. */
  runs: number;
  solved: number;
  failed: number;
  /** Seeds that have every run of this point finished (partial results have fewer). */
  completeSeeds: number;
  cellIds: string[];
}

/** The lab's progress, as the progress bar shows it. */
export interface GridProgress {
  done: number;
  total: number;
  failed: number;
  elapsedMs: number;
  /** Estimated time left, or null before there is a basis for one. */
  etaMs: number | null;
}
