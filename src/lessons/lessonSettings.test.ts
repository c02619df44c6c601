import { describe, expect, it } from 'vitest';
import { lessonSettings } from './lessonSettings';

describe('lessonSettings', () => {
  it('reads a link query into the settings it names', () => {
    const r = lessonSettings('task=game24&puzzle=g24-001&algo=mcts&c=0.3&seed=7');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.seed).toBe(7);
    expect(r.settings.search).toMatchObject({ algorithm: 'mcts', c: 0.3 });
  });

  it('refuses an unknown key, a value out of range and an unknown puzzle, saying which', () => {
    expect(lessonSettings('algo=mcts&colour=red')).toEqual({
      ok: false,
      error: '"colour" is not a setting a link carries',
    });
    const far = lessonSettings('algo=mcts&c=101');
    expect(far.ok).toBe(false);
    expect(!far.ok && far.error).toMatch(/^"c=101" is not allowed/);
    expect(lessonSettings('puzzle=nope').ok).toBe(false);
  });

  it('refuses a setting of another algorithm', () => {
    const r = lessonSettings('algo=best-of-n&c=1');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/"c" does not apply/);
  });
});
