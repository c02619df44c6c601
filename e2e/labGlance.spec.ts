import type { Locator, Page } from '@playwright/test';
import type { ArborPage } from './fixtures';
import { expect, test } from './fixtures-lab';

/**
 * The effort lab makes its point at a glance (issue 16): a curve is drawn before anything is
 * pressed (the example computed at first open), the quick demo replaces it, series that
 * coincide are one named entry; two saved runs compare side by side with both trees whole in
 * their panes at 1366×768 (also after panning and Fit), the visualizer's run compares with a
 * saved one; and presentation mode gives the lab's plot the screen in 24 px type.
 */

/** Whether the page scrolls in either direction. */
function scrolls(page: Page): Promise<{ x: boolean; y: boolean }> {
  return page.evaluate(() => ({
    x: document.documentElement.scrollWidth > window.innerWidth,
    y: document.documentElement.scrollHeight > window.innerHeight,
  }));
}

/**
 * The smallest text of the effort plot as drawn, in screen px: each SVG text's font size
 * times the SVG's scale on the page (its width over its viewBox's) times the device ratio.
 */
function smallestPlotText(page: Page): Promise<number> {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>(
      '[data-testid="effort-plot"] svg[role="group"]',
    );
    if (!svg) return 0;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')]
      .filter((t) => (t.textContent ?? '').trim() !== '')
      .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    return Math.min(...sizes) * window.devicePixelRatio;
  });
}

/** The smallest legend text, in screen px. */
function smallestLegendText(page: Page): Promise<number> {
  return page.evaluate(() => {
    const sizes = [...document.querySelectorAll('[data-legend] span')].map((e) =>
      parseFloat(getComputedStyle(e).fontSize),
    );
    return sizes.length === 0 ? 0 : Math.min(...sizes) * window.devicePixelRatio;
  });
}

/** Expects every box of `items` to lie inside `pane`'s box. */
async function allInside(pane: Locator, items: Locator): Promise<number> {
  const outer = await pane.boundingBox();
  expect(outer).not.toBeNull();
  if (!outer) return 0;
  const boxes = await items.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, right: r.right, bottom: r.bottom };
    }),
  );
  for (const b of boxes) {
    expect(b.x).toBeGreaterThanOrEqual(outer.x - 0.5);
    expect(b.y).toBeGreaterThanOrEqual(outer.y - 0.5);
    expect(b.right).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
    expect(b.bottom).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
  }
  return boxes.length;
}

test('the lab shows a curve before Start is pressed, and the quick demo replaces it', async ({
  lab,
  page,
}) => {
  await lab.open();
  // Nothing pressed: the example (the quick demo, computed in the worker) is drawn.
  await expect(lab.points().first()).toBeVisible();
  await expect(page.getByTestId('lab-example')).toBeVisible();
  const example = await lab.state();
  expect(example).toMatchObject({ status: 'done', example: true, done: 144, total: 144 });
  expect(await lab.plot.locator('[data-series] path').count()).toBeGreaterThan(0);

  await lab.setup.getByRole('button', { name: /^Quick demo · 144 runs/ }).click();
  const demo = await lab.finished();
  expect(demo).toMatchObject({ status: 'done', example: false, done: 144, failed: 0 });
  await expect(page.getByTestId('lab-example')).toHaveCount(0);
  await expect(lab.points().first()).toBeVisible();
});

test('series that coincide are drawn once and named together in one legend entry', async ({
  lab,
  page,
}) => {
  await lab.open();
  await expect(lab.points().first()).toBeVisible();
  const legend = page.getByRole('list', { name: 'Series' }).first();
  // Four strategies, three entries: best-of-N's PRM pick and majority vote drew the same runs.
  await expect(legend.getByRole('button')).toHaveCount(3);
  const joint = legend.getByRole('button', { name: /= majority vote on these runs$/ });
  await expect(joint).toHaveCount(1);
  await expect(joint).toContainText('PRM pick');
  const merged = lab.plot.locator('[data-members]');
  await expect(merged).toHaveCount(1);
  expect((await merged.getAttribute('data-members'))?.split(' ')).toHaveLength(2);
  // Pressing the entry hides the one line (both series), pressing again shows it.
  await joint.click();
  await expect(merged).toHaveCount(0);
  await joint.click();
  await expect(merged).toHaveCount(1);
});

