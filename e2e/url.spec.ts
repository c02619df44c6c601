import { expect, test } from './fixtures';

test('settings in the URL show in the pickers', async ({ arbor }) => {
  await arbor.goto('?puzzle=g24-042&seed=77&algo=beam&width=4&agg=mean');
  await expect(arbor.puzzle).toHaveValue('g24-042');
  await expect(arbor.seed).toHaveValue('77');
  await expect(arbor.algorithm).toHaveValue('beam');
  await expect(arbor.field('Beam width')).toHaveValue('4');
  await expect(arbor.field('Score aggregation')).toHaveValue('mean');
});

test('changing a setting updates the URL; bad values fall back to defaults', async ({
  arbor,
  page,
}) => {
  await arbor.goto('?seed=abc&algo=dfs&puzzle=nope');
  await expect(arbor.seed).toHaveValue('1');
  await expect(arbor.algorithm).toHaveValue('mcts');
  await expect(arbor.puzzle).toHaveValue('g24-001');

  await arbor.puzzle.selectOption('g24-003');
  await arbor.seed.fill('12');
  await expect(page).toHaveURL(/[?&]puzzle=g24-003(&|$)/);
  await expect(page).toHaveURL(/[?&]seed=12(&|$)/);
  await page.reload();
  await expect(arbor.puzzle).toHaveValue('g24-003');
  await expect(arbor.seed).toHaveValue('12');
});

test('a link points at an event and a node: it opens there, and stepping keeps it true', async ({
  arbor,
  page,
}) => {
  await arbor.goto('?seed=3&event=40&node=2');
  await expect.poll(async () => (await arbor.state()).cursor).toBe(40);
  await expect(
    page.getByRole('region', { name: 'Inspector' }).getByText('node 2', { exact: true }),
  ).toBeVisible();
  await expect(page).toHaveURL(/[?&]event=40&node=2$/);
  // Moving on rewrites the link; at the run's end it names no event.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page).toHaveURL(/[?&]event=41&node=2$/);
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/[?&]seed=3&[^]*node=2$/);
  await expect(page).not.toHaveURL(/[?&]event=/);
});
