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
});
