import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Lessons (issue 11): a lesson link at a step, a malformed lesson file, questions for the class
 * answered on the tree. The course's own chapter 2 is played by keys in lessonCourse.spec.ts.
 */

/** A teacher's lesson on the paper tree (public/lessons/runs/paper-mcts.json, c = 1). */
const PAPER_LESSON = {
  format: 'arbor-lesson',
  version: 1,
  id: 'paper-questions',
  title: 'Questions on the paper tree',
  runs: { paper: { file: 'lessons/runs/paper-mcts.json' } },
  chapters: [
    {
      id: 'predict',
      title: 'Predict the selection',
      steps: [
        {
          run: 'paper',
          at: { iteration: 3, phase: 'select', edge: 'before' },
          say: 'A and B have each been visited once. Which child does UCT pick?',
          question: { kind: 'select', level: 0 },
        },
        {
          run: 'paper',
          at: { iteration: 4, phase: 'select', edge: 'before' },
          say: 'Now A has N = 2 and Q = 0.75. Which child does UCT pick?',
          question: { kind: 'select', level: 0 },
        },
      ],
    },
  ],
};

/** Opens the lesson picker and gives it a file. */
async function openLessonFile(page: Page, name: string, text: string): Promise<void> {
  const picker = page.getByRole('dialog', { name: 'Lessons' });
  if (!(await picker.isVisible())) await page.getByRole('button', { name: 'Lessons' }).click();
  await expect(picker).toBeVisible();
  await picker
    .getByLabel('Open a lesson file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const place = (page: Page) => page.getByTestId('lesson-place');

test('a lesson link opens at its chapter and step, and the link follows the lesson', async ({
  arbor,
  page,
}) => {
  await arbor.goto('?lesson=tour&chapter=2&step=1');
  await expect(place(page)).toHaveText(/^Chapter 2\/2\s*Other searches · step 1\/\d+$/);
  await expect(page.getByTestId('lesson-say')).toContainText(/beam/i);
  await expect.poll(() => new URL(page.url()).search).toBe('?lesson=tour&chapter=2&step=1');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowLeft'); // back across the chapter's start
  await expect(place(page)).toHaveText(/^Chapter 1\/2\s*One MCTS iteration · step 4\/4$/);
  await expect.poll(() => new URL(page.url()).search).toBe('?lesson=tour&chapter=1&step=4');
  // The step's own run: the tour's chapter 1 is a 4-iteration MCTS.
  await expect(arbor.algorithm).toHaveValue('mcts');
  await expect(arbor.field('Iterations')).toHaveValue('4');
});

test('exploring leaves the lesson one key away: Backspace puts the step back', async ({
  arbor,
  page,
}) => {
  await arbor.goto('?lesson=tour&chapter=1&step=2');
  await expect(place(page)).toContainText('step 2/4');
  const cursor = (await arbor.state()).cursor;
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+ArrowRight'); // one event on: exploring
  await expect(page.getByRole('button', { name: '↩ Back to the lesson' })).toBeVisible();
  await page.keyboard.press('ArrowRight'); // while exploring → steps phases, not the lesson
  await expect(place(page)).toContainText('step 2/4');
  expect((await arbor.state()).cursor).toBeGreaterThan(cursor + 1);
  await page.keyboard.press('Backspace');
  await expect(page.getByRole('button', { name: '↩ Back to the lesson' })).toBeHidden();
  expect((await arbor.state()).cursor).toBe(cursor);
  await page.keyboard.press('PageDown'); // a clicker
  await expect(place(page)).toContainText('step 3/4');
});

test('a malformed lesson file names the field and changes nothing', async ({ arbor, page }) => {
  await arbor.goto('?seed=3');
  const before = await arbor.state();
  const link = page.url();
  const bad = structuredClone(PAPER_LESSON);
  (bad.chapters[0]!.steps[1]!.at as { iteration: number }).iteration = 0;
  await openLessonFile(page, 'bad.json', JSON.stringify(bad));
  const error = page.getByTestId('lesson-error');
  await expect(error).toContainText('Nothing on the page changed');
  await expect(error).toContainText('bad.json');
  await expect(error).toContainText('chapters.0.steps.1.at');
  await openLessonFile(page, 'not-json.json', '{"format": "arbor-lesson",');
  await expect(error).toContainText('not-json.json');
  expect(await arbor.state()).toEqual(before);
  expect(page.url()).toBe(link);
  await expect(arbor.seed).toHaveValue('3');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
});

test('predict the selection: one answer right on the tree, one wrong by key, with every candidate’s arithmetic', async ({
  arbor,
  page,
}) => {
  await arbor.goto();
  await openLessonFile(page, 'paper.json', JSON.stringify(PAPER_LESSON));
  await expect(place(page)).toContainText('Predict the selection · step 1/2');
  const question = page.getByRole('region', { name: 'Question for the class' });
  await expect(question.getByTestId('question-prompt')).toBeVisible();
  const cursor = (await arbor.state()).cursor;
  // Right, picked on the tree: A (node 1), 0.60 + 1.00·√(ln 2 / 1) = 1.43 beats B's 1.33.
  await arbor.nodes().and(page.locator('[data-node-id="1"]')).click();
  await expect(question.getByTestId('question-verdict')).toContainText('✓ Right');
  const working = question.getByTestId('question-working');
  await expect(working).toContainText('0.60 + 1.00 · √(ln 2 / 1) = 1.43');
  await expect(working).toContainText('0.50 + 1.00 · √(ln 2 / 1) = 1.33');
  await expect(working.locator('[data-winner="true"]')).toContainText('A');
  // The tree shows what happened: the cursor moved past the select.
  expect((await arbor.state()).cursor).toBe(cursor + 1);

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight'); // the next step (the answer is shown: following)
  await expect(place(page)).toContainText('step 2/2');
  await expect(question.getByTestId('question-verdict')).toHaveCount(0);
  // Wrong, by key: candidate 1 is A, but B's exploration term wins this time.
  await page.keyboard.press('1');
  await expect(question.getByTestId('question-verdict')).toContainText('✗ Not this time');
  await expect(question.getByTestId('question-expected')).toContainText('B');
  await expect(working).toContainText('0.75 + 1.00 · √(ln 3 / 2) = 1.49');
  await expect(working).toContainText('0.50 + 1.00 · √(ln 3 / 1) = 1.55');
  await expect(page.getByTestId('chapter-score')).toContainText('Score: 1 of 2');
});

test('class mode holds the verdict until the teacher reveals it', async ({ arbor, page }) => {
  await arbor.goto();
  await openLessonFile(page, 'paper.json', JSON.stringify(PAPER_LESSON));
  const question = page.getByRole('region', { name: 'Question for the class' });
  await question.getByLabel(/Class mode/).check();
  const cursor = (await arbor.state()).cursor;
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('1'); // A
  await expect(question).toContainText('The verdict waits for Reveal');
  await expect(question.getByTestId('question-verdict')).toHaveCount(0);
  expect((await arbor.state()).cursor).toBe(cursor);
  await question.getByRole('button', { name: 'Reveal' }).click();
  await expect(question.getByTestId('question-verdict')).toContainText('✓ Right');
  expect((await arbor.state()).cursor).toBe(cursor + 1);
});
