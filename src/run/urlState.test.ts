import { describe, expect, it } from 'vitest';
import { DEFAULT_BEAM, DEFAULT_BEST_OF_N, DEFAULT_MCTS } from '../core/search/settings';
import type { RunSettings } from './settings';
import { DEFAULT_ENGINE, DEFAULT_SETTINGS, DEFAULT_WEBLLM_ENGINE } from './settings';
import { PROPS, parseSettings, serializeSettings } from './urlState';

const beamRun: RunSettings = {
  task: 'game24',
  problemId: 'g24-042',
  search: { ...DEFAULT_BEAM, beamWidth: 5, expansionsPerBeam: 2, aggregation: 'geomean' },
  engine: { ...DEFAULT_ENGINE, skill: 0.35, judge: 'rule', prmNoise: 0.5 },
  seed: 123456,
};

describe('serializeSettings / parseSettings', () => {
  it('round-trips the defaults and each algorithm', () => {
    const runs: RunSettings[] = [
      DEFAULT_SETTINGS,
      beamRun,
      { ...DEFAULT_SETTINGS, search: { ...DEFAULT_MCTS, rule: 'puct', c: 1.25, valueMode: 'prm' } },
      { ...DEFAULT_SETTINGS, search: { ...DEFAULT_BEST_OF_N, n: 16, pick: 'weighted-vote' } },
    ];
    for (const s of runs) expect(parseSettings(serializeSettings(s))).toEqual(s);
  });

  it('carries a step hint as hint=j, and leaves it out when there is none', () => {
    const hinted: RunSettings = { ...DEFAULT_SETTINGS, hintSteps: 2 };
    expect(new URLSearchParams(serializeSettings(hinted)).get('hint')).toBe('2');
    expect(parseSettings(serializeSettings(hinted))).toEqual(hinted);
    expect(serializeSettings(DEFAULT_SETTINGS)).not.toContain('hint');
    expect(parseSettings('hint=0', { defaults: hinted })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('hint=-1')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('hint=1.5')).toEqual(DEFAULT_SETTINGS);
  });

  it('writes only the parameters of the chosen algorithm', () => {
    const query = new URLSearchParams(serializeSettings(beamRun));
    expect(query.get('algo')).toBe('beam');
    expect(query.get('width')).toBe('5');
    expect(query.get('iters')).toBeNull();
    expect(query.get('n')).toBeNull();
    expect(query.get('seed')).toBe('123456');
    expect(query.get('puzzle')).toBe('g24-042');
  });

  it('gives each property that applies to an algorithm its own key', () => {
    for (const search of [DEFAULT_MCTS, DEFAULT_BEAM, DEFAULT_BEST_OF_N]) {
      const s: RunSettings = { ...DEFAULT_SETTINGS, search };
      const keys = PROPS.filter((p) => p.read(s) !== undefined).map((p) => p.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('reads a hand-written link and ignores unknown keys', () => {
    const s = parseSettings('?puzzle=g24-007&seed=99&algo=mcts&iters=12&rule=puct&utm=x');
    expect(s.problemId).toBe('g24-007');
    expect(s.seed).toBe(99);
    expect(s.search).toEqual({ ...DEFAULT_MCTS, iterations: 12, rule: 'puct' });
    expect(s.engine).toEqual(DEFAULT_ENGINE);
  });

  it('falls back to defaults on invalid values, never throwing', () => {
    const s = parseSettings(
      'seed=-1&algo=dfs&iters=2.5&c=NaN&skill=2&judge=oracle&k=&task=chess&puzzle=',
    );
    expect(s).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('%%%&=&&algo')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('')).toEqual(DEFAULT_SETTINGS);
  });

  it('ignores parameters of another algorithm', () => {
    const s = parseSettings('algo=beam&iters=50&width=7');
    expect(s.search).toEqual({ ...DEFAULT_BEAM, beamWidth: 7 });
  });

  it('replaces an unknown problem with the default one', () => {
    const isProblem = (id: string) => id === 'g24-001' || id === 'g24-002';
    expect(parseSettings('puzzle=g24-002', { isProblem }).problemId).toBe('g24-002');
    expect(parseSettings('puzzle=g24-999', { isProblem }).problemId).toBe('g24-001');
  });

  it('carries the task, but a model engine never travels in a link', () => {
    const words: RunSettings = { ...DEFAULT_SETTINGS, task: 'word-problems', problemId: 'wp-007' };
    expect(parseSettings(serializeSettings(words))).toEqual(words);
    const model: RunSettings = {
      ...words,
      engine: { ...DEFAULT_WEBLLM_ENGINE, modelId: 'Qwen3-0.6B-q4f32_1-MLC' },
    };
    const query = serializeSettings(model);
    expect(query).not.toMatch(/engine=|judge=|Qwen/);
    expect(parseSettings(query).engine).toEqual(DEFAULT_SETTINGS.engine);
  });

  it("falls back to the first problem of the link's task", () => {
    const isProblem = (id: string, task: string) =>
      task === 'word-problems' ? id === 'wp-001' : id === 'g24-001';
    expect(parseSettings('task=word-problems&puzzle=g24-001', { isProblem }).problemId).toBe(
      'wp-001',
    );
  });

  it('takes given defaults', () => {
    expect(parseSettings('seed=5', { defaults: beamRun })).toEqual({ ...beamRun, seed: 5 });
  });
});
