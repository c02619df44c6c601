import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE, DEFAULT_WEBLLM_ENGINE } from '../run/settings';
import type { GridSpec } from './types';
import { validateSpec } from './validate';

const base: GridSpec = {
  task: 'game24',
  problemIds: ['g24-001', 'g24-002'],
  engine: DEFAULT_ENGINE,
  strategies: ['bon-majority', 'beam-min'],
  budgets: [2, 8],
  seeds: [1, 2],
  experiment: { kind: 'budget' },
};

describe('validateSpec', () => {
  it('accepts a plain grid, word problems on the simulated engine included', () => {
    expect(validateSpec(base)).toEqual([]);
    expect(
      validateSpec({ ...base, task: 'word-problems', problemIds: ['wp-001', 'wp-048'] }),
    ).toEqual([]);
  });

  it('names each problem of a bad spec', () => {
    expect(
      validateSpec({ ...base, problemIds: [], strategies: [], budgets: [], seeds: [] }),
    ).toEqual([
      'Choose at least one problem.',
      'Choose at least one seed.',
      'Choose at least one strategy.',
      'Choose at least one budget.',
    ]);
    expect(
      validateSpec({
        ...base,
        problemIds: ['g24-001', 'wp-001', 'g24-001'],
        strategies: ['beam-min', 'preview', 'dfs'],
        budgets: [0, 2.5, 8],
        seeds: [-1],
      }),
    ).toEqual([
      'Unknown problems for this task: wp-001.',
      'Unknown strategies: preview, dfs.',
      'Budgets must be whole numbers from 1 to 1024: 0, 2.5.',
      'Seeds must be whole numbers ≥ 0: -1.',
      'Each problem once, please: g24-001 repeats.',
    ]);
  });

  it('checks what each experiment needs', () => {
    expect(
      validateSpec({
        ...base,
        engine: { ...DEFAULT_ENGINE, judge: 'rule' },
        experiment: { kind: 'prm-noise', noises: [0.2, 1.5] },
      }),
    ).toEqual([
      'The PRM-noise experiment needs the simulated engine with the simulated PRM.',
      'PRM noise must be from 0 to 1: 1.5.',
    ]);
    expect(
      validateSpec({
        ...base,
        experiment: { kind: 'budget-forcing', mode: 'cap', thinkingBudgets: [512] },
      }),
    ).toEqual([
      'Budget forcing needs a language model (web-llm): load one in the Model panel.',
      'Budget forcing runs on word problems: a thinking sample ends on one answer, which Game of 24 cannot check as a step.',
    ]);
    const forcing = {
      ...base,
      task: 'word-problems' as const,
      problemIds: ['wp-001'],
      strategies: [],
      budgets: [],
      experiment: { kind: 'budget-forcing' as const, mode: 'cap' as const, thinkingBudgets: [512] },
    };
    const qwen3 = {
      ...DEFAULT_WEBLLM_ENGINE,
      judge: 'self' as const,
      modelId: 'Qwen3-0.6B-q4f16_1-MLC',
    };
    expect(validateSpec({ ...forcing, engine: qwen3 })).toEqual([]);
    expect(
      validateSpec({
        ...forcing,
        engine: { ...qwen3, modelId: 'SmolLM2-360M-Instruct-q4f16_1-MLC' },
      }),
    ).toEqual([
      'Budget forcing needs a model that thinks in <think> blocks (Qwen3); SmolLM2-360M-Instruct-q4f16_1-MLC does not.',
    ]);
    // wp-001's reference has 2 steps (at most 1 given); wp-048's has more.
    expect(
      validateSpec({
        ...base,
        task: 'word-problems',
        problemIds: ['wp-001', 'wp-048'],
        experiment: { kind: 'step-hints', levels: [0, 1, 2] },
      }),
    ).toEqual(['Hint level 2 is beyond the reference solution of 1 problem: wp-001 (at most 1).']);
    expect(
      validateSpec({ ...base, experiment: { kind: 'step-hints', levels: [0, 1, 2] } }),
    ).toEqual([]);
    expect(
      validateSpec({
        ...base,
        task: 'word-problems',
        problemIds: ['wp-001'],
        engine: { ...DEFAULT_WEBLLM_ENGINE, judge: 'rule' },
      }),
    ).toEqual([
      'Language model (web-llm) on Math word problems cannot use the rule judge: choose self or rollout.',
    ]);
  });
});
