import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchSettingsSchema } from '../run/schema';
import {
  BUDGET_PRESETS,
  DEFAULT_STRATEGIES,
  STRATEGIES,
  getStrategy,
  isGridStrategy,
  maxDepthFor,
} from './strategies';

const AGGS = ['last', 'min', 'product', 'mean', 'geomean'];

describe('the strategy catalog', () => {
  it('has exactly the ids of the contract, each once', () => {
    const ids = STRATEGIES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(
      [
        'bon-majority',
        ...AGGS.map((a) => `bon-prm-${a}`),
        ...AGGS.map((a) => `bon-vote-${a}`),
        ...AGGS.map((a) => `beam-${a}`),
        'mcts-prm',
        'mcts-rollout',
      ].sort(),
    );
    for (const id of DEFAULT_STRATEGIES) expect(getStrategy(id)?.id).toBe(id);
    expect(getStrategy('nope')).toBeUndefined();
    expect(isGridStrategy('preview')).toBe(false);
    expect(isGridStrategy('forcing')).toBe(false);
    expect(isGridStrategy('beam-min')).toBe(true);
    expect(BUDGET_PRESETS).toEqual({ low: 2, medium: 8, high: 32 });
  });

  it('maps MetaStone-S1 low / medium / high onto each family as the contract says', () => {
    const at = (id: string, k: number) => getStrategy(id)?.search(k, 'game24');
    expect(at('bon-prm-geomean', 8)).toEqual({
      algorithm: 'best-of-n',
      n: 8,
      maxDepth: 4,
      pick: 'prm',
      aggregation: 'geomean',
    });
    expect(at('bon-majority', 32)).toMatchObject({ n: 32, pick: 'majority' });
    expect(at('bon-vote-min', 2)).toMatchObject({
      n: 2,
      pick: 'weighted-vote',
      aggregation: 'min',
    });
    // Beam (search-and-learn, M = 4): k = 2 → 1 beam × 2; 8 → 2 × 4; 32 → 8 × 4.
    expect(at('beam-min', 2)).toMatchObject({ beamWidth: 1, expansionsPerBeam: 2 });
    expect(at('beam-min', 8)).toMatchObject({ beamWidth: 2, expansionsPerBeam: 4 });
    expect(at('beam-last', 32)).toMatchObject({
      algorithm: 'beam',
      beamWidth: 8,
      expansionsPerBeam: 4,
      aggregation: 'last',
    });
    expect(at('mcts-prm', 8)).toEqual({
      algorithm: 'mcts',
      rule: 'uct',
      c: Math.SQRT2,
      iterations: 16,
      maxDepth: 4,
      childrenPerExpansion: 3,
      valueMode: 'prm',
    });
    expect(at('mcts-rollout', 2)).toMatchObject({ iterations: 4, valueMode: 'rollout' });
    expect(getStrategy('beam-mean')?.search(8, 'word-problems').maxDepth).toBe(8);
    expect(maxDepthFor('game24')).toBe(4);
    expect(maxDepthFor('word-problems')).toBe(8);
  });

  it('gives settings a run file accepts for any budget, on both tasks', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STRATEGIES),
        fc.integer({ min: 1, max: 1024 }),
        fc.constantFrom('game24' as const, 'word-problems' as const),
        (def, k, task) => {
          const s = def.search(k, task);
          expect(searchSettingsSchema.safeParse(s).success).toBe(true);
          expect(s.algorithm).toBe(def.family);
          // Candidates per step never exceed k for beam search.
          if (s.algorithm === 'beam')
            expect(s.beamWidth * s.expansionsPerBeam).toBeLessThanOrEqual(k);
        },
      ),
    );
  });
});
