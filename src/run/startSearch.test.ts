import { describe, expect, it } from 'vitest';
import { DEFAULT_BEAM, DEFAULT_BEST_OF_N, DEFAULT_MCTS } from '../core/search/settings';
import type { SearchSettings } from '../core/search/settings';
import { PUZZLES } from '../core/tasks/game24';
import { getWordProblem } from '../core/tasks/wordProblems';
import { referenceSteps } from './hints';
import type { TraceEvent } from '../core/tree/events';
import { reduce } from '../core/tree/reduce';
import type { RunSettings, SimulatedEngineSettings } from './settings';
import { DEFAULT_ENGINE, DEFAULT_SETTINGS, DEFAULT_WEBLLM_ENGINE } from './settings';
import { searchProgram } from './startSearch';
import { collectEvents } from '../core/search';

function collect(settings: RunSettings): TraceEvent[] {
  return collectEvents(searchProgram(settings));
}

/** Share of the bundled puzzles a search answers correctly. */
async function solvedShare(
  search: SearchSettings,
  engine: Partial<SimulatedEngineSettings>,
): Promise<number> {
  let solved = 0;
  for (const p of PUZZLES) {
    const tree = reduce(
      collect({
        ...DEFAULT_SETTINGS,
        problemId: p.id,
        search,
        engine: { ...DEFAULT_ENGINE, ...engine },
      }),
    );
    if (tree.done?.correct) solved++;
  }
  return solved / PUZZLES.length;
}

describe('searchProgram on Game of 24 with the simulated engine', () => {
  it.each([
    DEFAULT_MCTS,
    { ...DEFAULT_MCTS, rule: 'puct' as const, valueMode: 'prm' as const },
    DEFAULT_BEAM,
    DEFAULT_BEST_OF_N,
  ])('gives the same events for the same settings, byte for byte (%o)', async (search) => {
    const settings: RunSettings = { ...DEFAULT_SETTINGS, problemId: 'g24-060', search, seed: 99 };
    const a = JSON.stringify(collect(settings));
    expect(JSON.stringify(collect(settings))).toBe(a);
    expect(JSON.stringify(collect({ ...settings, seed: 100 }))).not.toBe(a);
  });

  it('starts with the puzzle and ends with an answer; MCTS root N equals the iterations', async () => {
    const events = collect({
      ...DEFAULT_SETTINGS,
      search: { ...DEFAULT_MCTS, iterations: 30 },
    });
    expect(events[0]).toMatchObject({
      type: 'start',
      rootText: 'Use 4 6 8 8 with + − × ÷ to make 24.',
    });
    const tree = reduce(events);
    expect(tree.nodes[0]?.N).toBe(30);
    expect(tree.done).not.toBeNull();
    expect(tree.compute.generated).toBeGreaterThan(0);
  });

  it('rejects an unknown puzzle with a clear message', () => {
    expect(() => searchProgram({ ...DEFAULT_SETTINGS, problemId: 'nope' })).toThrow(
      'Unknown puzzle "nope"',
    );
  });

  // Measured on the 120 bundled puzzles with a mediocre simulated model (skill 0.5, 5% slips)
  // and the exact rule verifier: one sample solves 19%; MCTS (UCT, PRM value, 20 iterations)
  // 78% and beam search (width 3, 3 expansions) 81%. The bars sit a little below.
  it('search solves the large majority where a single sample does not (exact judge)', async () => {
    const engine = { skill: 0.5, judge: 'rule' as const };
    expect(await solvedShare({ ...DEFAULT_BEST_OF_N, n: 1 }, engine)).toBeLessThan(0.3);
    expect(
      await solvedShare({ ...DEFAULT_MCTS, iterations: 20, valueMode: 'prm' }, engine),
    ).toBeGreaterThan(0.7);
    expect(await solvedShare(DEFAULT_BEAM, engine)).toBeGreaterThan(0.7);
  });

  it('a noisier PRM solves fewer puzzles with beam search', async () => {
    const exact = await solvedShare(DEFAULT_BEAM, { skill: 0.5, judge: 'rule' });
    const noisy = await solvedShare(DEFAULT_BEAM, {
      skill: 0.5,
      judge: 'simulated-prm',
      prmNoise: 0.6,
    });
    expect(noisy).toBeLessThan(exact - 0.1);
  });
});

describe('which engine and task a run can use', () => {
  it('runs word problems on the simulated engine, the same way for the same settings', () => {
    const settings: RunSettings = {
      ...DEFAULT_SETTINGS,
      task: 'word-problems',
      problemId: 'wp-003',
      search: { ...DEFAULT_BEST_OF_N, n: 4, maxDepth: 8 },
    };
    const events = collect(settings);
    expect(events[0]).toMatchObject({
      type: 'start',
      rootText: getWordProblem('wp-003')?.question,
    });
    expect(events.at(-1)?.type).toBe('done');
    expect(JSON.stringify(collect(settings))).toBe(JSON.stringify(events));
  });

  it('refuses a model run without a loaded model, and names an unknown problem', () => {
    const model: RunSettings = {
      ...DEFAULT_SETTINGS,
      engine: { ...DEFAULT_WEBLLM_ENGINE, modelId: 'Qwen3-0.6B-q4f32_1-MLC' },
    };
    expect(() => searchProgram(model)).toThrow(/No model is loaded/);
    expect(() => searchProgram({ ...model, task: 'word-problems', problemId: 'wp-999' })).toThrow(
      /Unknown word problem "wp-999"/,
    );
  });
});

describe('step hints (StepHint) in a run', () => {
  it('starts the search after the first j reference steps, and says so at the root', () => {
    const steps = referenceSteps('game24', 'g24-001') ?? [];
    const events = collect({ ...DEFAULT_SETTINGS, hintSteps: 2, search: DEFAULT_BEAM });
    expect(events[0]).toEqual({
      type: 'start',
      algorithm: 'beam',
      rootText: `Use 4 6 8 8 with + − × ÷ to make 24.\nGiven steps (hint):\n1. ${steps[0]}\n2. ${steps[1]}`,
    });
    // Two numbers are left after the hint: every child of the root ends the line.
    const tree = reduce(events);
    const children = tree.nodes[0]?.children ?? [];
    expect(children.length).toBeGreaterThan(0);
    for (const id of children) expect(tree.nodes[id]?.terminal).not.toBeNull();
    expect(collect({ ...DEFAULT_SETTINGS, hintSteps: 0 })).toEqual(collect(DEFAULT_SETTINGS));
  });

  it('hints word problems by their bundled steps, and refuses a hint past the reference', () => {
    const events = collect({
      ...DEFAULT_SETTINGS,
      task: 'word-problems',
      problemId: 'wp-003',
      hintSteps: 1,
      search: { ...DEFAULT_BEST_OF_N, n: 2, maxDepth: 8 },
    });
    expect(events[0]).toMatchObject({
      rootText: expect.stringContaining(
        '1. After adding the new books there are 34 + 19 = 53 books.',
      ),
    });
    expect(() => searchProgram({ ...DEFAULT_SETTINGS, hintSteps: 3 })).toThrow(
      /A hint of 3 steps is too many for g24-001/,
    );
  });
});
