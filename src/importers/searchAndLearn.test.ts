import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reduce } from '../core/tree/reduce';
import { importRunText } from './index';
import { boxedAnswer } from './searchAndLearn';

/** A search-and-learn results file: one dataset row per problem, with its search's columns. */
const FILE = readFileSync(
  new URL('../../public/samples/search-and-learn.jsonl', import.meta.url),
  'utf8',
);
const [BEST_OF_N, BEAM] = FILE.trim().split('\n') as [string, string];

function opened(text: string) {
  const result = importRunText(text, 'results.jsonl');
  if (!result.ok) throw new Error(result.error);
  return { file: result.file, tree: reduce(result.file.events) };
}

describe("search-and-learn's results", () => {
  it('lists the problems of a many-row file with their node counts', () => {
    const result = importRunText(FILE, 'results.jsonl');
    expect(result.format).toBe('search-and-learn');
    expect(result.records).toEqual([
      { question: 'What is 3 + 4 * 2?', nodes: 10 },
      { question: 'Solve for x: 2x + 6 = 10.', nodes: 7 },
    ]);
  });

  it('draws completions that share no step as best-of-N: one line per completion', () => {
    const { file, tree } = opened(BEST_OF_N);
    expect(file.events[0]).toMatchObject({ type: 'start', algorithm: 'best-of-n' });
    // By hand: the problem and 3 completions × 3 steps.
    expect(tree.nodes).toHaveLength(10);
    expect(tree.nodes[0]?.children).toHaveLength(3);
    expect(tree.nodes.filter((n) => n.terminal).map((n) => n.terminal)).toEqual([
      { answer: '11', correct: true, kind: 'solved' },
      { answer: '14', correct: false, kind: 'wrong-answer' },
      { answer: '11', correct: true, kind: 'solved' },
    ]);
    // The PRM's step scores as saved: completion 2's first step scored 0.41.
    const second = tree.nodes[0]?.children[1] as number;
    expect(tree.nodes[second]?.prm).toBe(0.41);
    expect(file.source?.note).toContain('Its pick (pred) is completion 1.');
  });

  it('draws completions that begin alike as a beam search sharing those steps', () => {
    const { file, tree } = opened(`${BEAM}\n`);
    expect(file.events[0]).toMatchObject({ type: 'start', algorithm: 'beam' });
    // By hand: root, the shared step 1, two step 2s, three last steps.
    expect(tree.nodes).toHaveLength(7);
    expect(tree.nodes[0]?.children).toHaveLength(1);
    const ends = tree.nodes.filter((n) => n.terminal).map((n) => [n.text, n.terminal?.correct]);
    // Node ids go breadth first: the two lines under the right step 2 come before the wrong one's.
    expect(ends.sort()).toEqual([
      // "x = 2" is not the text "2": Arbor compares numbers and text, not equations.
      ['So $\\boxed{x = 2}$.', false],
      ['The final answer is $\\boxed{2}$.', true],
      ['The final answer is $\\boxed{8}$.', false],
    ]);
  });

  it('refuses a row whose scores are not probabilities, naming the line', () => {
    const bad = BEAM.replace('0.97', '1.7');
    const result = importRunText(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^line 1: /);
    expect(result.format).toBe('search-and-learn');
  });

  it('a row without a reference answer marks nothing right or wrong: each answer is of unknown correctness', () => {
    const row = JSON.parse(BEST_OF_N) as Record<string, unknown>;
    delete row.answer;
    const { file, tree } = opened(JSON.stringify(row));
    // The same three ends as with the answer, none of them right or wrong.
    expect(tree.nodes.filter((n) => n.terminal).map((n) => n.terminal)).toEqual([
      { answer: '11', correct: null, kind: 'unknown' },
      { answer: '14', correct: null, kind: 'unknown' },
      { answer: '11', correct: null, kind: 'unknown' },
    ]);
    expect(file.source?.note).toContain('no reference answer');
    expect(file.source?.note).toContain('correctness unknown');
  });

  it.each([
    ['The answer is $\\boxed{11}$.', '11'],
    ['\\boxed{\\frac{1}{2}} then \\boxed{3}', '3'],
    ['\\boxed{\\frac{1}{2}}', '\\frac{1}{2}'],
    ['no box', null],
    ['\\boxed{unclosed', null],
  ])('boxedAnswer(%s) = %s', (text, answer) => {
    expect(boxedAnswer(text)).toBe(answer);
  });
});
