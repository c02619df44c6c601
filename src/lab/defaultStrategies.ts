import type { StrategyId } from './types';

/** The strategies a new grid starts with: one of each kind the papers compare. */
export const DEFAULT_STRATEGIES: StrategyId[] = [
  'bon-prm-geomean',
  'bon-majority',
  'beam-min',
  'mcts-prm',
];
