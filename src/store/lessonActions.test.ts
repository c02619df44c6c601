import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../run/settings';
import { resolveAnchor } from '../lessons/anchor';
import tour from '../lessons/course/tour.json';
import {
  lessonExploring,
  lessonHighlight,
  selectNode,
  seek,
  setSettings,
  setShowAdvantages,
  useArbor,
} from './index';
import { answerQuestion } from './questionActions';
import {
  backToLesson,
  closeLesson,
  goToLessonStep,
  lessonBack,
  lessonNext,
  openLesson,
} from './lessonActions';

const get = useArbor.getState;

/** The cursor the tour's step puts the run at, worked out from the run's own events. */
function cursorOf(chapter: number, step: number): number {
  const at = tour.chapters[chapter]!.steps[step]!.at as Parameters<typeof resolveAnchor>[1];
  const r = resolveAnchor(get().trace.all, at);
  if (!r.ok) throw new Error(r.error);
  return r.cursor;
}

const place = () => ({ chapter: get().lesson?.chapter, step: get().lesson?.step });

beforeEach(() => {
  closeLesson();
  setSettings(DEFAULT_SETTINGS);
  // The bundled run files, as the page's server serves them from public/.
  vi.stubGlobal('fetch', (url: string) =>
    Promise.resolve(new Response(readFileSync(`public/${url.replace(/^\//, '')}`, 'utf8'))),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('the lesson player', () => {
  it("opens a bundled lesson on its first step: the step's run, cursor, node and highlight", async () => {
    expect(await openLesson({ kind: 'bundled', id: 'tour' })).toBe(true);
    const s = get();
    expect(place()).toEqual({ chapter: 0, step: 0 });
    expect(s.settings.search).toMatchObject({ algorithm: 'mcts', iterations: 4 });
    expect(s.complete).toBe(true);
    expect(s.cursor).toBe(1); // `start`: the root alone
    expect(s.selectedId).toBe(0);
    expect(lessonHighlight(s)).toEqual([0]);
    expect(lessonExploring(s)).toBe(false);
  });

  it("steps on within the step's run without making it again, and across the chapter's end", async () => {
    await openLesson({ kind: 'bundled', id: 'tour' });
    const run = get().trace;
    await lessonNext();
    expect(place()).toEqual({ chapter: 0, step: 1 });
    expect(get().trace).toBe(run);
    expect(get().cursor).toBe(cursorOf(0, 1));
    expect(get().selectedId).toBeNull(); // the step names no node to inspect
    expect(lessonHighlight(get())).toEqual([1, 2, 3]);
    await lessonNext();
    await lessonNext();
    expect(get().selectedId).toBe(2);
    await lessonNext(); // the last step of chapter 1 → chapter 2's first, the beam run
    expect(place()).toEqual({ chapter: 1, step: 0 });
    expect(get().settings.search.algorithm).toBe('beam');
    expect(get().cursor).toBe(cursorOf(1, 0));
    await lessonBack(); // back over the chapter boundary: the MCTS run again, its last step
    expect(place()).toEqual({ chapter: 0, step: 3 });
    expect(get().settings.search.algorithm).toBe('mcts');
    expect(get().cursor).toBe(cursorOf(0, 3));
    await lessonBack();
    await lessonBack();
    await lessonBack();
    await lessonBack(); // before the first step: stays
    expect(place()).toEqual({ chapter: 0, step: 0 });
  });

  it("poses a step's question on entering it and closes it on leaving; the answer keeps the lesson followed", async () => {
    // The course's chapter 2, step 2: iteration 2's selection on the paper tree (B is unvisited).
    await openLesson({ kind: 'bundled', id: 'mcts-and-prms' }, { chapter: 1, step: 1 });
    const asked = get().question;
    expect(asked?.key).toBe('1.1');
    expect(asked?.question.kind === 'select' && asked.question.winner).toBe(2);
    expect(answerQuestion({ kind: 'select', id: 2 })).toBe(true);
    expect(get().question?.revealed).toBe(true);
    expect(lessonExploring(get())).toBe(false); // the cursor the answer moved is the step's
    await lessonNext();
    expect(get().question).toBeNull();
    await lessonBack();
    expect(get().question?.answer).toBeNull(); // asked again; the first try is kept
    expect(get().answers['1.1']).toMatchObject({ firstRight: true });
    closeLesson();
    expect(get().question).toBeNull();
  });

  it('shows GRPO advantages only on the steps that ask for them', async () => {
    // The course's chapter 10, step 1 asks for them; the tour never does.
    await openLesson({ kind: 'bundled', id: 'mcts-and-prms' }, { chapter: 9, step: 0 });
    expect(get().lesson?.lesson.chapters[9]?.steps[0]?.advantages).toBe(true);
    expect(get().showAdvantages).toBe(true);
    await openLesson({ kind: 'bundled', id: 'tour' });
    expect(get().showAdvantages).toBe(false);
    setShowAdvantages(true); // the user's own toggle while exploring stays until the next step
    await lessonNext();
    expect(get().showAdvantages).toBe(false);
  });

  it('plays a step over a bundled run file, opened as an imported run is', async () => {
    await openLesson({ kind: 'bundled', id: 'tour' }, { chapter: 1, step: 2 });
    const file = JSON.parse(readFileSync('public/samples/arbor-run.json', 'utf8')) as {
      events: unknown[];
    };
    expect(get().trace.length).toBe(file.events.length);
    expect(get().cursor).toBe(file.events.length); // `end`
    expect(get().lesson?.stepError).toBeNull();
    await lessonNext(); // the lesson's last step: stays
    expect(place()).toEqual({ chapter: 1, step: 2 });
  });

  it('marks a seek, a node click or a settings change as exploring; one press restores the step', async () => {
    await openLesson({ kind: 'bundled', id: 'tour' }, { chapter: 0, step: 3 });
    const run = get().trace;
    seek(3);
    expect(lessonExploring(get())).toBe(true);
    await backToLesson();
    expect(lessonExploring(get())).toBe(false);
    expect(get().cursor).toBe(cursorOf(0, 3));
    selectNode(5);
    expect(lessonExploring(get())).toBe(true);
    await backToLesson();
    expect(get().selectedId).toBe(2);
    setSettings({ ...DEFAULT_SETTINGS, seed: 9 });
    expect(lessonExploring(get())).toBe(true);
    expect(lessonHighlight(get())).toBeNull(); // its ids named the lesson's run's nodes
    await backToLesson();
    expect(get().settings.seed).toBe(1);
    expect(get().trace).not.toBe(run); // made again, the same run
    expect(get().cursor).toBe(cursorOf(0, 3));
    expect(get().selectedId).toBe(2);
    expect(lessonExploring(get())).toBe(false);
  });

  it('opens a lesson link at its place, clamped into the lesson', async () => {
    await openLesson({ kind: 'bundled', id: 'tour' }, { chapter: 1, step: 1 });
    expect(place()).toEqual({ chapter: 1, step: 1 });
    await goToLessonStep({ chapter: 7, step: 9 });
    expect(place()).toEqual({ chapter: 1, step: 2 });
  });

  it('changes nothing when a lesson is malformed, and says where', async () => {
    await openLesson({ kind: 'bundled', id: 'tour' }, { chapter: 0, step: 2 });
    seek(4); // exploring, even
    const before = { ...get() };
    const bad = { ...tour, chapters: [{ ...tour.chapters[0], steps: [{ run: 'mcts' }] }] };
    const text = JSON.stringify(bad);
    expect(await openLesson({ kind: 'file', name: 'bad.json', text })).toBe(false);
    const after = get();
    expect(after.lessonError).toMatch(/^bad\.json: chapters\.0\.steps\.0\.say/);
    expect(after.lesson).toBe(before.lesson);
    expect(after.trace).toBe(before.trace);
    expect(after.cursor).toBe(4);
    expect(after.settings).toBe(before.settings);
    expect(after.selectedId).toBe(before.selectedId);
    expect(await openLesson({ kind: 'file', name: 'x.json', text: '{' })).toBe(false);
    expect(get().lessonError).toMatch(/^x\.json: \(file\): not JSON/);
    expect(await openLesson({ kind: 'bundled', id: 'nope' })).toBe(false);
    expect(get().lessonError).toBe(
      'lesson "nope": no bundled lesson "nope" (there are: mcts-and-prms, tour)',
    );
    expect(get().lesson).toBe(before.lesson);
  });

  it('leaves the run as it is on close; the highlight and the lesson go', async () => {
    await openLesson({ kind: 'bundled', id: 'tour' }, { chapter: 0, step: 1 });
    const { trace, cursor } = get();
    closeLesson();
    expect(get().lesson).toBeNull();
    expect(get().trace).toBe(trace);
    expect(get().cursor).toBe(cursor);
    expect(lessonHighlight(get())).toBeNull();
  });

  it('refuses a link to another site without fetching it', async () => {
    const fetched = vi.fn();
    vi.stubGlobal('fetch', fetched);
    vi.stubGlobal('location', { href: 'http://127.0.0.1:4173/?lesson=x' });
    expect(await openLesson({ kind: 'link', url: 'https://example.org/l.json' })).toBe(false);
    expect(get().lessonError).toMatch(/on another site/);
    expect(fetched).not.toHaveBeenCalled();
  });
});
