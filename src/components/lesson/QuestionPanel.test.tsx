import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { mcts } from '../../core/search/mcts';
import { collectEvents } from '../../core/search/program';
import { PAPER_MCTS_SETTINGS, PAPER_MCTS_TREE } from '../../core/testing/paperTrees';
import { scriptedJudge, scriptedProposer, scriptedTask } from '../../core/testing/scripted';
import { resolveAnchor } from '../../lessons/anchor';
import type { PreparedQuestion, PreparedSelect } from '../../lessons/questions';
import { prepareQuestion } from '../../lessons/questions';
import { QuestionAsk } from './QuestionAsk';
import { QuestionWorking } from './QuestionWorking';
import { selectWorking } from './selectWorking';

const events = collectEvents(
  mcts(
    {
      task: scriptedTask,
      problem: PAPER_MCTS_TREE,
      proposer: scriptedProposer,
      judge: scriptedJudge,
      rng: createRng(1),
    },
    PAPER_MCTS_SETTINGS,
  ),
);

function selectAt(iteration: number): PreparedSelect {
  const at = resolveAnchor(events, { iteration, phase: 'select', edge: 'before' });
  if (!at.ok) throw new Error(at.error);
  const q = prepareQuestion(events, at.cursor, { kind: 'select', level: 0 });
  if (!q.ok || q.question.kind !== 'select') throw new Error('no select');
  return q.question;
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the select working', () => {
  it('plugs the run’s numbers into the formula for every candidate, the winner marked (iteration 4)', () => {
    // A: 0.75 + 1 · √(ln 3 / 2) = 0.75 + 0.7412 = 1.49; B: 0.5 + √(ln 3) = 0.5 + 1.0481 = 1.55.
    expect(selectWorking(selectAt(4))).toEqual([
      { id: 1, text: 'A', arithmetic: '0.75 + 1.00 · √(ln 3 / 2) = 1.49', winner: false },
      { id: 2, text: 'B', arithmetic: '0.50 + 1.00 · √(ln 3 / 1) = 1.55', winner: true },
    ]);
    const html = renderToStaticMarkup(<QuestionWorking q={selectAt(4)} />);
    expect(text(html)).toContain('★ B 0.50 + 1.00 · √(ln 3 / 1) = 1.55');
    expect(text(html)).toContain('Decided by explore');
  });

  it('writes an unvisited child as N = 0 → ∞ (iteration 2: A 0.6 + √(ln 1 / 1) = 0.60, B unvisited)', () => {
    expect(selectWorking(selectAt(2)).map((l) => l.arithmetic)).toEqual([
      '0.60 + 1.00 · √(ln 1 / 1) = 0.60',
      'N = 0 → ∞',
    ]);
  });
});

describe('model text in a question is shown as text', () => {
  const evil = '<img src=x onerror=alert(1)><b>bold</b>';
  it('in the candidates, the options and the working', () => {
    const base = selectAt(4);
    const select: PreparedQuestion = {
      ...base,
      candidates: base.candidates.map((c) => ({ ...c, text: evil })),
    };
    const choice: PreparedQuestion = {
      kind: 'choice',
      prompt: 'p',
      eventIndex: -1,
      options: [evil, 'two'],
      answer: 0,
      explain: evil,
    };
    const result: PreparedQuestion = {
      kind: 'result',
      prompt: 'p',
      eventIndex: 3,
      options: [evil, '24'],
      answer: '24',
      reason: 'best-prm',
      correct: true,
      votes: { [evil]: 1 },
    };
    for (const html of [
      renderToStaticMarkup(<QuestionAsk q={select} />),
      renderToStaticMarkup(<QuestionWorking q={select} />),
      renderToStaticMarkup(<QuestionAsk q={choice} />),
      renderToStaticMarkup(<QuestionWorking q={choice} />),
      renderToStaticMarkup(<QuestionAsk q={result} />),
      renderToStaticMarkup(<QuestionWorking q={result} />),
    ]) {
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<b>');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;bold&lt;/b&gt;');
    }
  });
});

describe('the backup inputs', () => {
  it('ask for N and Q, fractions accepted, and state the rule', () => {
    const at = resolveAnchor(events, { iteration: 3, phase: 'select', edge: 'before' });
    if (!at.ok) throw new Error(at.error);
    const q = prepareQuestion(events, at.cursor, { kind: 'backup', node: 1 });
    if (!q.ok) throw new Error(q.error);
    const html = text(renderToStaticMarkup(<QuestionAsk q={q.question} />));
    expect(html).toContain('N (visits)');
    expect(html).toContain('Q = W/N');
    expect(html).toContain('Fractions accepted (3/4).');
    expect(html).toContain('at least 2: 0.67 for 2/3');
  });
});
