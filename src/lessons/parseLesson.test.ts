import { describe, expect, it } from 'vitest';
import tour from './course/tour.json';
import { parseLesson } from './parseLesson';

/** A small good lesson, as a teacher would write it. */
function lesson(): Record<string, unknown> {
  return {
    format: 'arbor-lesson',
    version: 1,
    id: 'mine',
    title: 'My lesson',
    runs: { a: { settings: 'algo=mcts&iters=4&seed=1' }, f: { file: 'samples/arbor-run.json' } },
    chapters: [
      { id: 'one', title: 'One', steps: [{ run: 'a', say: 'First.' }] },
      {
        id: 'two',
        title: 'Two',
        steps: [
          { run: 'f', at: 'start', say: 'Second.' },
          { run: 'a', at: { iteration: 2, phase: 'select' }, say: 'Third.', highlight: [2] },
        ],
      },
    ],
  };
}

describe('parseLesson', () => {
  it('reads a good file with the defaults filled in (cursor at the end, tree view, no highlight)', () => {
    const r = parseLesson(JSON.stringify(lesson()));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.chapters).toHaveLength(2);
    expect(r.lesson.chapters[0]?.steps[0]).toEqual({
      run: 'a',
      at: 'end',
      say: 'First.',
      highlight: [],
      view: { kind: 'tree' },
    });
    expect(r.lesson.chapters[1]?.steps[1]?.at).toEqual({
      iteration: 2,
      phase: 'select',
      edge: 'after',
    });
  });

  it('reads the bundled tour', () => {
    expect(parseLesson(tour).ok).toBe(true);
  });

  it('refuses text that is not JSON, saying so', () => {
    const r = parseLesson('{"format": "arbor-lesson",');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^\(file\): not JSON/);
  });

  it('names the path of a wrong field', () => {
    const bad = lesson();
    (bad.chapters as { steps: { at: unknown }[] }[])[1]!.steps[1]!.at = {
      iteration: 0,
      phase: 'select',
    };
    const r = parseLesson(bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^chapters\.1\.steps\.1\.at/);
  });

  it('names a step whose run is not in runs, and lists the runs there are', () => {
    const bad = lesson();
    (bad.chapters as { steps: { run: string }[] }[])[0]!.steps[0]!.run = 'missing';
    const r = parseLesson(bad);
    expect(r).toEqual({
      ok: false,
      error: 'chapters.0.steps.0.run: no run "missing" in runs (a, f)',
    });
  });

  it("checks each settings run's query strictly, under its key", () => {
    const bad = lesson();
    bad.runs = { a: { settings: 'algo=mcts&colour=red' }, f: { file: 'samples/arbor-run.json' } };
    expect(parseLesson(bad)).toEqual({
      ok: false,
      error: 'runs.a.settings: "colour" is not a setting a link carries',
    });
  });

  it('keeps HTML in say as the text written (the panel shows it as text)', () => {
    const html = '<img src=x onerror="alert(1)"> <b>bold</b>';
    const good = lesson();
    (good.chapters as { steps: { say: string }[] }[])[0]!.steps[0]!.say = html;
    const r = parseLesson(good);
    expect(r.ok && r.lesson.chapters[0]?.steps[0]?.say).toBe(html);
  });
});
