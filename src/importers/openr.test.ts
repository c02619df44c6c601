import { describe, expect, it } from 'vitest';
import { reduce } from '../core/tree/reduce';
import { q } from '../core/tree/tree';
import { importRunText } from './index';
import { openrAnswer } from './openr';
import { sampleText } from './samples.testing';

function imported(text: string) {
  const result = importRunText(text, 'openr.json');
  if (!result.ok) throw new Error(result.error);
  return { result, tree: reduce(result.file.events) };
}

describe('OpenR to_json trees', () => {
  it('the sample becomes the tree worked out by hand', () => {
    const { result, tree } = imported(sampleText('openr'));
    expect(result.format).toBe('openr');
    expect(result.file.source).toEqual({
      kind: 'openr',
      fileName: 'openr.json',
      note: expect.stringMatching(/^no phase-by-phase history/),
    });
    // Root, two steps under it, two answers under the first step; ids in breadth-first order.
    expect(tree.nodes.length).toBe(5);
    expect(tree.nodes.map((n) => n.parent)).toEqual([null, 0, 0, 1, 1]);
    expect(tree.nodes[0]?.text).toMatch(/^Natalia sold clips/);
    const step = tree.nodes[1];
    expect(step?.text).toBe('In April she sold 48 clips. In May she sold 48 / 2 = 24 clips.');
    expect(step?.N).toBe(3);
    expect(q(step!)).toBeCloseTo(0.8, 12);
    expect(step?.prm).toBe(0.9);
    expect(step?.prior).toBe(0.6);
    expect(tree.nodes[0]?.N).toBe(4);
    expect(q(tree.nodes[0]!)).toBeCloseTo(0.6, 12);
    expect(tree.nodes[3]?.text).toMatch(/The answer is 72\.$/);
    expect(tree.nodes[3]?.prm).toBe(0.95);
    // The root has no PRM value; the four steps do.
    expect(tree.nodes.map((n) => n.prm)).toEqual([null, 0.9, 0.2, 0.95, 0.1]);
    // The two terminated steps end lines with the answers they state; OpenR saves no verdict,
    // so both are of unknown correctness (neither solved nor wrong).
    expect(tree.nodes.filter((n) => n.terminal).map((n) => [n.id, n.terminal])).toEqual([
      [3, { answer: '72', correct: null, kind: 'unknown' }],
      [4, { answer: '62', correct: null, kind: 'unknown' }],
    ]);
    // start, two expands, two terminals, four scores, one backprop; no answer is returned.
    expect(result.file.events.map((e) => e.type)).toEqual([
      'start',
      'expand',
      'expand',
      'terminal',
      'terminal',
      'score',
      'score',
      'score',
      'score',
      'backprop',
    ]);
    expect(tree.done).toBeNull();
  });

  it('reads the answer a terminated step states, as OpenR writes it or in plain words', () => {
    expect(openrAnswer('So 3 + 4 = 7. The answer is: 7 ки')).toBe('7');
    expect(openrAnswer('48 + 24 = 72 clips. The answer is 72.')).toBe('72');
    expect(openrAnswer('The answer is: \\frac{1}{2}')).toBe('\\frac{1}{2}');
    expect(openrAnswer('No final sentence here.')).toBe('');
  });

  it('a terminated node without a stated answer still ends its line, correctness unknown', () => {
    const root = {
      info: { visit_cnt: 1, value: 0.5, prior_p: 1, text_state: 'Q?' },
      children: {
        'step A': {
          info: { visit_cnt: 1, value: 0.5, prior_p: 1, terminated: true },
          children: {},
        },
        'step B': { info: { visit_cnt: 0, value: 0, prior_p: 1, terminated: false }, children: {} },
      },
    };
    const { tree } = imported(JSON.stringify(root));
    expect(tree.nodes.map((n) => n.terminal)).toEqual([
      null,
      { answer: '', correct: null, kind: 'unknown' },
      null,
    ]);
  });

  it('refuses a PRM value outside [0, 1] and says where, rather than clamping it', () => {
    const file = JSON.parse(sampleText('openr'));
    file.children['In May she sold 48 * 2 = 96 clips.'].info.prm_value = 1.7;
    const result = importRunText(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.format).toBe('openr');
      expect(result.error).toContain(
        'children.In May she sold 48 * 2 = 96 clips..info.prm_value: Too big',
      );
    }
  });

  it('uses the child key as the step when last_action is missing, and a null PRM gives no score', () => {
    const root = {
      info: { visit_cnt: 1, value: 0.5, prior_p: 1, text_state: 'Q?' },
      children: {
        'step A': { info: { visit_cnt: 1, value: 0.5, prior_p: 1, prm_value: null }, children: {} },
      },
    };
    const { tree } = imported(JSON.stringify(root));
    expect(tree.nodes.map((n) => n.text)).toEqual(['Q?', 'step A']);
    expect(tree.nodes[1]?.prm).toBeNull();
  });

  it('names the missing field', () => {
    const result = importRunText(JSON.stringify({ info: { value: 0, prior_p: 1 }, children: {} }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/closest is OpenR: info\.visit_cnt: /);
  });
});
