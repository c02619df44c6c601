import { expect, test } from './fixtures';

/**
 * The bundled course (issue 11) as a class sees it on a projector: 1280×720 at 150 % zoom,
 * presentation mode, only the keyboard (a clicker's Page Down and the number keys; N and Q
 * typed). Chapter 2 is the hand-worked paper tree: its answers are the paper's.
 */
test.use({ viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 });

test('chapter 2 plays to its end by keyboard in presentation mode, every answer checked', async ({
  arbor,
  page,
}) => {
  await arbor.goto('?lesson=mcts-and-prms&chapter=2&step=1');
  const place = page.getByTestId('lesson-place');
  await expect(place).toContainText('Chapter 2/10');
  await expect(place).toContainText('step 1/8');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  await expect(page.locator('[data-presentation="on"]')).toHaveCount(1);
  const question = page.getByRole('region', { name: 'Question for the class' });
  const verdict = question.getByTestId('question-verdict');
  const next = async (step: number) => {
    await page.keyboard.press('PageDown');
    await expect(place).toContainText(`step ${step}/8`);
  };

  // Step 2: iteration 2's selection. Candidate 2 is B, unvisited: UCB infinite.
  await next(2);
  await expect(question.getByTestId('question-prompt')).toBeInViewport();
  await page.keyboard.press('2');
  await expect(verdict).toContainText('✓ Right');
  await expect(question.getByTestId('question-working')).toContainText('N = 0 → ∞');

  await next(3);
  await expect(question).toHaveCount(0);
  // Step 4: iteration 3's selection, A 0.60 + 1.00 · √(ln 2 / 1) = 1.43 against B's 1.33.
  await next(4);
  await page.keyboard.press('1');
  await expect(verdict).toContainText('✓ Right');
  await expect(question.getByTestId('question-working')).toContainText('= 1.43');

  // Step 5: the backup on A after iteration 3: N 2, W 0.6 + 0.9 = 1.5, Q 3/4, typed in.
  await next(5);
  await question.getByLabel('N (visits)').focus();
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3/4');
  await page.keyboard.press('Enter');
  await expect(verdict).toContainText('✓ Right');
  await expect(question.getByTestId('question-working')).toContainText('1.5');

  // Step 6: iteration 4's selection. B (1.55) beats A (1.49) by exploration.
  await next(6);
  await page.keyboard.press('2');
  await expect(verdict).toContainText('✓ Right');
  await expect(question.getByTestId('question-working')).toContainText('= 1.55');

  await next(7);
  await next(8);
  await expect(page.getByTestId('lesson-say')).toContainText('returns none');
  await expect(page.getByTestId('chapter-score')).toContainText('Score: 4 of 4');
  await expect(page.getByTestId('chapter-score')).toBeInViewport();
  // The run is at its end: R has N 4 on the tree.
  expect((await arbor.state()).rootN).toBe(4);
  // Still on the projector, and the next key goes on to chapter 3.
  await expect(page.locator('[data-presentation="on"]')).toHaveCount(1);
  await page.keyboard.press('PageDown');
  await expect(place).toContainText('Chapter 3/10');
});
