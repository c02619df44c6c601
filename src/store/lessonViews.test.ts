import { beforeAll, describe, expect, it } from 'vitest';
import { loadTask } from '../core/tasks/registry';
import type { SelectEvent } from '../core/tree/events';
import { getPreset } from '../lab/presets';
import type { Lesson, LessonStep } from '../lessons/lessonSchema';
import { lessonSchema } from '../lessons/lessonSchema';
import { closeComparison, openComparison, setLabPage, useArbor } from './index';
import { leaveLessonView, showLessonView } from './lessonViews';
import { ended, lab, labOnThisThread } from './testing/labSetup';
import { waitFor } from './testing/waitFor';

const get = useArbor.getState;

const RUN = 'task=game24&puzzle=g24-001&algo=mcts&iters=6&seed=1';

/**
 * A lesson checked by the schema alone (parseLesson would also refuse a bad query: the view
 * must still say what is wrong when handed one). Chapter 0: tree, compare (c = 0.3 against
 * c = 4), compare with a bad run, lab (quick demo).
 */
const lesson: Lesson = lessonSchema.parse({
  format: 'arbor-lesson',
  version: 1,
  id: 'views',
  title: 'Views',
  runs: {
    low: { settings: `${RUN}&c=0.3` },
    high: { settings: `${RUN}&c=4` },
    broken: { settings: `${RUN}&c=101` },
  },
  chapters: [
    {
      id: 'one',
      title: 'One',
      steps: [
        { run: 'low', say: 'The tree.' },
        { run: 'low', say: 'Side by side.', view: { kind: 'compare', with: 'high' } },
        { run: 'low', say: 'Broken.', view: { kind: 'compare', with: 'broken' } },
        { run: 'low', say: 'The lab.', view: { kind: 'lab', preset: 'quick-demo' } },
      ],
    },
  ],
});
const step = (i: number): LessonStep => lesson.chapters[0]!.steps[i]!;
const [TREE, COMPARE, BROKEN, LAB] = [0, 1, 2, 3].map(step) as [
  LessonStep,
  LessonStep,
  LessonStep,
  LessonStep,
];
const always = () => true;

/** The exploration constants the run's select events carry. */
const cs = (events: readonly { type: string }[]) =>
  new Set(events.filter((e): e is SelectEvent => e.type === 'select').map((e) => e.c));

const someRun = { title: 'mine', events: [], task: 'game24' as const };

labOnThisThread();
beforeAll(() => loadTask('game24'));

describe('showLessonView', () => {
  it('compare: the step’s run on the left, the `with` run on the right, titled by their c', async () => {
    leaveLessonView();
    expect(await showLessonView(lesson, COMPARE, always)).toBeNull();
    const shown = get().comparison;
    expect(shown?.left.title).toBe('c = 0.3');
    expect(shown?.right.title).toBe('c = 4');
    expect(shown?.left.task).toBe('game24');
    // Two whole runs (start to done), each searched with its own c.
    for (const side of [shown!.left, shown!.right]) {
      expect(side.events[0]?.type).toBe('start');
      expect(side.events.at(-1)?.type).toBe('done');
    }
    expect(cs(shown!.left.events)).toEqual(new Set([0.3]));
    expect(cs(shown!.right.events)).toEqual(new Set([4]));
    // The tree step after it closes the comparison the lesson opened.
    expect(await showLessonView(lesson, TREE, always)).toBeNull();
    expect(get().comparison).toBeNull();
  });

  it('compare: a `with` run whose query is bad gives the error and opens nothing', async () => {
    leaveLessonView();
    const error = await showLessonView(lesson, BROKEN, always);
    expect(error).toMatch(/^view\.with: the run "broken": "c=101" is not allowed/);
    expect(get().comparison).toBeNull();
    // After a good compare step, the bad one takes the lesson's comparison away too.
    await showLessonView(lesson, COMPARE, always);
    expect(await showLessonView(lesson, BROKEN, always)).not.toBeNull();
    expect(get().comparison).toBeNull();
  });

  it('compare: nothing opens when the step stops being current while the runs are computed', async () => {
    leaveLessonView();
    let current = true;
    const shown = showLessonView(lesson, COMPARE, () => current);
    current = false; // the class pressed Next
    expect(await shown).toBeNull();
    expect(get().comparison).toBeNull();
  });

  it('leaves a comparison the user opened: a tree step and leaving the lesson close only the lesson’s', async () => {
    leaveLessonView();
    openComparison(someRun, { ...someRun, title: 'theirs' });
    const users = get().comparison;
    await showLessonView(lesson, TREE, always);
    leaveLessonView();
    expect(get().comparison).toBe(users);
    closeComparison();
    await showLessonView(lesson, COMPARE, always);
    leaveLessonView();
    expect(get().comparison).toBeNull();
  });

  it('lab: runs the preset on the visualizer’s task once; Back and Next only show it again', async () => {
    leaveLessonView();
    expect(await showLessonView(lesson, LAB, always)).toBeNull();
    expect(lab().page).toBe('lab');
    const grid = lab().grid;
    expect(grid?.spec).toMatchObject(getPreset('quick-demo').spec('game24'));
    await waitFor(ended);
    expect(lab().grid?.status).toBe('done');
    const finished = lab().grid;
    // Back to the tree: the visualizer again, the grid kept.
    expect(await showLessonView(lesson, TREE, always)).toBeNull();
    expect(lab().page).toBe('visualizer');
    // Next onto the lab step again: the same finished grid, not a new run.
    expect(await showLessonView(lesson, LAB, always)).toBeNull();
    expect(lab().page).toBe('lab');
    expect(lab().grid).toBe(finished);
    leaveLessonView();
    expect(lab().page).toBe('visualizer');
  });

  it('lab: a grid of another preset is replaced; a lab page the user put up stays', async () => {
    leaveLessonView();
    setLabPage('lab');
    const { startLabPreset } = await import('./labActions');
    expect(startLabPreset('prm-quality')).toEqual([]);
    const other = lab().grid;
    await showLessonView(lesson, LAB, always);
    expect(lab().grid).not.toBe(other);
    expect(lab().grid?.spec.experiment).toEqual({ kind: 'budget' });
    leaveLessonView();
    expect(lab().page).toBe('lab'); // the user's, not the lesson's
  });
});
