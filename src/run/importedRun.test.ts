import { describe, expect, it } from 'vitest';
import { taskEntry } from '../core/tasks/registry';
import { importedFacts, matchBundledProblem } from './importedRun';

describe('an imported run named from its file', () => {
  it("takes the question and algorithm from the file's start event, and the tool's name", () => {
    const facts = importedFacts({ kind: 'rstar-math', fileName: 'out.jsonl', note: '' }, [
      { type: 'start', algorithm: 'mcts', rootText: '  Tom has 3 apples.\n' },
    ]);
    expect(facts).toEqual({
      tool: 'rStar-Math',
      fileName: 'out.jsonl',
      question: 'Tom has 3 apples.',
      algorithm: 'mcts',
    });
  });

  it('says nothing it does not know: no start event, no algorithm or question', () => {
    expect(importedFacts({ kind: 'openr', note: '' }, [])).toEqual({
      tool: 'OpenR',
      fileName: null,
      question: '',
      algorithm: null,
    });
  });

  it('finds a bundled problem by its question, whitespace and case aside', () => {
    const g24 = taskEntry('game24');
    const puzzle = g24.getProblem('g24-001');
    if (!puzzle) throw new Error('no g24-001');
    const text = g24.task.describe(puzzle);
    expect(matchBundledProblem(`  ${text.toUpperCase()} `)).toEqual({
      task: 'game24',
      problemId: 'g24-001',
    });
    const words = taskEntry('word-problems');
    const first = words.problems[0];
    const problem = first && words.getProblem(first.id);
    if (!first || !problem) throw new Error('no word problem');
    expect(matchBundledProblem(words.task.describe(problem).replace(/ /g, '\n  '))).toEqual({
      task: 'word-problems',
      problemId: first.id,
    });
  });

  it('offers nothing for a question Arbor does not have', () => {
    expect(matchBundledProblem('What is the capital of France?')).toBeNull();
    expect(matchBundledProblem('   ')).toBeNull();
  });
});
