import { describe, expect, it } from 'vitest';
import { DEFAULT_BEAM, DEFAULT_MCTS } from '../core/search/settings';
import type { RunSettings } from '../run/settings';
import { DEFAULT_SETTINGS, DEFAULT_WEBLLM_ENGINE } from '../run/settings';
import { compareTitles } from './compareTitles';

const mcts = (
  patch: Partial<typeof DEFAULT_MCTS>,
  run: Partial<RunSettings> = {},
): RunSettings => ({
  ...DEFAULT_SETTINGS,
  ...run,
  search: { ...DEFAULT_MCTS, ...patch },
});

describe('compareTitles', () => {
  it('names the one setting that differs, as a link writes it', () => {
    expect(compareTitles(mcts({ c: 0.3 }), mcts({ c: 4 }))).toEqual({
      left: 'c = 0.3',
      right: 'c = 4',
    });
  });

  it('lists several differences in link order, and cuts a long decimal to 3 places', () => {
    expect(
      compareTitles(mcts({ c: Math.SQRT2 }, { seed: 2 }), mcts({ c: 4, iterations: 12 })),
    ).toEqual({ left: 'seed = 2, c = 1.414, iters = 30', right: 'seed = 1, c = 4, iters = 12' });
  });

  it('keeps the digits when 3 places would make two values look alike', () => {
    expect(compareTitles(mcts({ c: 1.41421 }), mcts({ c: 1.41429 }))).toEqual({
      left: 'c = 1.41421',
      right: 'c = 1.41429',
    });
  });

  it('leads with the algorithm and leaves out the settings only one algorithm has', () => {
    const beam: RunSettings = { ...DEFAULT_SETTINGS, search: DEFAULT_BEAM, seed: 3 };
    // maxDepth is 4 in both defaults, so `depth` (a key both carry) is no difference.
    expect(compareTitles(mcts({}), beam)).toEqual({
      left: 'algo = mcts, seed = 1',
      right: 'algo = beam, seed = 3',
    });
  });

  it('says "no hint" on the side without a step hint', () => {
    expect(compareTitles(mcts({}, { hintSteps: 2 }), mcts({}))).toEqual({
      left: 'hint = 2',
      right: 'no hint',
    });
  });

  it('names the engines when they differ (a model run does not travel in a link)', () => {
    const model = mcts({}, { engine: { ...DEFAULT_WEBLLM_ENGINE, modelId: 'm' } });
    expect(compareTitles(mcts({}), model)).toEqual({
      left: 'engine = simulated',
      right: 'engine = webllm',
    });
  });

  it('writes at most `most` differences, then how many more', () => {
    const a = mcts({ c: 0.3, iterations: 12, maxDepth: 3 }, { seed: 2 });
    expect(compareTitles(a, mcts({}), 2)).toEqual({
      left: 'seed = 2, c = 0.3, +2 more', // iters and depth are the two more
      right: 'seed = 1, c = 1.414, +2 more',
    });
  });

  it('is null for the same settings (the caller uses the run keys)', () => {
    expect(compareTitles(mcts({}), mcts({}))).toBeNull();
  });
});
