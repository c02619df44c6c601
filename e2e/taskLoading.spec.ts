import { expect, test } from './fixtures';

// Only the first task (Game of 24) is in the first paint; the word problems load when first
// needed (core/tasks/registry.ts). Both ways in must show them as if they had always been there.

test('a link to a word problem opens it, finished, though its task is not in the first paint', async ({
  arbor,
  page,
}) => {
  await arbor.goto('?task=word-problems&puzzle=wp-003');
  await expect(arbor.field('Task')).toHaveValue('word-problems');
  await expect(arbor.field('Word problem')).toHaveValue('wp-003');
  await expect(arbor.summaryValue('Word problem')).toContainText('A library shelf holds 34 books');
  await expect(arbor.summaryValue('Status')).toHaveText('Done');
  await expect(arbor.tree).toBeVisible();
  const state = await arbor.state();
  expect(state.status).toBe('done');
  expect(state.rootN).toBe(30);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('choosing word problems in the Task list shows the first one; going back shows the puzzle', async ({
  arbor,
}) => {
  await arbor.goto();
  await arbor.field('Task').selectOption({ label: 'Math word problems' });
  await expect(arbor.field('Word problem')).toHaveValue('wp-001');
  await expect(arbor.summaryValue('Word problem')).toContainText('A baker puts 6 muffins');
  await arbor.runToEnd();
  await expect(arbor.summaryValue('Status')).toHaveText('Done');
  expect((await arbor.state()).rootN).toBe(30);
  await arbor.field('Task').selectOption({ label: 'Game of 24' });
  await expect(arbor.field('Puzzle')).toHaveValue('g24-001');
});
