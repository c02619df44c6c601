import type { Aggregation } from '../reward/aggregate';
import { AGGREGATIONS, AGGREGATION_FORMULA } from '../reward/aggregate';
import type { ChoiceSpec, NumberSpec, SettingsTable } from '../settings/table';
import type {
  Algorithm,
  BeamSettings,
  BestOfNSettings,
  MctsSettings,
  SearchSettings,
} from './settings';

/**
 * The search settings, described once: the form, the link and the run file's schema all read
 * these tables (core/settings/table.ts). A link written before the tables existed reads the
 * same: the URL keys are the ones it used.
 */

/** The selection rules, with the formulas the UI shows. */
export const RULE_FORMULA: Record<MctsSettings['rule'], string> = {
  uct: 'UCB(s) = W(s)/N(s) + c · √(ln N(parent) / N(s)); unvisited = +∞',
  puct: 'Q(s) + c · P(s) · √N(parent) / (1 + N(s))',
};

/** The algorithms as the picker names them, in the picker's order. */
export const ALGORITHM_OPTIONS: ChoiceSpec<Algorithm>['options'] = [
  { value: 'mcts', label: 'MCTS (Monte Carlo Tree Search)' },
  { value: 'beam', label: 'Step-level beam search' },
  { value: 'best-of-n', label: 'Best-of-N' },
];

/** Lines deeper than this are cut (Game of 24 ends at 3 steps, word problems at 2–8). */
const maxDepth: NumberSpec = {
  type: 'number',
  label: 'Max depth',
  min: 1,
  max: 12,
  integer: true,
  url: 'depth',
};

const aggregation: ChoiceSpec<Aggregation> = {
  type: 'choice',
  label: 'Score aggregation',
  options: AGGREGATIONS.map((a) => ({ value: a, label: `${a} — ${AGGREGATION_FORMULA[a]}` })),
  url: 'agg',
};

/** MCTS (Kocsis & Szepesvári 2006; PUCT after Silver et al. 2017). */
export const MCTS_TABLE: SettingsTable<Omit<MctsSettings, 'algorithm'>> = {
  rule: {
    type: 'choice',
    label: 'Selection rule',
    options: [
      { value: 'uct', label: 'UCT', hint: RULE_FORMULA.uct },
      { value: 'puct', label: 'PUCT (with priors)', hint: RULE_FORMULA.puct },
    ],
    url: 'rule',
  },
  c: { type: 'number', label: 'Exploration constant c', min: 0, max: 100, step: 0.1, url: 'c' },
  iterations: {
    type: 'number',
    label: 'Iterations',
    min: 1,
    // The effort lab runs 2k iterations for budgets up to k = 1,024; synthetic benchmark
    // trees run 20,000.
    max: 100_000,
    integer: true,
    hint: 'Each iteration: select, expand, simulate, backpropagate.',
    url: 'iters',
  },
  childrenPerExpansion: {
    type: 'number',
    label: 'Children per expansion',
    min: 1,
    max: 16,
    integer: true,
    url: 'children',
  },
  valueMode: {
    type: 'choice',
    label: 'Value of a new node',
    options: [
      { value: 'rollout', label: 'Rollout to an answer' },
      { value: 'prm', label: 'PRM step score' },
    ],
    url: 'value',
  },
  maxDepth,
};

/** Step-level beam search (as in HuggingFace's search-and-learn). */
export const BEAM_TABLE: SettingsTable<Omit<BeamSettings, 'algorithm'>> = {
  // The lab keeps k/4 beams for budgets up to k = 1,024.
  beamWidth: { type: 'number', label: 'Beam width', min: 1, max: 256, integer: true, url: 'width' },
  expansionsPerBeam: {
    type: 'number',
    label: 'Expansions per beam',
    min: 1,
    max: 16,
    integer: true,
    url: 'expansions',
  },
  aggregation,
  maxDepth,
};

/** Best-of-N: N whole samples, one answer picked. */
export const BEST_OF_N_TABLE: SettingsTable<Omit<BestOfNSettings, 'algorithm'>> = {
  // The lab draws N = k samples for budgets up to k = 1,024.
  n: { type: 'number', label: 'Samples N', min: 1, max: 1024, integer: true, url: 'n' },
  pick: {
    type: 'choice',
    label: 'Pick',
    options: [
      { value: 'prm', label: 'Best PRM score' },
      { value: 'majority', label: 'Majority vote' },
      { value: 'weighted-vote', label: 'PRM-weighted vote' },
    ],
    url: 'pick',
  },
  aggregation,
  maxDepth,
};

/** Each algorithm's table. */
export const SEARCH_TABLES: {
  [A in Algorithm]: SettingsTable<Omit<Extract<SearchSettings, { algorithm: A }>, 'algorithm'>>;
} = { mcts: MCTS_TABLE, beam: BEAM_TABLE, 'best-of-n': BEST_OF_N_TABLE };
