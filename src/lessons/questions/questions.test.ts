import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { beamSearch } from '../../core/search/beam';
import { mcts } from '../../core/search/mcts';
import { collectEvents, streamEvents } from '../../core/search/program';
import {
  PAPER_BEAM_TREE,
  PAPER_MCTS_SETTINGS,
  PAPER_MCTS_TREE,
} from '../../core/testing/paperTrees';
import { scriptedJudge, scriptedProposer, scriptedTask } from '../../core/testing/scripted';
import type { TraceEvent } from '../../core/tree/events';
import { resolveAnchor } from '../anchor';
import { checkAnswer } from './check';
import { prepareQuestion } from './prepare';
import type { PreparedQuestion } from './types';

/**
 * The questions on the paper trees of mcts.test.ts and beam.test.ts, every number worked out
 * by hand. MCTS (UCT, c = 1, PRM value), ids by creation: R 0, A 1, B 2, B1 3, B2 4, A1 5, A2 6.
 *
 *            R
 *       A (0.6)     B (0.4)
 *   A1 (0.9) A2 (0.2)   B1 (0.5) B2 (0.7)
 */
const [R, A, B, B1, B2] = [0, 1, 2, 3, 4];

const ctx = (problem = PAPER_MCTS_TREE) => ({
  task: scriptedTask,
  problem,
  proposer: scriptedProposer,
  judge: scriptedJudge,
  rng: createRng(1),
});

const paperEvents: TraceEvent[] = collectEvents(mcts(ctx(), PAPER_MCTS_SETTINGS));

function before(iteration: number, phase: 'select' | 'backprop'): number {
  const at = resolveAnchor(paperEvents, { iteration, phase, edge: 'before' });
  if (!at.ok) throw new Error(at.error);
  return at.cursor;
}

function prepared(
  events: readonly TraceEvent[],
  cursor: number,
  q: Parameters<typeof prepareQuestion>[2],
): PreparedQuestion {
  const result = prepareQuestion(events, cursor, q);
  if (!result.ok) throw new Error(result.error);
  return result.question;
}

describe('a select question on the paper tree', () => {
  it('iteration 4 at the root: A = 0.75 + √(ln 3 / 2) = 1.4912, B = 0.5 + √(ln 3 / 1) = 1.5481 → B, by exploration', () => {
    const q = prepared(paperEvents, before(4, 'select'), { kind: 'select', level: 0 });
    if (q.kind !== 'select') throw new Error(q.kind);
    expect(q).toMatchObject({ parent: R, parentN: 3, rule: 'uct', c: 1, iteration: 4 });
    expect(paperEvents[q.eventIndex]?.type).toBe('select');
    const [a, b] = q.candidates;
    // A: N 2, W 0.6 + 0.9 = 1.5, Q 0.75; ln 3 = 1.098612, / 2 = 0.549306, √ = 0.741152.
    expect(a).toMatchObject({ id: A, text: 'A', N: 2, W: 1.5, Q: 0.75, exploit: 0.75 });
    expect(a?.explore).toBeCloseTo(0.741152, 6);
    expect(a?.total).toBeCloseTo(1.491152, 6);
    // B: N 1, W 0.5 (B1's value), Q 0.5; √(ln 3) = 1.048147.
    expect(b).toMatchObject({ id: B, text: 'B', N: 1, W: 0.5, Q: 0.5 });
    expect(b?.explore).toBeCloseTo(1.048147, 6);
    expect(b?.total).toBeCloseTo(1.548147, 6);
    expect(q).toMatchObject({ winner: B, decidedBy: 'explore' });

    expect(checkAnswer(q, { kind: 'select', id: B })).toMatchObject({ ok: true, right: true });
    // A has the larger Q: a class that forgets the exploration term picks it, and is wrong.
    expect(checkAnswer(q, { kind: 'select', id: A })).toMatchObject({
      ok: true,
      right: false,
      expected: '“B” (node 2)',
    });
    expect(checkAnswer(q, { kind: 'select', id: R })).toEqual({
      ok: false,
      error: 'Pick one of the highlighted children.',
    });
  });

  it('iteration 4 one level down: at B (N 1) B1 = 0.5 + √(ln 1 / 1) = 0.5, B2 unvisited = +∞ → B2', () => {
    const q = prepared(paperEvents, before(4, 'select'), { kind: 'select', level: 1 });
    if (q.kind !== 'select') throw new Error(q.kind);
    expect(q).toMatchObject({ parent: B, parentN: 1, winner: B2, decidedBy: 'unvisited' });
    expect(q.candidates[0]).toMatchObject({ id: B1, N: 1, Q: 0.5, explore: 0, total: 0.5 });
    expect(q.candidates[1]).toMatchObject({ id: B2, N: 0, explore: null, total: null });
  });

  it('iteration 3: A = 0.6 + √(ln 2) = 1.4326 beats B = 0.5 + √(ln 2) = 1.3326 (A also has the larger Q)', () => {
    const q = prepared(paperEvents, before(3, 'select'), { kind: 'select', level: 0 });
    if (q.kind !== 'select') throw new Error(q.kind);
    expect(q.parentN).toBe(2);
    expect(q.candidates[0]?.total).toBeCloseTo(1.432555, 6);
    expect(q.candidates[1]?.total).toBeCloseTo(1.332555, 6);
    expect(q).toMatchObject({ winner: A, decidedBy: 'exploit' });
    expect(q.prompt).toBe('Which child of the root does the selection rule pick next?');
  });

  it('reads the NEXT select after the cursor: from just after iteration 3’s select, it is iteration 4’s', () => {
    const q = prepared(paperEvents, before(3, 'select') + 1, { kind: 'select', level: 0 });
    expect(q).toMatchObject({ kind: 'select', iteration: 4, winner: B });
  });

  it('says why when the run cannot answer', () => {
    const end = paperEvents.length;
    expect(prepareQuestion(paperEvents, end, { kind: 'select', level: 0 })).toEqual({
      ok: false,
      error: `no select event after event ${end}`,
    });
    // Iteration 3 selects [R, A]: one level, A is a leaf.
    const at = before(3, 'select');
    expect(prepareQuestion(paperEvents, at, { kind: 'select', level: 1 })).toEqual({
      ok: false,
      error: `the select event after event ${at} (event ${at + 1}) has no level 1: it chose at 1 level`,
    });
    expect(prepareQuestion(paperEvents, end, { kind: 'backup', node: A })).toEqual({
      ok: false,
      error: `no backprop that updates node ${A} after event ${end}`,
    });
    expect(prepareQuestion(paperEvents, 0, { kind: 'prune' })).toEqual({
      ok: false,
      error: 'no prune event after event 0',
    });
  });
});

