import type { Locator } from '@playwright/test';
import { CARD_DY } from '../src/layout/card';
import type { TreePage } from './fixtures-tree';
import { expect, test } from './fixtures-tree';

/** The step texts from the root (exclusive) down to node `id`, as a model's draft names it. */
async function stepsTo(tree: TreePage, id: number): Promise<string[]> {
  const file = await tree.page.evaluate(() => window.arbor.exportRun());
  const nodes = new Map<number, { parent: number; text: string }>();
  for (const e of file.events)
    if (e.type === 'expand')
      for (const c of e.children) nodes.set(c.id, { parent: e.node, text: c.text });
  const steps: string[] = [];
  for (let cur = nodes.get(id); cur; cur = nodes.get(cur.parent)) steps.unshift(cur.text);
  return steps;
}

/** Sets (or clears) the draft a model is writing, through the page's test API. */
async function setDraft(tree: TreePage, draft: { parentSteps: string[]; text: string } | null) {
  await tree.page.evaluate((d) => window.arbor.setDraft(d), draft);
}

/** The ghost: the one drawn thing named "writing…". */
function ghostOf(tree: TreePage): Locator {
  return tree.page.getByRole('img', { name: 'writing…', exact: true });
}

test.beforeEach(async ({ arbor, tree, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await arbor.goto();
  await page.waitForFunction(() => window.arbor.state().status === 'done');
  await tree.settle();
});

test('the step being written is a ghost child of its parent, its text shown literally', async ({
  tree,
  page,
}) => {
  expect(await tree.mode()).toBe('svg');
  const ghost = ghostOf(tree);
  await expect(ghost).toHaveCount(0);
  const places = await tree.nodes().evaluateAll((els) => els.map((el) => el.getAttribute('style')));

  await setDraft(tree, { parentSteps: await stepsTo(tree, 1), text: 'so <b>x</b>' });
  await expect(ghost).toBeVisible();
  await expect(ghost).toHaveAttribute('data-ghost-parent', '1');
  // The label shows the markup as text: no element was made from it.
  await expect(ghost.getByText('so <b>x</b>', { exact: true })).toBeVisible();
  expect(await page.locator('[data-layer="draft"] b').count()).toBe(0);
  // One row below node 1 (rows of cards are CARD_DY apart in layout units).
  const { k } = await tree.transform();
  const parent = await tree.centre(tree.card(1));
  const node = await tree.centre(ghost.locator('[data-ghost="node"]'));
  expect(Math.abs(node.y - parent.y - CARD_DY * k)).toBeLessThan(2);
  // The text streams in; the real nodes stay where they were, and still answer the pointer.
  await setDraft(tree, { parentSteps: await stepsTo(tree, 1), text: 'so <b>x</b> = 4, and then' });
  await expect(ghost.getByText('so <b>x</b> = 4, and then', { exact: true })).toBeVisible();
  expect(
    await tree.nodes().evaluateAll((els) => els.map((el) => el.getAttribute('style'))),
  ).toEqual(places);
  await tree.hover(1);
  await expect(tree.tooltip).toBeVisible();
  await page.mouse.move(5, 5);
  await page.waitForTimeout(450);
  await tree.viewport
    .locator('xpath=ancestor::figure[1]')
    .screenshot({ path: test.info().outputPath('ghost.png') });

  await setDraft(tree, null);
  await expect(ghost).toHaveCount(0);
  await expect(page.locator('[data-layer="draft"]')).toHaveCount(0);
});

test('a first step hangs from the root; an unknown or folded parent shows no ghost', async ({
  tree,
  page,
}) => {
  const ghost = ghostOf(tree);
  await setDraft(tree, { parentSteps: [], text: '' });
  await expect(ghost).toHaveAttribute('data-ghost-parent', '0');
  await expect(ghost.getByText('writing…', { exact: true })).toBeVisible();

  await setDraft(tree, { parentSteps: ['not a step of this tree'], text: 'lost' });
  await expect(ghost).toHaveCount(0);

  // Fold node 1: a draft under it, or under its children, is not drawn.
  const under1 = await stepsTo(tree, 1);
  await tree.click(1);
  const fold = await tree.centre(tree.overlay.locator('[data-fold="fold"]'));
  await page.mouse.click(fold.x, fold.y);
  await expect(tree.node(1)).toHaveAttribute('data-collapsed', 'true');
  await setDraft(tree, { parentSteps: under1, text: 'hidden' });
  await expect(ghost).toHaveCount(0);
  await tree.button('Expand all').click();
  await expect(ghost).toHaveAttribute('data-ghost-parent', '1');
  await setDraft(tree, null);
  await expect(ghost).toHaveCount(0);
});

test('past 1,000 nodes the ghost is drawn over the canvas', async ({ arbor, tree }) => {
  test.setTimeout(60_000);
  await arbor.configure({ search: { algorithm: 'best-of-n', n: 400, maxDepth: 8 } });
  await arbor.runToEnd();
  await expect(tree.viewport).toHaveAttribute('data-mode', 'canvas');
  await tree.button('Fit').click();
  await tree.settle();
  const ghost = ghostOf(tree);
  await setDraft(tree, { parentSteps: [], text: 'a <i>new</i> sample' });
  await expect(ghost).toHaveAttribute('data-ghost-parent', '0');
  await expect(ghost.getByText('a <i>new</i> sample', { exact: true })).toBeAttached();
  const { k } = await tree.transform();
  const root = await tree.screenPoint({ x: 0, y: 0 });
  const node = await tree.centre(ghost.locator('[data-ghost="node"]'));
  expect(Math.abs(node.y - root.y - 80 * k)).toBeLessThan(2);
  await setDraft(tree, null);
  await expect(ghost).toHaveCount(0);
});
