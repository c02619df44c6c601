import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../core/tree/events';
import { ZERO_COST } from '../core/tree/events';
import { reduce } from '../core/tree/reduce';
import { child, expand, score } from './testTrees';
import { NO_QUERY, findNodes, findOutcome, foldText, parsePrmRange, stepMatch } from './find';

/**
 * Root 0 → 1 `4 * 6 = 24` (solved, PRM 0.9), 2 `8 - 4 = 3` (invalid), 3 `<b>8</b> + 4 = 12`
 * (PRM 0.3); node 3 → 4 `12 + 8 = 20` (wrong answer 20, PRM 0.5), 5 `12 * 2 = 24` (open).
 */
const EVENTS: TraceEvent[] = [
  { type: 'start', algorithm: 'mcts', rootText: '4 6 8 8' },
  {
    type: 'expand',
    iteration: 1,
    node: 0,
    children: [
      child(1, '4 * 6 = 24'),
      { ...child(2, '8 - 4 = 3'), valid: false, invalidReason: '8 − 4 is 4, not 3' },
      child(3, '<b>8</b> + 4 = 12'),
    ],
    cost: ZERO_COST,
  },
  expand(3, [4, 5]),
  score(1, 0.9),
  score(3, 0.3),
  score(4, 0.5),
  { type: 'terminal', node: 1, answer: '24', correct: true, kind: 'solved' },
  { type: 'terminal', node: 4, answer: '20', correct: false, kind: 'wrong-answer' },
];
// The expand helper names children `step <id>`: give 4 and 5 their words.
const TREE = (() => {
  const events = EVENTS.map((e) =>
    e.type === 'expand' && e.node === 3
      ? { ...e, children: [child(4, '12 + 8 = 20'), child(5, '12 * 2 = 24')] }
      : e,
  );
  return reduce(events);
})();
const find = (q: Partial<typeof NO_QUERY>) => findNodes(TREE, { ...NO_QUERY, ...q });

describe('findNodes', () => {
  it('finds nothing and highlights nothing for an empty query', () => {
    expect(find({})).toEqual({ matches: [], error: null, active: false });
  });

  it('finds step text in any case, with the card’s minus and times signs', () => {
    expect(find({ text: '= 24' }).matches).toEqual([1, 5]);
    expect(find({ text: '8 − 4' }).matches).toEqual([2]); // typed with the true minus
    expect(find({ text: '12 × 2' }).matches).toEqual([5]);
    expect(find({ text: '4 6 8' }).matches).toEqual([0]); // the root's problem
    expect(find({ text: 'nothing like this' }).matches).toEqual([]);
  });

  it('matches HTML as the characters typed, never as markup', () => {
    expect(find({ text: '<b>8</b>' }).matches).toEqual([3]);
    expect(find({ text: '<b>' }).matches).toEqual([3]);
    expect(find({ text: '<script>alert(1)</script>' })).toEqual({
      matches: [],
      error: null,
      active: true,
    });
  });

  it('searches the card’s short form too', () => {
    const short = (n: { id: number }) => (n.id === 4 ? '12 + 8 → 20' : '');
    expect(findNodes(TREE, { ...NO_QUERY, text: '→ 20' }, short).matches).toEqual([4]);
  });

  it('finds by outcome', () => {
    expect(find({ outcome: 'solved' }).matches).toEqual([1]);
    expect(find({ outcome: 'wrong-answer' }).matches).toEqual([4]);
    expect(find({ outcome: 'invalid' }).matches).toEqual([2]);
    expect(find({ outcome: 'open' }).matches).toEqual([5]);
  });

  it('finds by PRM range, unscored nodes never in it, and combines fields', () => {
    expect(find({ prm: '0.2–0.6' }).matches).toEqual([3, 4]);
    expect(find({ prm: '≥ 0.5' }).matches).toEqual([1, 4]);
    expect(find({ prm: '> 0.5' }).matches).toEqual([1]);
    expect(find({ prm: '0.3' }).matches).toEqual([3]);
    expect(find({ prm: '0-1', text: '12' }).matches).toEqual([3, 4]); // 5 is unscored
    expect(find({ prm: '0-1', outcome: 'solved' }).matches).toEqual([1]);
  });

  it('refuses a backwards range with the allowed form, and finds nothing', () => {
    const r = find({ prm: '0.9–0.2' });
    expect(r.matches).toEqual([]);
    expect(r.error).toBe(
      'PRM range 0.9–0.2 runs backwards: put the lower end first (0.2–0.9); scores lie between 0 and 1.',
    );
  });

  it('lists matches in reading order (depth first)', () => {
    expect(find({ prm: '0-1' }).matches).toEqual([1, 3, 4]);
    expect(find({ text: '', outcome: null, prm: '0 - 1' }).matches).toEqual([1, 3, 4]);
  });
});

