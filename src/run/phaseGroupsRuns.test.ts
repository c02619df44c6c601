import { describe, expect, it } from 'vitest';
import { collectEvents } from '../core/search';
import { DEFAULT_BEAM, DEFAULT_BEST_OF_N } from '../core/search/settings';
import type { TraceEvent } from '../core/tree/events';
import { phaseGroups } from '../core/tree/phaseGroups';
import { DEFAULT_SETTINGS } from './settings';
import { searchProgram } from './startSearch';

/** The phases of real runs (core/tree/phaseGroups.ts), as the → key walks them. */

function run(search = DEFAULT_SETTINGS.search): TraceEvent[] {
  return collectEvents(searchProgram({ ...DEFAULT_SETTINGS, search }));
}

describe('phaseGroups on real runs', () => {
  it('cuts the default MCTS run into start, four phases per iteration, done', () => {
    const events = run();
    const groups = phaseGroups(events);
    expect(groups).toHaveLength(1 + 4 * 30 + 1);
    expect(groups.slice(0, 5).map((g) => g.kind)).toEqual([
      'start',
      'select',
      'expand',
      'simulate',
      'backprop',
    ]);
    // Iteration 1 expands the root into three children, each scored (PRM value mode).
    const expand = groups[2];
    expect(events.slice(expand?.start, expand?.end).map((e) => e.type)).toEqual([
      'expand',
      'score',
      'score',
      'score',
    ]);
    // Every backtrack rides with the selection that caused it.
    for (const g of groups) {
      const types = events.slice(g.start, g.end).map((e) => e.type);
      if (types.includes('backtrack')) expect(types[0]).toBe('select');
    }
  });

  it('gives best-of-N one phase per sample and beam search one per beam plus the prune', () => {
    const bon = run(DEFAULT_BEST_OF_N);
    expect(phaseGroups(bon).map((g) => g.kind)).toEqual([
      'start',
      ...Array<string>(DEFAULT_BEST_OF_N.n).fill('sample'),
      'done',
    ]);
    const beam = run(DEFAULT_BEAM);
    const kinds = phaseGroups(beam).map((g) => g.kind);
    expect(kinds[0]).toBe('start');
    expect(kinds.at(-1)).toBe('done');
    // Depth 1 expands the root alone, then prunes.
    expect(kinds.slice(1, 3)).toEqual(['expand', 'prune']);
    expect(kinds.filter((k) => k === 'prune').length).toBeGreaterThan(0);
  });
});
