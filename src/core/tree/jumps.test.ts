import { describe, expect, it } from 'vitest';
import type { TraceEvent } from './events';
import { JUMPS } from './jumps';

const find = (id: string, events: TraceEvent[], setbacks: number[] = []) =>
  JUMPS.find((j) => j.id === id)?.find({ events, setbacks });

describe('jumps', () => {
  const events: TraceEvent[] = [
    { type: 'start', algorithm: 'mcts', rootText: 'R' },
    { type: 'terminal', node: 0, answer: '24', correct: true, kind: 'solved' },
    { type: 'terminal', node: 0, answer: '', correct: false, kind: 'invalid-step' },
    { type: 'terminal', node: 0, answer: '23', correct: false, kind: 'wrong-answer' },
    { type: 'terminal', node: 0, answer: '22', correct: false, kind: 'wrong-answer' },
  ];

  it('finds the first wrong answer (not an invalid step), or none', () => {
    expect(find('first-wrong-answer', events)).toBe(3);
    expect(find('first-wrong-answer', events.slice(0, 3))).toBeNull();
  });

  it('finds the first setback, not the first change of line', () => {
    expect(find('first-backtrack', events, [7, 9])).toBe(7);
    expect(find('first-backtrack', events, [])).toBeNull();
  });

  it('finds the first score where the simulated PRM and its truth disagree, by hand', () => {
    const score = (node: number, value: number, truth: number): TraceEvent => ({
      type: 'score',
      node,
      score: value,
      evidence: { judge: 'simulated-prm', truth, noise: 0.2 },
      cost: { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 1 },
    });
    const run: TraceEvent[] = [
      { type: 'start', algorithm: 'mcts', rootText: 'R' },
      score(1, 0.9, 1), // agrees: good step rated good
      score(2, 0.1, 0), // agrees: bad step rated bad
      score(3, 0.5, 0), // disagrees: a bad step rated exactly 0.5 counts as rated good
      score(4, 0.2, 1), // disagrees
    ];
    expect(find('first-prm-disagreement', run)).toBe(3);
    expect(find('first-prm-disagreement', run.slice(0, 3))).toBeNull();
    // Another judge's scores say nothing about the truth.
    const rule: TraceEvent = {
      type: 'score',
      node: 1,
      score: 0,
      evidence: { judge: 'rule', valid: true, solvable: true },
      cost: { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 1 },
    };
    expect(find('first-prm-disagreement', [run[0] as TraceEvent, rule])).toBeNull();
  });
});
