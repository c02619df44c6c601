import type { TestInfo } from '@playwright/test';
import type { TraceEvent } from '../src/core/tree/events';
import type { TreePage } from './fixtures-tree';
import { expect, test } from './fixtures-tree';

/** The step text of node `id` in the current run. */
async function stepText(tree: TreePage, id: number): Promise<string> {
  const file = await tree.page.evaluate(() => window.arbor.exportRun());
  for (const e of file.events) {
    if (e.type === 'start' && id === 0) return e.rootText;
    if (e.type === 'expand') for (const c of e.children) if (c.id === id) return c.text;
  }
  throw new Error(`no node ${id}`);
}

/** Attaches a screenshot of the tree (with its toolbar and legend) to the report. */
async function attach(tree: TreePage, info: TestInfo, name: string): Promise<void> {
  await tree.page.waitForTimeout(150);
  const body = await tree.viewport.locator('xpath=ancestor::figure[1]').screenshot();
  await info.attach(name, { body, contentType: 'image/png' });
}

test.beforeEach(async ({ arbor, tree, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await arbor.goto();
  await page.waitForFunction(() => window.arbor.state().status === 'done');
  await tree.settle();
});

test('hovering a node shows its step text and numbers; clicking selects it with a ring', async ({
  tree,
}) => {
  await expect(tree.drawing).toHaveAttribute('aria-label', /^Search tree: \d+ of \d+ nodes shown/);
  expect(await tree.mode()).toBe('svg');
  const text = await stepText(tree, 1);

  await tree.hover(1);
  await expect(tree.tooltip).toBeVisible();
  await expect(tree.tooltip).toContainText(text);
  await expect(tree.tooltip).toContainText(/N \d+ · W [\d.]+ · Q [\d.]+/);
  await tree.page.mouse.move(2, 2);
  await expect(tree.tooltip).toHaveCount(0);

  await expect(tree.selectedRing()).toHaveCount(0);
  await tree.click(1);
  await expect(tree.node(1)).toHaveAttribute('data-selected', 'true');
  await expect(tree.selectedRing()).toBeVisible();
  await expect(tree.focusedItem()).toHaveAttribute('aria-selected', 'true');
  await expect(tree.focusedItem()).toHaveAccessibleName(
    new RegExp(`^Step '${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}', N \\d+, Q [\\d.]+`),
  );
  expect((await tree.page.evaluate(() => window.arbor.state())).selectedId ?? 1).toBe(1);
});

test('the keyboard moves between parent, children and neighbours; Enter selects', async ({
  tree,
  page,
}) => {
  await tree.tree.focus();
  await expect(tree.focusedItem()).toHaveAccessibleName(/^Problem '/);
  await expect(tree.focusedItem()).toHaveAttribute('aria-level', '1');
  await page.keyboard.press('ArrowDown');
  await expect(tree.focusedItem()).toHaveAccessibleName(
    new RegExp(
      `^Step '${(await stepText(tree, 1)).slice(0, 5).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
    ),
  );
  await expect(tree.focusedItem()).toHaveAttribute('aria-level', '2');
  await page.keyboard.press('ArrowRight');
  await expect(tree.focusedItem()).toHaveAttribute('aria-posinset', '2');
  await expect(tree.tooltip).toContainText(await stepText(tree, 2));
  await page.keyboard.press('Enter');
  await expect(tree.node(2)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(tree.focusedItem()).toHaveAccessibleName(/^Problem '/);
  // The arrow keys drove the tree, not the run.
  expect((await page.evaluate(() => window.arbor.state())).status).toBe('done');
});

test('folding a subtree hides its nodes behind a badge; unfolding brings them back', async ({
  tree,
  page,
}) => {
  const all = await tree.nodes().count();
  await tree.click(1);
  const fold = tree.overlay.locator('[data-fold="fold"]');
  await expect(fold).toBeVisible();
  const c = await tree.centre(fold);
  await page.mouse.click(c.x, c.y);
  await expect(tree.node(1)).toHaveAttribute('data-collapsed', 'true');
  const folded = await tree.nodes().count();
  expect(folded).toBeLessThan(all);
  await expect(tree.node(1)).toContainText(`+${all - folded}`);
  await expect(tree.drawing).toHaveAttribute(
    'aria-label',
    new RegExp(`^Search tree: ${folded} of ${all} nodes shown`),
  );

  // The keyboard unfolds it (+), and folds it again (−).
  await tree.tree.focus();
  await page.keyboard.press('+');
  await expect(tree.nodes()).toHaveCount(all);
  await page.keyboard.press('-');
  await expect(tree.nodes()).toHaveCount(folded);
  // A click on the badge unfolds it.
  const badge = await tree.revealCentre(tree.node(1).locator('text', { hasText: /^\+\d+$/ }));
  await page.mouse.click(badge.x, badge.y);
  await expect(tree.nodes()).toHaveCount(all);
  // Double-click folds; Expand all unfolds everything.
  await tree.hover(1);
  const card = await tree.cardCentre(1);
  await tree.page.mouse.dblclick(card.x, card.y);
  await expect(tree.nodes()).toHaveCount(folded);
  await tree.button('Expand all').click();
  await expect(tree.nodes()).toHaveCount(all);
});

test('top-k children leave a "+N more" stub that shows the rest', async ({ arbor, tree, page }) => {
  await arbor.configure({ search: { algorithm: 'best-of-n', n: 8 } });
  await arbor.runToEnd();
  await tree.settle();
  const all = await tree.nodes().count();
  await tree.toolbar.getByLabel('Children').selectOption('3');
  const stub = tree.drawing.locator('g[data-stub-parent="0"]');
  await expect(stub).toHaveText('+5 more');
  expect(await tree.nodes().count()).toBeLessThan(all);
  const s = await tree.revealCentre(stub.locator('rect'));
  await page.mouse.move(s.x, s.y);
  await expect(tree.tooltip).toContainText('5 more children of the problem');
  await page.mouse.click(s.x, s.y);
  await expect(tree.nodes()).toHaveCount(all);
  await expect(stub).toHaveCount(0);
});

test('the wheel zooms and Fit restores the view; a user move stops Follow', async ({
  tree,
  page,
}) => {
  // Following shows the answer's cards at a readable scale; Fit shows the whole tree.
  await expect(tree.button('Follow')).toHaveAttribute('aria-pressed', 'true');
  await tree.button('Fit').click();
  await tree.settle();
  const fitted = await tree.transform();
  await tree.button('Follow').click();
  await tree.settle();
  await expect(tree.button('Follow')).toHaveAttribute('aria-pressed', 'true');
  const box = await tree.viewport.boundingBox();
  if (!box) throw new Error('no tree');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => (await tree.transform()).k).toBeGreaterThan(fitted.k * 1.2);
  await expect(tree.button('Follow')).toHaveAttribute('aria-pressed', 'false');
  await tree.settle(); // the last wheel events have arrived
  await tree.button('Fit').click();
  await tree.settle();
  const back = await tree.transform();
  expect(back.k).toBeCloseTo(fitted.k, 3);
  expect(back.x).toBeCloseTo(fitted.x, 0);
  expect(back.y).toBeCloseTo(fitted.y, 0);
  // The whole tree is too wide to read at once: Fit leaves Follow off, or it would zoom back in.
  await expect(tree.button('Follow')).toHaveAttribute('aria-pressed', 'false');
});

test('exports the tree as SVG (escaped text, no script) and as PNG', async ({ tree }) => {
  const svg = (await tree.export('SVG')).toString('utf8');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toContain((await stepText(tree, 0)).replace(/&/g, '&amp;'));
  expect(svg).toContain('PRM step score 0 → 1');
  expect(svg.toLowerCase()).not.toContain('<script');
  const png = await tree.export('PNG');
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});

test('step text with HTML shows literally in the tooltip and the export, and runs nothing', async ({
  arbor,
  tree,
  page,
}) => {
  const payload = '<img src=x onerror=alert(1)>';
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await arbor.configure({ search: { algorithm: 'mcts', iterations: 6 } });
  await arbor.runToEnd();
  const file = await arbor.exportRun();
  const events: TraceEvent[] = file.events.map((e) =>
    e.type === 'expand' ? { ...e, children: e.children.map((c) => ({ ...c, text: payload })) } : e,
  );
  expect(await arbor.importRun({ ...file, events })).toEqual({ ok: true });
  await tree.settle();
  await tree.hover(1);
  await expect(tree.tooltip.locator('p').first()).toHaveText(payload);
  await tree.click(1);
  expect(await tree.focusedItem().getAttribute('aria-label')).toMatch(
    /^Step '<img src=x onerror=alert\(1\)>', N /,
  );
  const svg = (await tree.export('SVG')).toString('utf8');
  expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(svg).not.toContain(payload);
  await page.waitForTimeout(200);
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('a 5,000-node run is drawn on a canvas and still answers hover, click, zoom and the keyboard', async ({
  arbor,
  tree,
  page,
}) => {
  test.setTimeout(90_000);
  // Game of 24 trees stop near 4,600 nodes (few legal moves per state), so the large run is a
  // best-of-N with 2,000 samples: about 5,700 nodes.
  await arbor.configure({ search: { algorithm: 'best-of-n', n: 2000, maxDepth: 8 } });
  await arbor.runToEnd();
  const { nodeCount } = await arbor.state();
  expect(nodeCount).toBeGreaterThan(5000);
  await expect(tree.drawing).toHaveAttribute(
    'aria-label',
    new RegExp(`^Search tree: ${nodeCount} of ${nodeCount} nodes shown.*canvas`),
  );
  expect(await tree.drawing.evaluate((el) => el.tagName)).toBe('CANVAS');
  await tree.settle();
  // Following, the view went to the answer at a readable scale; Fit shows all 5,000 nodes.
  expect((await tree.transform()).k).toBeGreaterThanOrEqual(0.45);
  await attach(tree, test.info(), 'a 5,700-node run on a canvas, following the answer');
  await tree.button('Fit').click();
  await tree.settle();
  await attach(tree, test.info(), 'a 5,700-node run on a canvas, fitted');

  // The root sits at layout (0, 0).
  const root = await tree.screenPoint({ x: 0, y: 0 });
  await page.mouse.move(root.x, root.y);
  await expect(tree.tooltip).toContainText(await stepText(tree, 0));
  await page.mouse.click(root.x, root.y);
  await expect(tree.selectedRing()).toBeVisible();
  await expect(tree.focusedItem()).toHaveAttribute('aria-selected', 'true');

  // The keyboard reaches a sample; its ring shows where it is drawn; hover and click it there.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(tree.focusedItem()).toHaveAccessibleName(/^Step '/);
  const name = (await tree.focusedItem().getAttribute('aria-label')) ?? '';
  await page.mouse.move(5, 5);
  const before = await tree.transform();
  const ring = await tree.centre(tree.selectedRing().locator('rect').first());
  await page.mouse.move(ring.x, ring.y);
  await page.mouse.wheel(0, -1500);
  await expect.poll(async () => (await tree.transform()).k).toBeGreaterThan(before.k * 4);
  await page.waitForTimeout(300);
  const near = await tree.centre(tree.selectedRing().locator('rect').first());
  await page.mouse.click(5, 5);
  await page.mouse.move(near.x, near.y);
  await expect(tree.tooltip).toContainText(name.slice(6, 16));
  await page.mouse.click(near.x, near.y);
  await expect(tree.focusedItem()).toHaveAttribute('aria-selected', 'true');
  await attach(tree, test.info(), 'a 5,700-node run on a canvas, zoomed in on a sample');
});

test('phase overlays: selection, expansion, rollout, backprop, beam, best-of-N, dark theme', async ({
  arbor,
  tree,
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await arbor.configure({ search: { algorithm: 'mcts', valueMode: 'rollout', iterations: 30 } });
  await arbor.runToEnd();
  const info = test.info();

  const select = await tree.seekTo(
    (e) => e.type === 'select' && e.levels.length >= 2 && e.iteration > 10,
  );
  const overlay = tree.overlay.locator('[data-overlay="select"]');
  await expect(overlay).toBeVisible();
  // Reduced motion: every level's UCB labels at once, the winners starred.
  const file = await arbor.exportRun();
  const ev = file.events[select] as Extract<TraceEvent, { type: 'select' }>;
  const candidates = ev.levels.reduce((n, l) => n + l.candidates.length, 0);
  await expect(overlay.locator('[data-ucb]')).toHaveCount(candidates);
  await expect(overlay.locator('[data-winner]')).toHaveCount(ev.levels.length);
  await expect(overlay.locator('text', { hasText: '★' })).toHaveCount(ev.levels.length);
  await attach(tree, info, 'selection: UCB with its numbers above each candidate, ★ the winner');

  await tree.seekTo((e) => e.type === 'expand' && e.children.length > 0 && e.iteration > 10);
  await expect(tree.overlay.locator('[data-overlay="expand"]')).toContainText(/new step/);
  await attach(tree, info, 'expansion: the new children');

  await tree.seekTo((e) => e.type === 'simulate' && e.steps.length >= 2);
  const sim = tree.overlay.locator('[data-overlay="simulate"]');
  await expect(sim.locator('[data-ghost]')).toHaveCount(await sim.locator('[data-ghost]').count());
  await expect(sim).toContainText(/reward \d\.\d\d/);
  await attach(tree, info, 'simulation: the rollout as ghost steps with its answer and reward');

  await tree.seekTo((e) => e.type === 'backprop' && e.updates.length >= 3);
  await expect(tree.overlay.locator('[data-overlay="backprop"]')).toContainText(
    /N \d+ → \d+Q −?[\d.]+ → −?[\d.]+/,
  );
  await attach(tree, info, 'backpropagation: N and Q updated along the path');

  await arbor.configure({ search: { algorithm: 'beam' } });
  await arbor.runToEnd();
  await tree.seekTo((e) => e.type === 'prune' && e.depth >= 2);
  await expect(tree.overlay.locator('[data-overlay="marks"]')).toContainText(/✗ \d\.\d\d/);
  await attach(tree, info, 'beam search: pruned candidates faded, with their scores');

  await arbor.configure({ search: { algorithm: 'best-of-n', n: 8 } });
  await arbor.runToEnd();
  await expect(tree.overlay).toContainText(/answer 24/);
  await attach(tree, info, "best-of-N: each sample's trajectory score at its leaf");

  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await attach(tree, info, 'dark theme');
});
