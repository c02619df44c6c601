/**
 * The lab's strategy catalog: each strategy turns a budget k ("candidates") into ordinary
 * search settings, so every run of a grid is a run the visualizer can open.
 *
 * Budget k follows MetaStone-S1 (arXiv 2507.01951): low / medium / high effort = best-of-k
 * with k = 2 / 8 / 32 candidates. Beam search follows search-and-learn (HuggingFace,
 * "Scaling test-time compute", 2024): N candidates per step, N/M beams kept, M expansions
 * each, M = 4. MCTS gets 2·k iterations. The plot's x is the compute each run measured,
 * never k, so this mapping only decides where the points fall.
 */
import type { Aggregation } from '../core/reward/aggregate';
import { AGGREGATIONS, AGGREGATION_FORMULA } from '../core/reward/aggregate';
import type { SearchSettings } from '../core/search/settings';
import type { TaskId } from '../core/tasks/registry';
import { taskEntry } from '../core/tasks/registry';
import type { StrategyId } from './types';

/** One strategy of the lab: what it is called and what settings a budget k gives it. */
export interface StrategyDef {
  id: StrategyId;
  /** Full name, e.g. "Best-of-N, PRM pick (geometric mean)". */
  label: string;
  /** A few characters for legends and table headers, e.g. "BoN·PRM·geo". */
  short: string;
  family: 'best-of-n' | 'beam' | 'mcts';
  /** How the budget k becomes this strategy's settings, as a person reads it. */
  budgetNote: string;
  /** The search settings for budget k (a positive integer) on a task. */
  search(k: number, task: TaskId): SearchSettings;
}

/** MetaStone-S1's low / medium / high reasoning effort: best-of-k with k = 2 / 8 / 32. */
export const BUDGET_PRESETS = { low: 2, medium: 8, high: 32 } as const;

/** search-and-learn's M: expansions per beam (N candidates per step, N / M beams kept). */
export const BEAM_M = 4;

/** MCTS iterations per unit of budget. */
export const MCTS_ITERATIONS_PER_K = 2;

/** How deep a line may go: the task says (`TaskEntry.maxDepth`). */
export function maxDepthFor(task: TaskId): number {
  return taskEntry(task).maxDepth;
}

const AGG_SHORT: Record<Aggregation, string> = {
  last: 'last',
  min: 'min',
  product: 'prod',
  mean: 'mean',
  geomean: 'geo',
};

const AGG_NAME: Record<Aggregation, string> = {
  last: 'last step',
  min: 'minimum',
  product: 'product',
  mean: 'mean',
  geomean: 'geometric mean',
};

/** A budget as a positive integer (k < 1 or a fraction would not be a run). */
function units(k: number): number {
  return Math.max(1, Math.floor(k));
}

function bestOfN(pick: 'prm' | 'weighted-vote', agg: Aggregation): StrategyDef {
  const vote = pick === 'weighted-vote';
  return {
    id: `bon-${vote ? 'vote' : 'prm'}-${agg}`,
    label: `Best-of-N, ${vote ? 'PRM-weighted vote' : 'PRM pick'} (${AGG_NAME[agg]})`,
    short: `BoN·${vote ? 'vote' : 'PRM'}·${AGG_SHORT[agg]}`,
    family: 'best-of-n',
    budgetNote: vote
      ? `n = k samples; the answer with the largest summed score, ${AGGREGATION_FORMULA[agg]}`
      : `n = k samples; the one with the best score, ${AGGREGATION_FORMULA[agg]}`,
    search: (k, task) => ({
      algorithm: 'best-of-n',
      n: units(k),
      maxDepth: maxDepthFor(task),
      pick,
      aggregation: agg,
    }),
  };
}

function beam(agg: Aggregation): StrategyDef {
  return {
    id: `beam-${agg}`,
    label: `Beam search (${AGG_NAME[agg]})`,
    short: `Beam·${AGG_SHORT[agg]}`,
    family: 'beam',
    budgetNote: `k candidates per step: min(${BEAM_M}, k) expansions per beam, max(1, ⌊k / ${BEAM_M}⌋) beams; ranked by ${AGGREGATION_FORMULA[agg]}`,
    search: (k, task) => ({
      algorithm: 'beam',
      beamWidth: Math.max(1, Math.floor(units(k) / BEAM_M)),
      expansionsPerBeam: Math.min(BEAM_M, units(k)),
      maxDepth: maxDepthFor(task),
      aggregation: agg,
    }),
  };
}

