import type { TraceEvent } from '../src/core/tree/events';
import { expect, test } from './fixtures';

const PAYLOAD = '<img src=x onerror="window.__pwned=1">';

test('step text full of HTML is shown as text and runs nothing', async ({ arbor, page }) => {
  await arbor.goto();
  await arbor.configure({ search: { algorithm: 'mcts', iterations: 6 } });
  await arbor.runToEnd();
  const file = await arbor.exportRun();
  const events: TraceEvent[] = file.events.map((e) => {
    if (e.type === 'start') return { ...e, rootText: PAYLOAD };
    if (e.type === 'expand')
      return { ...e, children: e.children.map((c) => ({ ...c, text: PAYLOAD })) };
    return e;
  });
  expect(await arbor.importRun({ ...file, events })).toEqual({ ok: true });

  await expect(arbor.summary.getByText(PAYLOAD, { exact: true }).first()).toBeVisible();
  // The whole tree in view (Fit keeps it below the toolbar), then the root's card.
  await page
    .getByRole('toolbar', { name: 'Tree view' })
    .getByRole('button', { name: 'Fit' })
    .click();
  await page.waitForTimeout(600);
  await arbor.nodes().first().locator('rect[data-card="box"]').hover();
  await expect(page.getByRole('tooltip').locator('p').first()).toHaveText(PAYLOAD);
  await page.waitForTimeout(300);
  expect(await page.locator('img').count()).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
});