describe('a backup question on the paper tree', () => {
  it('A in iteration 3: N 1 → 2, W 0.6 → 0.6 + 0.9 = 1.5, Q = 1.5 / 2 = 3/4', () => {
    const q = prepared(paperEvents, before(3, 'select'), { kind: 'backup', node: A });
    if (q.kind !== 'backup') throw new Error(q.kind);
    expect(q).toMatchObject({ node: A, text: 'A', iteration: 3, value: 0.9 });
    expect(q.before).toEqual({ N: 1, W: 0.6 });
    expect(q.after).toEqual({ N: 2, W: 1.5 });
    expect(q.q).toEqual({ num: 3n, den: 4n });
    expect(q.prompt).toBe('After the next backpropagation, what are N and Q of “A” (node 1)?');

    const right = checkAnswer(q, { kind: 'backup', N: '2', Q: '3/4' });
    expect(right).toEqual({
      ok: true,
      right: true,
      expected: 'N = 2, Q = 3/4',
      parts: { N: true, Q: true },
      working: [
        'N: 1 → 2 (one more visit)',
        'W: 0.6 → 1.5 (+ 0.9, the value backed up)',
        'Q = W/N = 1.5 / 2 = 3/4 = 0.75',
      ],
    });
    expect(checkAnswer(q, { kind: 'backup', N: '2', Q: '0.75' })).toMatchObject({ right: true });
    expect(checkAnswer(q, { kind: 'backup', N: ' 2 ', Q: '6/8' })).toMatchObject({ right: true });
    // Q of the old visit (0.6) or the leaf's own value (0.9): wrong, and said which part.
    expect(checkAnswer(q, { kind: 'backup', N: '2', Q: '0.9' })).toMatchObject({
      right: false,
      parts: { N: true, Q: false },
    });
    // 0.8 is 3/4 to one decimal: too few decimals to count.
    expect(checkAnswer(q, { kind: 'backup', N: '2', Q: '0.8' })).toMatchObject({ right: false });
    expect(checkAnswer(q, { kind: 'backup', N: '1', Q: '3/4' })).toMatchObject({
      right: false,
      parts: { N: false, Q: true },
    });
  });

  it('the root in iteration 4: N 3 → 4, W 2 → 2.7 (a float sum, read as 2.7), Q = 27/40 = 0.675', () => {
    const q = prepared(paperEvents, before(4, 'backprop'), { kind: 'backup', node: R });
    if (q.kind !== 'backup') throw new Error(q.kind);
    expect(q.before.N).toBe(3);
    expect(q.after.N).toBe(4);
    expect(q.q).toEqual({ num: 27n, den: 40n });
    const check = (Q: string) => checkAnswer(q, { kind: 'backup', N: '4', Q });
    expect(check('27/40')).toMatchObject({ right: true });
    expect(check('0.675')).toMatchObject({ right: true });
    expect(check('0.68')).toMatchObject({ right: true }); // 0.675 rounded half up
    expect(check('0.67')).toMatchObject({ right: false });
    expect(check('0.7')).toMatchObject({ right: false });
    expect(check('2.7/4')).toEqual({
      ok: false,
      error: 'Q is not a number: “2.7/4” (fractions accepted: 3/4).',
    });
    const working = checkAnswer(q, { kind: 'backup', N: '4', Q: '27/40' });
    expect(working.ok && working.working).toEqual([
      'N: 3 → 4 (one more visit)',
      'W: 2 → 2.7 (+ 0.7, the value backed up)',
      'Q = W/N = 2.7 / 4 = 27/40 = 0.675',
    ]);
  });

  it('a node not yet in the tree at the cursor starts from N 0, W 0 (B2, made in iteration 4)', () => {
    const q = prepared(paperEvents, before(4, 'select'), { kind: 'backup', node: B2 });
    if (q.kind !== 'backup') throw new Error(q.kind);
    expect(q.before).toEqual({ N: 0, W: 0 });
    expect(q.after).toEqual({ N: 1, W: 0.7 });
    expect(q.q).toEqual({ num: 7n, den: 10n });
  });

  it('refuses text that is not a number, and N that is not a whole count', () => {
    const q = prepared(paperEvents, before(3, 'select'), { kind: 'backup', node: A });
    expect(checkAnswer(q, { kind: 'backup', N: 'two', Q: '3/4' })).toEqual({
      ok: false,
      error: 'N is not a number: “two”.',
    });
    expect(checkAnswer(q, { kind: 'backup', N: '2', Q: 'three quarters' })).toMatchObject({
      ok: false,
      error: 'Q is not a number: “three quarters” (fractions accepted: 3/4).',
    });
    expect(checkAnswer(q, { kind: 'backup', N: '1.5', Q: '3/4' })).toMatchObject({
      ok: false,
      error: 'N counts visits: a whole number, not “1.5”.',
    });
    expect(checkAnswer(q, { kind: 'backup', N: '', Q: '3/4' })).toEqual({
      ok: false,
      error: 'Enter N.',
    });
    expect(checkAnswer(q, { kind: 'select', id: 1 })).toEqual({
      ok: false,
      error: 'a select answer to a backup question',
    });
  });
});

