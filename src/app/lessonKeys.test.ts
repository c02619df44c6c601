import { describe, expect, it } from 'vitest';
import type { CheckpointedTrace } from '../core/tree/checkpoints';
import type { OpenLesson } from '../store';
import { actionFor, lessonActionFor } from './useKeyboard';

const trace = {} as CheckpointedTrace;
const lesson = { shown: { trace, cursor: 5, selectedId: null } } as unknown as OpenLesson;
const following = { lesson, trace, cursor: 5, selectedId: null, comparison: null };
const exploring = { ...following, cursor: 9 };
const key = (k: string, shiftKey = false) => ({ key: k, shiftKey });
const acts = (s: Parameters<typeof lessonActionFor>[1], k: string, shift = false) =>
  lessonActionFor(key(k, shift), s) !== null;

describe('the lesson keys', () => {
  it('following the lesson: → ← and a clicker’s Page Down / Page Up move steps; Backspace does nothing', () => {
    for (const k of ['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp'])
      expect(acts(following, k)).toBe(true);
    expect(acts(following, 'Backspace')).toBe(false);
  });

  it('exploring: → ← go back to stepping phases, Page Down / Page Up still move steps, Backspace comes back', () => {
    expect(acts(exploring, 'ArrowRight')).toBe(false);
    expect(actionFor(key('ArrowRight'))).not.toBeNull(); // the page's next phase then
    expect(acts(exploring, 'PageDown')).toBe(true);
    expect(acts(exploring, 'Backspace')).toBe(true);
  });

  it('leaves Shift+→, the other keys, a compare step’s arrows and a page without a lesson to the page', () => {
    expect(acts(following, 'ArrowRight', true)).toBe(false);
    expect(acts(following, ' ')).toBe(false);
    const comparing = { ...following, comparison: {} as never };
    expect(acts(comparing, 'ArrowRight')).toBe(false);
    expect(acts(comparing, 'PageDown')).toBe(true);
    expect(acts({ ...following, lesson: null }, 'PageDown')).toBe(false);
  });
});
