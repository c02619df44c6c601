import { describe, expect, it } from 'vitest';
import { reduce } from '../core/tree/reduce';
import { q } from '../core/tree/tree';
import { importRunText } from './index';
import { sampleText } from './samples.testing';

function tagged(states: Record<string, unknown>) {
  return importRunText(JSON.stringify(states));
}

const state = (extra: object = {}) => ({
  text: 's',
  value: 0,
  q_value: 0,
  visit_count: 0,
  ...extra,
});

describe('rStar-Math return_states', () => {
  it('the sample becomes the tree worked out by hand', () => {
    const result = importRunText(sampleText('rstar-math'), 'rstar.json');
    if (!result.ok) throw new Error(result.error);
    expect(result.format).toBe('rstar-math');
    expect(result.file.source?.kind).toBe('rstar-math');
    const tree = reduce(result.file.events);
    // Tags 0, 0.1, 0.2, 0.1.1, 0.1.2, 0.2.1 become ids 0..5, breadth first.
    expect(tree.nodes.length).toBe(6);
    expect(tree.nodes.map((n) => n.parent)).toEqual([null, 0, 0, 1, 1, 2]);
    expect(tree.nodes[0]?.text).toBe(
      'A robe takes 2 bolts of blue fiber and half that much white fiber. How many bolts in total does it take?',
    );
    const first = tree.nodes[1]!;
    expect(first.N).toBe(2);
    expect(first.W).toBe(1.5);
    expect(q(first)).toBe(0.75);
    // value 0.8 in [−1, 1] is shown as the score (0.8 + 1) / 2 = 0.9.
    expect(first.prm).toBeCloseTo(0.9, 12);
    // No prior saved: siblings share 1 equally.
    expect(first.prior).toBe(0.5);
    expect(tree.nodes[5]?.prm).toBe(0);
    expect(tree.nodes[5]?.W).toBe(-0.5);
    expect(tree.nodes[5]?.prior).toBe(1);
    expect(tree.nodes[0]?.prm).toBeNull();
    // Three final answers (tags 0.1.1, 0.1.2, 0.2.1 → ids 3, 4, 5) and no reference answer:
    // three ends of unknown correctness, none solved, none wrong.
    expect(tree.nodes.filter((n) => n.terminal).map((n) => [n.id, n.terminal])).toEqual([
      [3, { answer: '3', correct: null, kind: 'unknown' }],
      [4, { answer: '2', correct: null, kind: 'unknown' }],
      [5, { answer: '4', correct: null, kind: 'unknown' }],
    ]);
    expect(result.file.source?.note).toContain('correctness unknown');
  });

  it("shows rStar-Math's failure final answers as invalid steps with the message, not as answers", () => {
    const result = tagged({
      '0': state(),
      '0.1': state({ final_answer: 'Too many consecutive steps have code errors.' }),
      '0.2': state({ final_answer: 'Fail to sove the problem within limited steps.' }),
      '0.3': state({ final_answer: '' }),
    });
    if (!result.ok) throw new Error(result.error);
    const tree = reduce(result.file.events);
    expect(tree.nodes.map((n) => n.terminal?.kind ?? null)).toEqual([
      null,
      'invalid-step',
      'invalid-step',
      null,
    ]);
    expect(tree.nodes[1]?.valid).toBe(false);
    expect(tree.nodes[1]?.invalidReason).toBe('Too many consecutive steps have code errors.');
    expect(tree.nodes[2]?.invalidReason).toBe('Fail to sove the problem within limited steps.');
    expect(tree.nodes[3]?.valid).toBe(true);
  });

  it('orders children by number, not as text ("0.2" before "0.10")', () => {
    const states: Record<string, unknown> = { '0': state() };
    for (let i = 1; i <= 10; i++) states[`0.${i}`] = state({ text: `step ${i}` });
    const result = tagged(states);
    if (!result.ok) throw new Error(result.error);
    expect(
      reduce(result.file.events)
        .nodes.map((n) => n.text)
        .slice(1, 4),
    ).toEqual(['step 1', 'step 2', 'step 3']);
  });

  it('refuses a tag whose parent is missing, naming the tag', () => {
    const result = tagged({ '0': state(), '0.1.1': state() });
    expect(result).toMatchObject({ ok: false, error: '0.1.1: its parent 0.1 is not in the file' });
  });

  it('refuses a value outside [−1, 1] with its field path', () => {
    const result = tagged({ '0': state(), '0.1': state({ value: 3 }) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/closest is rStar-Math: 0\.1\.value: Too big/);
  });

  it('refuses a W = Q · N that overflows, naming the tag', () => {
    const result = tagged({ '0': state(), '0.1': state({ q_value: 1e308, visit_count: 10 }) });
    expect(result).toMatchObject({ ok: false, error: '0.1: Q × N is too large to hold' });
  });

  it('refuses a file without the root tag and a malformed tag', () => {
    const noRoot = tagged({ '0.1': state() });
    expect(noRoot.ok).toBe(false);
    if (!noRoot.ok) expect(noRoot.error).toContain('the root tag "0" is missing');
    const bad = tagged({ '0': state(), '0.x': state() });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.error).toBe(
        '0.x: not a tag; a tag is "0" or a parent tag, a dot and a number (like "0.1.2")',
      );
  });

  it('refuses a tree deeper than 500 levels (tags are flat JSON, so the JSON check cannot)', () => {
    const states: Record<string, unknown> = {};
    let tag = '0';
    for (let i = 0; i <= 501; i++) {
      states[tag] = state();
      tag += '.1';
    }
    const result = tagged(states);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('deeper than 500 levels');
  });
});