describe('prune, result and choice questions', () => {
  async function beamEvents(): Promise<TraceEvent[]> {
    const settings = {
      algorithm: 'beam',
      beamWidth: 2,
      expansionsPerBeam: 2,
      maxDepth: 3,
      aggregation: 'min',
    } as const;
    const out: TraceEvent[] = [];
    for await (const e of streamEvents(beamSearch(ctx(PAPER_BEAM_TREE), settings))) out.push(e);
    return out;
  }

  it('prune at depth 2 of the paper beam tree keeps B1 (min 0.8, 0.7 = 0.7) and B2 (0.6), drops A2 (0.2), A1 (0.1)', async () => {
    const events = await beamEvents();
    // R 0, A 1, B 2, A1 3, A2 4, B1 5, B2 6. The first prune (depth 1) keeps both of A, B.
    const first = prepared(events, 0, { kind: 'prune' });
    expect(first).toMatchObject({ kind: 'prune', depth: 1, kept: [1, 2], dropped: [] });
    const q = prepared(events, first.eventIndex + 1, { kind: 'prune' });
    if (q.kind !== 'prune') throw new Error(q.kind);
    expect(q.depth).toBe(2);
    expect(q.options.map((o) => [o.id, o.text, o.score])).toEqual([
      [3, 'A1', 0.1],
      [4, 'A2', 0.2],
      [5, 'B1', 0.7],
      [6, 'B2', 0.6],
    ]);
    expect(checkAnswer(q, { kind: 'prune', kept: [6, 5] })).toMatchObject({ right: true });
    expect(checkAnswer(q, { kind: 'prune', kept: [5] })).toMatchObject({
      right: false,
      expected: 'keeps node 5, node 6',
    });
    expect(checkAnswer(q, { kind: 'prune', kept: [5, 6, 4] })).toMatchObject({ right: false });
  });

  it('result: the beam returns 24 (B1 ends in 24, B2 in 7), the options are the answers its lines reached', async () => {
    const events = await beamEvents();
    const q = prepared(events, 0, { kind: 'result' });
    if (q.kind !== 'result') throw new Error(q.kind);
    expect(q.options).toEqual(['7', '24']);
    expect(q.answer).toBe('24');
    expect(checkAnswer(q, { kind: 'result', answer: '24' })).toMatchObject({ right: true });
    expect(checkAnswer(q, { kind: 'result', answer: '7' })).toMatchObject({
      right: false,
      expected: '24',
    });
  });

  it('choice: the author’s options and answer, the explanation as the working', () => {
    const q = prepared(paperEvents, 0, {
      kind: 'choice',
      prompt: 'What does N count?',
      options: ['visits', 'children'],
      answer: 0,
      explain: 'Each backprop through a node adds one visit.',
    });
    expect(checkAnswer(q, { kind: 'choice', index: 1 })).toEqual({
      ok: true,
      right: false,
      expected: 'visits',
      working: ['Each backprop through a node adds one visit.'],
    });
    expect(checkAnswer(q, { kind: 'choice', index: 0 })).toMatchObject({ right: true });
  });
});
