import { afterEach, beforeEach } from 'vitest';
import { modelSession } from '../../engines/webllm/session';
import type { GridSpec } from '../../lab/types';
import { DEFAULT_SETTINGS } from '../../run/settings';
import { setSettings, useArbor } from '../index';
import { cancelLab } from '../labActions';
import { setLabRunnerDeps } from '../labActions';
import { initialLabState } from '../labSlice';

/** The store's lab state now. */
export const lab = () => useArbor.getState().lab;

/** 3 puzzles × 2 strategies × budgets 2, 8 × one seed: 12 runs. */
export const SMALL: Partial<GridSpec> = {
  problemIds: ['g24-001', 'g24-050', 'g24-110'],
  strategies: ['bon-majority', 'beam-min'],
  budgets: [2, 8],
  seeds: [1],
};

/** Whether the grid has ended (done, cancelled or failed). */
export const ended = () => ['done', 'cancelled', 'failed'].includes(lab().grid?.status ?? '');

/**
 * Registers hooks that run each test's grids on this thread (Node has no Worker), one batch
 * per 64 runs and never by time, from a fresh lab state; after each, the grid is cancelled
 * and any model unloaded.
 */
export function labOnThisThread(): void {
  beforeEach(() => {
    setLabRunnerDeps({ createWorker: null, loop: { batchMs: 1e9 } });
    useArbor.setState({ lab: initialLabState() });
    setSettings(DEFAULT_SETTINGS);
  });
  afterEach(() => {
    cancelLab();
    modelSession.set(null);
  });
}