describe('parsePrmRange', () => {
  it('reads ranges, bounds and single scores', () => {
    expect(parsePrmRange('')).toEqual({ ok: true, range: null });
    expect(parsePrmRange(' 0.2-0.9 ')).toEqual({ ok: true, range: { min: 0.2, max: 0.9 } });
    expect(parsePrmRange('0.2 to 0.9')).toEqual({ ok: true, range: { min: 0.2, max: 0.9 } });
    expect(parsePrmRange('.2..1')).toEqual({ ok: true, range: { min: 0.2, max: 1 } });
    expect(parsePrmRange('0,2–0,9')).toEqual({ ok: true, range: { min: 0.2, max: 0.9 } });
    expect(parsePrmRange('<= 0.4')).toEqual({ ok: true, range: { min: 0, max: 0.4 } });
    expect(parsePrmRange('≥0.7')).toEqual({ ok: true, range: { min: 0.7, max: 1 } });
  });

  it('says what is allowed for numbers outside [0, 1] and for words', () => {
    const allowed = 'write a score or a range between 0 and 1, e.g. 0.2–0.9, ≥ 0.5 or < 0.3';
    expect(parsePrmRange('0.5–1.5')).toEqual({
      ok: false,
      error: `PRM scores lie between 0 and 1: ${allowed}.`,
    });
    expect(parsePrmRange('> 2')).toEqual({
      ok: false,
      error: `PRM scores lie between 0 and 1: ${allowed}.`,
    });
    expect(parsePrmRange('high')).toEqual({
      ok: false,
      error: `“high” is not a PRM range: ${allowed}.`,
    });
    expect(parsePrmRange('-0.5')).toMatchObject({ ok: false });
  });

  it('never accepts a range that runs backwards or leaves [0, 1]', () => {
    const thousandths = fc.integer({ min: -2000, max: 3000 });
    fc.assert(
      fc.property(thousandths, thousandths, (a, b) => {
        const r = parsePrmRange(`${(a / 1000).toFixed(3)}–${(b / 1000).toFixed(3)}`);
        expect(r.ok).toBe(a >= 0 && b <= 1000 && a <= b);
        if (r.ok) expect(r.range).toEqual({ min: a / 1000, max: b / 1000 });
      }),
    );
  });
});

describe('findOutcome and foldText', () => {
  it('names how each line ended', () => {
    expect([0, 1, 2, 3, 4, 5].map((id) => findOutcome(TREE.nodes[id]!))).toEqual([
      null,
      'solved',
      'invalid',
      null,
      'wrong-answer',
      'open',
    ]);
  });

  it('folds case, signs and spaces', () => {
    expect(foldText('  7 −  4 × 2 ÷ 1 ')).toBe('7 - 4 * 2 / 1');
  });
});

describe('stepMatch', () => {
  it('moves to the next and previous match, wrapping, from none to the first or last', () => {
    expect(stepMatch(0, null, 1)).toBeNull();
    expect(stepMatch(3, null, 1)).toBe(0);
    expect(stepMatch(3, null, -1)).toBe(2);
    expect(stepMatch(3, 2, 1)).toBe(0);
    expect(stepMatch(3, 0, -1)).toBe(2);
    expect(stepMatch(3, 1, 1)).toBe(2);
  });
});
