import { describe, expect, it } from 'vitest';
import { DEFAULT_BEAM, DEFAULT_BEST_OF_N, DEFAULT_MCTS } from '../core/search/settings';
import type { TraceEvent } from '../core/tree/events';
import type { RunFileV2 } from '../run/runFile';
import { DEFAULT_SETTINGS } from '../run/settings';
import {
  budgetOf,
  dedupeKey,
  defaultName,
  describeRun,
  formatDate,
  resultLabel,
  savedRunTitle,
  resultOf,
  stableJson,
} from './meta';

const start: TraceEvent = { type: 'start', algorithm: 'mcts', rootText: '1 2 3 4' };
const done = (answer: string | null, correct: boolean): TraceEvent => ({
  type: 'done',
  node: answer === null ? null : 3,
  answer,
  correct,
  reason: 'most-visited',
});

/** 2026-11-22 03:05 local time, as an ISO string. */
const CREATED = new Date(2026, 10, 22, 3, 5).toISOString();

function file(events: TraceEvent[], extra: Partial<RunFileV2> = {}): RunFileV2 {
  return {
    format: 'arbor-run',
    version: 2,
    settings: DEFAULT_SETTINGS,
    events,
    createdAt: CREATED,
    ...extra,
  };
}

describe('budgetOf', () => {
  it('names each algorithm’s budget', () => {
    expect(budgetOf(DEFAULT_MCTS)).toBe('30 iterations');
    expect(budgetOf({ ...DEFAULT_BEAM, beamWidth: 4, expansionsPerBeam: 2 })).toBe(
      'width 4 × 2 expansions',
    );
    expect(budgetOf({ ...DEFAULT_BEST_OF_N, n: 16 })).toBe('N = 16');
  });
});

describe('resultOf', () => {
  it('reads the answer of the done event', () => {
    expect(resultOf([start, done('(4*3)*(2*1)', true)], false)).toEqual({
      kind: 'answer',
      answer: '(4*3)*(2*1)',
      correct: true,
    });
    expect(resultLabel(resultOf([start, done('23', false)], false))).toBe('23 (wrong)');
  });

  it('says "no answer" when the search named none', () => {
    expect(resultOf([start, done(null, false)], false)).toEqual({ kind: 'no-answer' });
  });

  it('says "stopped" for a run grown here that ends without done, "no answer" for an import', () => {
    expect(resultLabel(resultOf([start], false))).toBe('stopped');
    expect(resultLabel(resultOf([], false))).toBe('stopped');
    expect(resultLabel(resultOf([start], true))).toBe('no answer');
  });
});

describe('names and dates', () => {
  it('formats a local date to the minute', () => {
    expect(formatDate(new Date(2026, 0, 2, 9, 7, 59))).toBe('2026-01-02 09:07');
    expect(formatDate(new Date('not a date'))).toBe('unknown date');
  });

  it('names a run "<task> <problem> · <algorithm> · <date>"', () => {
    expect(defaultName(file([]))).toBe('Game of 24 g24-001 · MCTS · 2026-11-22 03:05');
    const beam = { ...DEFAULT_SETTINGS, task: 'word-problems' as const, problemId: 'wp-003' };
    expect(defaultName(file([], { settings: { ...beam, search: DEFAULT_BEAM } }))).toBe(
      'Math word problems wp-003 · Beam search · 2026-11-22 03:05',
    );
  });

  it('names an imported tree by its file and tool', () => {
    const source = { kind: 'openr' as const, fileName: 'tree.json', note: 'no history' };
    expect(defaultName(file([], { source }))).toBe('tree.json · OpenR · 2026-11-22 03:05');
    const unnamed = { kind: 'rstar-math' as const, note: 'no history' };
    expect(defaultName(file([], { source: unnamed }))).toBe(
      'Imported tree · rStar-Math · 2026-11-22 03:05',
    );
  });
});

describe('dedupeKey', () => {
  it('is the same for the same settings, event count and creation time, whatever the key order', () => {
    const reordered = Object.fromEntries(
      Object.entries(DEFAULT_SETTINGS).reverse(),
    ) as unknown as RunFileV2['settings'];
    expect(Object.keys(reordered)[0]).toBe('seed');
    expect(dedupeKey(file([start], { settings: reordered }))).toBe(dedupeKey(file([start])));
  });

  it('differs when the settings, the event count or the creation time differ', () => {
    const base = dedupeKey(file([start]));
    expect(dedupeKey(file([start], { settings: { ...DEFAULT_SETTINGS, seed: 2 } }))).not.toBe(base);
    expect(dedupeKey(file([start, done('24', true)]))).not.toBe(base);
    expect(dedupeKey(file([start], { createdAt: new Date(0).toISOString() }))).not.toBe(base);
  });

  it('ignores the name (a renamed run is the same run)', () => {
    expect(dedupeKey(file([start], { name: 'mine' }))).toBe(dedupeKey(file([start])));
  });

  it('writes JSON with sorted keys and no undefined fields', () => {
    expect(stableJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe(
      '{"a":[true,null,"x"],"b":1}',
    );
  });
});

describe('describeRun', () => {
  it('derives the listed fields from the file', () => {
    const saved = new Date(Date.UTC(2026, 10, 22, 4, 0));
    expect(describeRun(file([start, done('24', true)]), 'id-1', saved)).toEqual({
      id: 'id-1',
      name: 'Game of 24 g24-001 · MCTS · 2026-11-22 03:05',
      task: 'game24',
      problemId: 'g24-001',
      algorithm: 'mcts',
      budget: '30 iterations',
      result: { kind: 'answer', answer: '24', correct: true },
      createdAt: CREATED,
      savedAt: '2026-11-22T04:00:00.000Z',
      eventCount: 2,
      key: dedupeKey(file([start, done('24', true)])),
    });
  });

  it('keeps the user’s name and the import source', () => {
    const source = { kind: 'llm-reasoners' as const, note: 'no history' };
    const meta = describeRun(file([start], { name: 'First try', source }), 'x', new Date(0));
    expect(meta.name).toBe('First try');
    expect(meta.source).toBe('llm-reasoners');
    expect(meta.budget).toBe('imported');
    expect(meta.result).toEqual({ kind: 'no-answer' });
  });

  it("lists an imported tree by its file's question and algorithm, not the default settings", () => {
    const source = { kind: 'rstar-math' as const, note: 'no history' };
    const beamStart: TraceEvent = { type: 'start', algorithm: 'beam', rootText: ' How many? ' };
    const meta = describeRun(file([beamStart], { source }), 'x', new Date(0));
    expect(meta.question).toBe('How many?');
    expect(meta.algorithm).toBe('beam');
    // A run grown in Arbor has no question field: its settings name its problem.
    expect(describeRun(file([start]), 'y', new Date(0)).question).toBeUndefined();
  });
});

describe('savedRunTitle', () => {
  it('adds the budget to a name that does not say it, and leaves other names alone', () => {
    const name = 'Game of 24 g24-001 · MCTS · 2026-12-07 12:23';
    expect(savedRunTitle({ name, budget: '8 iterations' })).toBe(`${name} · 8 iterations`);
    expect(savedRunTitle({ name: 'k=8, 8 iterations', budget: '8 iterations' })).toBe(
      'k=8, 8 iterations',
    );
    expect(savedRunTitle({ name: 'from OpenR', budget: 'imported', source: 'openr' })).toBe(
      'from OpenR',
    );
  });
});
