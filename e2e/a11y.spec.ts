import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** axe-core's violations on the page as it is now: rule id, impact and the first targets. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the visualizer has no axe violations', async ({ arbor, page }) => {
      await arbor.goto();
      await expect(page.locator('html')).toHaveClass(
        colorScheme === 'dark' ? /dark/ : /^(?!.*dark)/,
      );
      expect(await violations(page)).toEqual([]);
      // Mid-run too: the phase strip lit, the narration listing a phase.
      await arbor.runToEnd();
      await page.evaluate(() => window.arbor.seek(6));
      expect(await violations(page)).toEqual([]);
    });

    test('a lesson with a question for the class, and the lesson picker, have no axe violations', async ({
      arbor,
      page,
    }) => {
      await arbor.goto('?lesson=mcts-and-prms&chapter=2&step=2');
      await expect(page.getByTestId('question-prompt')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('2'); // answered: the verdict and the working
      await expect(page.getByTestId('question-verdict')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Lessons' }).click();
      await expect(page.getByRole('dialog', { name: 'Lessons' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('presentation mode has no axe violations', async ({ arbor, page }) => {
      await arbor.goto();
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('p');
      await expect(page.locator('[data-presentation="on"]')).toHaveCount(1);
      expect(await violations(page)).toEqual([]);
    });

    test('the effort lab has no axe violations', async ({ arbor, page }) => {
      await arbor.goto();
      await page.getByRole('tab', { name: 'Effort lab' }).click();
      await expect(page.getByRole('tab', { name: 'Effort lab' })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      expect(await violations(page)).toEqual([]);
      // With results: the plot, the per-problem table and its seed chips.
      const problems = await page.evaluate(() =>
        window.arbor.lab.start({
          problemIds: ['g24-001', 'g24-031'],
          strategies: ['bon-majority', 'beam-min'],
          budgets: [2, 4],
          seeds: [1, 2],
          experiment: { kind: 'budget' },
        }),
      );
      expect(problems).toEqual([]);
      await expect
        .poll(async () => (await page.evaluate(() => window.arbor.lab.state())).status, {
          timeout: 60_000,
        })
        .toBe('done');
      expect(await violations(page)).toEqual([]);
    });
  });
}