function mcts(valueMode: 'prm' | 'rollout'): StrategyDef {
  return {
    id: `mcts-${valueMode}`,
    label: `MCTS, ${valueMode === 'prm' ? 'PRM as value' : 'rollout value'}`,
    short: `MCTS·${valueMode === 'prm' ? 'PRM' : 'roll'}`,
    family: 'mcts',
    budgetNote: `${MCTS_ITERATIONS_PER_K}·k iterations, 3 children per expansion, UCT with c = √2`,
    search: (k, task) => ({
      algorithm: 'mcts',
      rule: 'uct',
      c: Math.SQRT2,
      iterations: MCTS_ITERATIONS_PER_K * units(k),
      maxDepth: maxDepthFor(task),
      childrenPerExpansion: 3,
      valueMode,
    }),
  };
}

const MAJORITY: StrategyDef = {
  id: 'bon-majority',
  label: 'Best-of-N, majority vote',
  short: 'BoN·maj',
  family: 'best-of-n',
  budgetNote: 'n = k samples; the most common answer (self-consistency)',
  search: (k, task) => ({
    algorithm: 'best-of-n',
    n: units(k),
    maxDepth: maxDepthFor(task),
    pick: 'majority',
    aggregation: 'geomean',
  }),
};

/** Every strategy a grid may use, grouped by family (best-of-N, beam search, MCTS). */
export const STRATEGIES: readonly StrategyDef[] = Object.freeze([
  MAJORITY,
  ...AGGREGATIONS.map((agg) => bestOfN('prm', agg)),
  ...AGGREGATIONS.map((agg) => bestOfN('weighted-vote', agg)),
  ...AGGREGATIONS.map(beam),
  mcts('prm'),
  mcts('rollout'),
]);

/**
 * The difficulty preview's cheap look at a problem (Preview difficulty-aware intervention):
 * best-of-N with n = 2 and a majority vote; whether its two samples agree says "easy".
 * Not a strategy a grid lists: the difficulty-preview experiment adds its cells itself.
 */
export const PREVIEW_STRATEGY: StrategyDef = {
  ...MAJORITY,
  id: 'preview',
  label: 'Difficulty preview (2 samples, majority)',
  short: 'preview',
  budgetNote: 'always 2 samples; agreeing samples mark the problem easy',
  search: (_k, task) => MAJORITY.search(2, task),
};

/**
 * Budget forcing (s1, arXiv 2501.19393): one thinking sample whose thinking is capped at, or
 * extended to, a token budget (web-llm only; the cell's `forcing` says how). Its cells have
 * budget 1 (one sample); the thinking budget is the experiment's variable.
 */
export const FORCING_STRATEGY: StrategyDef = {
  ...MAJORITY,
  id: 'forcing',
  label: 'Budget forcing (one thinking sample)',
  short: 'forcing',
  budgetNote: 'one sample; its thinking capped at or extended to the thinking budget',
  search: (_k, task) => ({ ...MAJORITY.search(1, task), pick: 'prm' }),
};

const byId = new Map<StrategyId, StrategyDef>(
  [...STRATEGIES, PREVIEW_STRATEGY, FORCING_STRATEGY].map((s) => [s.id, s]),
);

/** The strategy with this id (the catalog, 'preview' or 'forcing'), or undefined. */
export function getStrategy(id: StrategyId): StrategyDef | undefined {
  return byId.get(id);
}

/** Whether a grid may list this strategy (in {@link STRATEGIES}; 'preview', 'forcing' not). */
export function isGridStrategy(id: StrategyId): boolean {
  return STRATEGIES.some((s) => s.id === id);
}

// The strategies a new grid starts with live in ./defaultStrategies (in the first paint, with
// the lab's default draft); this table loads with the lab.
export { DEFAULT_STRATEGIES } from './defaultStrategies';
