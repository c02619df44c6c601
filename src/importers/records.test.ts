import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reduce } from '../core/tree/reduce';
import { importRunText } from './index';
import { sameAnswer } from './records';

/** rStar-Math's main.py output: one record per question, its tree under `rstar`. */
const OUTPUT = readFileSync(
  new URL('../../public/samples/rstar-math-output.jsonl', import.meta.url),
  'utf8',
);
const [FIRST, SECOND] = OUTPUT.trim().split('\n') as [string, string];

function treeOf(result: ReturnType<typeof importRunText>) {
  if (!result.ok) throw new Error(result.error);
  return reduce(result.file.events);
}

describe("rStar-Math's output file (main.py's JSON lines)", () => {
  it('lists the records of a many-record file, with their questions and node counts', () => {
    const result = importRunText(OUTPUT, 'out.jsonl');
    expect(result.ok).toBe(false);
    expect(result.format).toBe('rstar-math');
    expect(result.records).toEqual([
      {
        question:
          'A robe takes 2 bolts of blue fiber and half that much white fiber. How many bolts in total does it take?',
        nodes: 6,
      },
      { question: 'Tom has 3 boxes of 4 pens. How many pens does he have?', nodes: 5 },
    ]);
  });

  it("opens the chosen record, marking final answers against the record's answer", () => {
    const result = importRunText(OUTPUT, 'out.jsonl', { record: 1 });
    const tree = treeOf(result);
    // By hand: tags 0, 0.1, 0.2, 0.1.1 (final 12 = answer 12), 0.2.1 (final 7).
    expect(tree.nodes).toHaveLength(5);
    expect(tree.nodes[0]?.text).toBe('Tom has 3 boxes of 4 pens. How many pens does he have?');
    expect(tree.nodes[0]?.N).toBe(3);
    const ends = tree.nodes.filter((n) => n.terminal);
    expect(ends.map((n) => n.terminal)).toEqual([
      { answer: '12', correct: true, kind: 'solved' },
      { answer: '7', correct: false, kind: 'wrong-answer' },
    ]);
    expect(ends.map((n) => /boxed\{(\d+)\}/.exec(n.text)?.[1])).toEqual(['12', '7']);
    if (!result.ok) throw new Error('refused');
    expect(result.file.source?.note).toContain("against the record's reference answer");
  });

  it('opens a one-record file at once; the reference "3" marks 3 right and 2 and 4 wrong', () => {
    const tree = treeOf(importRunText(FIRST, 'one.jsonl'));
    expect(tree.nodes).toHaveLength(6);
    expect(
      tree.nodes.flatMap((n) => (n.terminal ? [[n.terminal.answer, n.terminal.correct]] : [])),
    ).toEqual([
      ['3', true],
      ['2', false],
      ['4', false],
    ]);
  });

  it('reads a record whose answer is a number (main.py writes str(answer); files vary)', () => {
    const tree = treeOf(importRunText(`${SECOND}\n`, 'one.jsonl'));
    expect(tree.nodes.filter((n) => n.terminal?.correct)).toHaveLength(1);
  });

  it('a record without a reference answer marks no answer right or wrong: its two ends are of unknown correctness', () => {
    const record = JSON.parse(SECOND) as Record<string, unknown>;
    delete record.answer;
    const result = importRunText(JSON.stringify(record));
    // By hand: tags 0.1.1 (final answer 12) and 0.2.1 (7) are ids 3 and 4.
    const ends = treeOf(result).nodes.filter((n) => n.terminal);
    expect(ends.map((n) => [n.id, n.terminal])).toEqual([
      [3, { answer: '12', correct: null, kind: 'unknown' }],
      [4, { answer: '7', correct: null, kind: 'unknown' }],
    ]);
    if (!result.ok) throw new Error('refused');
    expect(result.file.source?.note).toContain('correctness unknown');
  });

  it('names the line of a broken record, and a record index past the end lists them again', () => {
    const broken = OUTPUT.replace('"visit_count": 3', '"visit_count": -3');
    const refused = importRunText(broken, 'b.jsonl', { record: 1 });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatch(/^line 2, rstar: /);
    expect(importRunText(OUTPUT, 'x', { record: 9 }).records).toHaveLength(2);
  });

  it('a JSON-lines file that is not rStar-Math records is refused as before', () => {
    const result = importRunText('{"a": 1}\n{"b": 2}\n');
    expect(result.ok).toBe(false);
    expect(result.records).toBeUndefined();
  });
});

describe('sameAnswer', () => {
  it.each([
    ['3', '3', true],
    ['3.0', '3', true],
    ['1,000', '1000', true],
    ['\\boxed{12}', '12', true],
    ['$12$', '12', true],
    ['12.', '12', true],
    ['x + 1', 'x+1', true],
    ['2', '3', false],
    ['1/2', '0.5', false],
    ['', '0', false],
  ])('%s against %s: %s', (answer, reference, same) => {
    expect(sameAnswer(answer, reference)).toBe(same);
  });
});
