import { CheckpointedTrace } from '../src/core/tree/checkpoints';
import { expect, test } from './fixtures-inspector';

test('the default run marks far fewer backtracks than iterations, each with its reason', async ({
  arbor,
  page,
}, testInfo) => {
  await arbor.goto();
  const file = await arbor.exportRun();
  const lineChanges = file.events.filter((e) => e.type === 'backtrack').length;
  const setbacks = CheckpointedTrace.from(file.events).setbacks;
  // 30 iterations; 23 of them change line, 6 after a line went badly.
  expect(file.events.filter((e) => e.type === 'backprop')).toHaveLength(30);
  expect(lineChanges).toBe(23);
  expect(setbacks).toHaveLength(6);
  await expect(arbor.summaryValue('Backtracks')).toHaveText(
    '6 after a setback · 23 changes of line',
  );
  const view = page.getByTestId('backtrack-view');
  await expect(view.locator('option')).toHaveText([
    'after a setback (6)',
    'every change of line (23)',
  ]);
  await view.selectOption('line-changes');
  await expect(view).toHaveValue('line-changes');

  // The first setback's narration says which line went badly and where the search went.
  await page
    .getByRole('group', { name: 'Jump to' })
    .getByRole('button', { name: 'First backtrack' })
    .click();
  await expect.poll(async () => (await arbor.state()).cursor).toBe((setbacks[0] ?? 0) + 1);
  await expect(arbor.narration).toHaveText(
    /^Iteration \d+ — backtrack to the root: the line under '.+' went badly — '.+' ended in a wrong answer \(.+\), and the value 0 lowered its Q from \d\.\d\d to \d\.\d\d, below '.+' \(Q \d\.\d\d\); so the search went back to the root \(the run's 1st backtrack\)\.$/,
  );
  await page.getByRole('button', { name: 'First wrong answer' }).click();
  const wrong = file.events.findIndex((e) => e.type === 'terminal' && e.kind === 'wrong-answer');
  await expect.poll(async () => (await arbor.state()).cursor).toBe(wrong + 1);
  // The first place the simulated PRM's score and its own truth part ways (0.5 = good).
  await page.getByRole('button', { name: 'First PRM mistake' }).click();
  const mistake = file.events.findIndex(
    (e) =>
      e.type === 'score' &&
      e.evidence.judge === 'simulated-prm' &&
      e.evidence.truth >= 0.5 !== e.score >= 0.5,
  );
  expect(mistake).toBeGreaterThan(0);
  await expect.poll(async () => (await arbor.state()).cursor).toBe(mistake + 1);
  await testInfo.attach('first setback', {
    body: await page.screenshot(),
    contentType: 'image/png',
  });
});
