import type { Page } from '@playwright/test';
import type { TraceEvent } from '../src/core/tree/events';
import { expect, test } from './fixtures-tree';

/** The run's nodes in reading order (depth first), with their step text, from its events. */
async function nodesInOrder(page: Page): Promise<{ id: number; text: string }[]> {
  const file = await page.evaluate(() => window.arbor.exportRun());
  const events = file.events as TraceEvent[];
  const text = new Map<number, string>();
  const kids = new Map<number, number[]>();
  for (const e of events) {
    if (e.type === 'start') text.set(0, e.rootText);
    if (e.type === 'expand') {
      kids.set(e.node, [...(kids.get(e.node) ?? []), ...e.children.map((c) => c.id)]);
      for (const c of e.children) text.set(c.id, c.text);
    }
  }
  const out: { id: number; text: string }[] = [];
  const stack = [0];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    out.push({ id, text: text.get(id) ?? '' });
    stack.push(...(kids.get(id) ?? []).slice().reverse());
  }
  return out;
}

const terminals = async (page: Page, kind: string) =>
  ((await page.evaluate(() => window.arbor.exportRun())).events as TraceEvent[]).filter(
    (e) => e.type === 'terminal' && e.kind === kind,
  ).length;

test('/ finds step text: k of n, Enter and Shift+Enter centre and inspect, Escape clears', async ({
  arbor,
  tree,
  page,
}) => {
  await arbor.goto();
  await tree.settle();
  const expected = (await nodesInOrder(page)).filter((n) => n.text.includes('= 24'));
  expect(expected.length).toBeGreaterThan(2);
  const field = page.getByLabel('Find step text');
  const count = page.locator('[data-find-count]');

  await page.keyboard.press('/');
  await expect(field).toBeFocused();
  await page.keyboard.type('= 24');
  await expect(count).toHaveText(`${expected.length} matches`);

  await page.keyboard.press('Enter');
  await expect(count).toHaveText(`1 of ${expected.length}`);
  expect((await arbor.state()).selectedId).toBe(expected[0]?.id);
  await tree.settle();
  // Centred: the current match's halo sits at the middle of the view (below the toolbar).
  const halo = tree.overlay.locator('[data-found-current]');
  await expect(halo).toHaveAttribute('data-found', String(expected[0]?.id));
  const view = await tree.viewport.boundingBox();
  const at = await tree.centre(halo);
  if (!view) throw new Error('no view');
  expect(Math.abs(at.x - (view.x + view.width / 2))).toBeLessThan(4);
  expect(Math.abs(at.y - (view.y + 30 + (view.height - 30) / 2))).toBeLessThan(4);
  await expect(page.getByRole('region', { name: /Inspector/ })).toContainText('= 24');

  await page.keyboard.press('Enter');
  await expect(count).toHaveText(`2 of ${expected.length}`);
  expect((await arbor.state()).selectedId).toBe(expected[1]?.id);
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  // Back past the first wraps to the last.
  await expect(count).toHaveText(`${expected.length} of ${expected.length}`);
  expect((await arbor.state()).selectedId).toBe(expected.at(-1)?.id);

  await page.keyboard.press('Escape');
  await expect(field).toHaveValue('');
  await expect(count).toHaveText('');
  await expect(tree.overlay.locator('[data-found]')).toHaveCount(0);
  // The find box let go of the keys: Home goes to the start of the run again.
  await page.keyboard.press('Home');
  expect((await arbor.state()).cursor).toBe(0);
});

test('a backwards PRM range says what is allowed; a range and an outcome find their nodes', async ({
  arbor,
  tree,
  page,
}) => {
  await arbor.goto();
  await tree.settle();
  const prm = page.getByLabel('PRM score range');
  const count = page.locator('[data-find-count]');
  await prm.fill('0.9–0.2');
  await expect(
    page.getByText(
      'PRM range 0.9–0.2 runs backwards: put the lower end first (0.2–0.9); scores lie between 0 and 1.',
    ),
  ).toBeVisible();
  await expect(prm).toHaveAttribute('aria-invalid', 'true');
  await expect(count).toHaveText('');
  await expect(tree.overlay.locator('[data-found]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next match' })).toBeDisabled();

  await prm.fill('1.5');
  await expect(page.getByText(/^PRM scores lie between 0 and 1/)).toBeVisible();

  // Every node scored 0.8 or more: counted from the run's score events.
  const events = (await arbor.exportRun()).events as TraceEvent[];
  const high = new Set(
    events.flatMap((e) => (e.type === 'score' && e.score >= 0.8 ? [e.node] : [])),
  );
  await prm.fill('≥ 0.8');
  await expect(prm).toHaveAttribute('aria-invalid', 'false');
  await expect(count).toHaveText(`${high.size} matches`);

  await prm.fill('');
  const solved = await terminals(page, 'solved');
  await page.getByLabel('Outcome').selectOption('solved');
  await expect(count).toHaveText(solved === 1 ? '1 match' : `${solved} matches`);
  await page.getByRole('button', { name: 'Next match' }).click();
  const id = (await arbor.state()).selectedId;
  await expect(tree.overlay.locator('[data-found-current]')).toHaveAttribute(
    'data-found',
    String(id),
  );
  await expect(tree.card(id ?? -1)).toBeVisible();
});

test('text with HTML is searched as characters and never becomes markup', async ({
  arbor,
  tree,
  page,
}) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await arbor.goto();
  await tree.settle();
  await page.getByLabel('Find step text').fill('<img src=x onerror=alert(1)>');
  await expect(page.locator('[data-find-count]')).toHaveText('no match');
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('on a canvas (over 1,000 nodes) Ctrl+F finds by outcome and haloes the matches', async ({
  arbor,
  tree,
  page,
}) => {
  test.setTimeout(60_000);
  await arbor.goto();
  await arbor.configure({ search: { algorithm: 'best-of-n', n: 400, maxDepth: 8 } });
  await arbor.runToEnd();
  await expect.poll(() => tree.mode()).toBe('canvas');
  const wrong = await terminals(page, 'wrong-answer');
  expect(wrong).toBeGreaterThan(1);
  // After a click on a toolbar button, Ctrl+F still reaches the find box (not the browser's).
  await tree.button('Fit').click();
  await page.keyboard.press('Control+f');
  await expect(page.getByLabel('Find step text')).toBeFocused();
  await page.getByLabel('Outcome').selectOption('wrong-answer');
  await expect(page.locator('[data-find-count]')).toHaveText(`${wrong} matches`);
  await tree.settle();
  // Fitted, every match is in view and haloed.
  await expect(tree.overlay.locator('[data-found]')).toHaveCount(wrong);
  await page.getByLabel('Outcome').press('Enter');
  await expect(page.locator('[data-find-count]')).toHaveText(`1 of ${wrong}`);
  const id = (await arbor.state()).selectedId;
  expect(id).not.toBeNull();
  await expect(tree.overlay.locator('[data-found-current]')).toHaveAttribute(
    'data-found',
    String(id),
  );
  await expect(tree.selectedRing()).toHaveAttribute('data-node-ref', String(id));
});
