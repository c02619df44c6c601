import { describe, expect, it } from 'vitest';
import { DEFAULT_BEAM, DEFAULT_BEST_OF_N, DEFAULT_MCTS } from '../core/search/settings';
import { DEFAULT_ENGINE, DEFAULT_SETTINGS, DEFAULT_WEBLLM_ENGINE } from '../run/settings';
import {
  mergeSettings,
  setAlgorithm,
  setEngineKind,
  setTask,
  updateEngine,
  updateSearch,
  updateSettings,
  updateWebLlm,
} from './settingsActions';
import { step } from './runActions';
import { useArbor } from './store';

describe('mergeSettings', () => {
  it('merges top-level, search and engine fields', () => {
    const s = mergeSettings(DEFAULT_SETTINGS, {
      seed: 9,
      search: { iterations: 5 },
      engine: { skill: 0.4 },
    });
    expect(s.seed).toBe(9);
    expect(s.search).toEqual({ ...DEFAULT_MCTS, iterations: 5 });
    expect(s.engine).toEqual({ ...DEFAULT_SETTINGS.engine, skill: 0.4 });
    expect(s.problemId).toBe(DEFAULT_SETTINGS.problemId);
  });

  it('starts from the defaults of another algorithm', () => {
    const s = mergeSettings(DEFAULT_SETTINGS, { search: { algorithm: 'beam', beamWidth: 6 } });
    expect(s.search).toEqual({ ...DEFAULT_BEAM, beamWidth: 6 });
    const t = mergeSettings(s, { search: { algorithm: 'best-of-n' } });
    expect(t.search).toEqual(DEFAULT_BEST_OF_N);
  });

  it('keeps the current parameters when the patch names the same algorithm', () => {
    const s = mergeSettings(DEFAULT_SETTINGS, { search: { iterations: 7 } });
    expect(mergeSettings(s, { search: { algorithm: 'mcts', c: 2 } }).search).toEqual({
      ...DEFAULT_MCTS,
      iterations: 7,
      c: 2,
    });
  });
});

describe('settings actions', () => {
  it('reset the run on every change and ignore parameters of another algorithm', async () => {
    updateSettings({ ...DEFAULT_SETTINGS, search: DEFAULT_MCTS });
    await step();
    expect(useArbor.getState().cursor).toBe(1);
    updateSearch('mcts', { iterations: 4 });
    expect(useArbor.getState().cursor).toBe(0);
    expect(useArbor.getState().settings.search).toEqual({ ...DEFAULT_MCTS, iterations: 4 });
    updateSearch('beam', { beamWidth: 9 });
    expect(useArbor.getState().settings.search.algorithm).toBe('mcts');
    setAlgorithm('beam');
    expect(useArbor.getState().settings.search).toEqual(DEFAULT_BEAM);
  });
});

describe('engine and task', () => {
  const settings = () => useArbor.getState().settings;

  it("switches engine in one call and restores each engine's last settings", () => {
    updateSettings(DEFAULT_SETTINGS);
    updateEngine({ skill: 0.3 });
    setEngineKind('webllm', 'SmolLM2-360M-Instruct-q4f32_1-MLC');
    expect(settings().engine).toEqual({
      ...DEFAULT_WEBLLM_ENGINE,
      modelId: 'SmolLM2-360M-Instruct-q4f32_1-MLC',
    });
    updateEngine({ skill: 0.9 }); // a simulated knob while the model is chosen: ignored
    updateWebLlm({ temperature: 0.2 });
    setEngineKind('simulated');
    expect(settings().engine).toEqual({ ...DEFAULT_ENGINE, skill: 0.3 });
    setEngineKind('webllm');
    expect(settings().engine).toMatchObject({ kind: 'webllm', temperature: 0.2 });
    expect(settings().engine).not.toHaveProperty('skill');
  });

  it('keeps a step hint within the reference solution of the problem', () => {
    updateSettings(DEFAULT_SETTINGS);
    // Every Game of 24 reference has 3 steps: at most 2 may be given.
    updateSettings({ hintSteps: 5 });
    expect(settings().hintSteps).toBe(2);
    // wp-001's reference is one step and "The answer is 42.": at most 1.
    setTask('word-problems');
    expect(settings()).toMatchObject({ problemId: 'wp-001', hintSteps: 1 });
    updateSettings({ hintSteps: 0 });
    expect('hintSteps' in settings()).toBe(false);
  });

  it('keeps engine and task compatible', () => {
    updateSettings(DEFAULT_SETTINGS);
    setEngineKind('webllm', 'm');
    updateWebLlm({ judge: 'rule' });
    setTask('word-problems');
    // Word problems have no rule verifier: the model judges itself.
    expect(settings()).toMatchObject({ task: 'word-problems', problemId: 'wp-001' });
    expect(settings().engine).toMatchObject({ judge: 'self' });
    // The simulated engine writes word problems too: leaving the model keeps the task.
    setEngineKind('simulated');
    expect(settings()).toMatchObject({ task: 'word-problems', problemId: 'wp-001' });
    expect(settings().engine.kind).toBe('simulated');
  });
});