test.describe('comparing saved runs at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  async function twoSavedRuns(arbor: ArborPage, page: Page): Promise<Locator> {
    await arbor.goto();
    await arbor.configure({ search: { algorithm: 'mcts', iterations: 8 }, seed: 2 });
    await arbor.runToEnd();
    await arbor.configure({ search: { algorithm: 'mcts', iterations: 30 }, seed: 3 });
    await arbor.runToEnd();
    const library = page.getByRole('region', { name: 'Saved runs' });
    await expect(library.getByRole('listitem')).toHaveCount(2);
    return library;
  }

  test('two ticked runs side by side: both trees whole in their panes, after a pan and Fit too; Esc closes', async ({
    arbor,
    page,
  }) => {
    const library = await twoSavedRuns(arbor, page);
    const compare = library.getByRole('button', { name: /^Compare \d\/2 ticked/ });
    await expect(compare).toBeDisabled();
    const row = (budget: string) => library.getByRole('listitem').filter({ hasText: budget });
    await row('8 iterations')
      .getByRole('checkbox', { name: /^Tick .* to compare$/ })
      .check();
    await expect(compare).toHaveText('Compare 1/2 ticked');
    await row('30 iterations')
      .getByRole('checkbox', { name: /^Tick .* to compare$/ })
      .check();
    await compare.click();

    const dialog = page.getByRole('dialog', { name: 'Compare two runs' });
    await expect(dialog).toBeVisible();
    const left = dialog.getByTestId('compare-left');
    const right = dialog.getByTestId('compare-right');
    await expect(left.getByRole('heading')).toContainText('8 iterations');
    await expect(right.getByRole('heading')).toContainText('30 iterations');
    for (const side of [left, right]) {
      const pane = side.getByTestId(/compare-(left|right)-pane/);
      // The panes themselves are on screen, whole.
      const box = await pane.boundingBox();
      expect(box).not.toBeNull();
      if (box) {
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(768);
        expect(box.height).toBeGreaterThan(300);
      }
      // Drawn as the main tree draws them: labelled cards.
      await expect(side.locator('[data-card="box"]').first()).toBeVisible();
      const nodes = await allInside(pane, side.locator('[data-compare-node]'));
      expect(nodes).toBeGreaterThan(5);
      await allInside(pane, side.locator('[data-stub-parent]'));
    }
    // The smaller tree fits at a scale where its cards still write their steps (the short
    // form, `= 24`, as the main tree far out); the wider one may fit as coloured marks.
    await expect(left.locator('[data-card="short"], [data-card="title"]').first()).toBeVisible();

    // A drag pans the left tree off its fit; Fit brings the whole tree back.
    const pane = left.getByTestId('compare-left-pane');
    const box = await pane.boundingBox();
    if (!box) throw new Error('no pane');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 10, box.y + box.height - 10, { steps: 5 });
    await page.mouse.up();
    const root = left.locator('[data-compare-node="0"]');
    const moved = await root.boundingBox();
    expect(moved && moved.x + moved.width > box.x + box.width - 60).toBe(true);
    await pane.getByRole('button', { name: 'Fit' }).click();
    await expect
      .poll(async () => {
        const r = await root.boundingBox();
        return r !== null && r.x + r.width <= box.x + box.width && r.y >= box.y;
      })
      .toBe(true);
    // The Fit glides (300 ms): every card is inside once it has landed.
    await expect
      .poll(() =>
        allInside(pane, left.locator('[data-compare-node]')).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);

    // Escape clears a selected node first, then closes the comparison.
    await root.click();
    await expect(left.locator('[data-highlighted="true"]')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(left.locator('[data-highlighted="true"]')).toHaveCount(0);
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    // The page's keys are back (and were off meanwhile: the run is where it was).
    expect((await arbor.state()).status).toBe('done');
  });

  test('the visualizer’s run compares with a saved one (“Compare with…”)', async ({
    arbor,
    page,
  }) => {
    const library = await twoSavedRuns(arbor, page);
    await arbor.configure({ search: { algorithm: 'beam' }, seed: 4 });
    await arbor.runToEnd();
    await expect(library.getByRole('listitem')).toHaveCount(3);
    await library.getByRole('button', { name: 'Compare with…' }).click();
    const chooser = library.getByRole('group', { name: 'Compare this run with' });
    const choice = chooser.getByLabel('This run with');
    const label = await choice.locator('option', { hasText: '8 iterations' }).first().textContent();
    await choice.selectOption({ label: label ?? '' });
    await chooser.getByRole('button', { name: 'Compare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare two runs' });
    await expect(dialog.getByTestId('compare-left').getByRole('heading')).toHaveText(
      'This run (in the visualizer)',
    );
    await expect(dialog.getByTestId('compare-left')).toContainText('Beam search');
    await expect(dialog.getByTestId('compare-right')).toContainText('MCTS');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });
});

test.describe('lab presentation mode at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('P gives the plot the screen in 24 px type; leaving restores the page and its scroll', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await expect(lab.points().first()).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 200));
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(0);
    await page.keyboard.press('p');
    await expect(page.locator('[data-presentation="on"]')).toHaveCount(1);
    await expect(lab.setup).toBeHidden();
    await expect(lab.table).toBeHidden();
    expect(await scrolls(page)).toEqual({ x: false, y: false });
    expect(await smallestPlotText(page)).toBeGreaterThanOrEqual(24);
    expect(await smallestLegendText(page)).toBeGreaterThanOrEqual(24);
    const plot = await lab.plot.boundingBox();
    expect(plot).not.toBeNull();
    if (plot) {
      expect(plot.y + plot.height).toBeLessThanOrEqual(720);
      expect(plot.width * plot.height).toBeGreaterThan((1280 * 720) / 2);
    }
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-presentation="off"]')).toHaveCount(1);
    await expect(lab.setup).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`lab presentation mode at 1280×720, 150% zoom, ${colorScheme}`, () => {
    test.use({ viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5, colorScheme });

    test('the plot fills the screen without scrolling, its text at least 24 screen px', async ({
      lab,
      page,
    }, testInfo) => {
      await lab.open();
      await expect(lab.points().first()).toBeVisible();
      await page.getByRole('button', { name: 'Present' }).click();
      await expect(page.getByRole('button', { name: 'Exit presentation' })).toBeVisible();
      expect(await scrolls(page)).toEqual({ x: false, y: false });
      expect(await smallestPlotText(page)).toBeGreaterThanOrEqual(24);
      expect(await smallestLegendText(page)).toBeGreaterThanOrEqual(24);
      await testInfo.attach(`lab presentation ${colorScheme} 150%`, {
        body: await page.screenshot(),
        contentType: 'image/png',
      });
      await page.getByRole('button', { name: 'Exit presentation' }).click();
      await expect(lab.setup).toBeVisible();
    });
  });
}
