import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Screen pixels of the smallest of the given elements' font sizes (CSS px × device ratio). */
async function smallestScreenPx(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const sizes = [...document.querySelectorAll(sel)]
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => parseFloat(getComputedStyle(e).fontSize));
    return Math.min(...sizes) * window.devicePixelRatio;
  }, selector);
}

/** Whether the page scrolls in either direction. */
function scrolls(page: Page): Promise<{ x: boolean; y: boolean }> {
  return page.evaluate(() => ({
    x: document.documentElement.scrollWidth > window.innerWidth,
    y: document.documentElement.scrollHeight > window.innerHeight,
  }));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`1280×720 at 150% zoom, ${colorScheme} theme`, () => {
    test.use({ viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5, colorScheme });

    test('presentation mode gives the tree, strip and narration the screen in large type', async ({
      arbor,
      page,
    }, testInfo) => {
      await arbor.goto();
      const settings = page.getByRole('complementary', { name: 'Settings' });
      await expect(settings).toBeVisible();
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Home');
      await page.keyboard.press('p');
      await expect(page.locator('[data-presentation="on"]')).toHaveCount(1);
      await expect(settings).toBeHidden();
      await expect(page.getByRole('complementary', { name: 'Run details' })).toBeHidden();
      await expect(page.getByRole('slider', { name: 'Timeline' })).toBeHidden();
      for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight'); // into iteration 2

      expect(await scrolls(page)).toEqual({ x: false, y: false });
      expect(await smallestScreenPx(page, '.narration-text')).toBeGreaterThanOrEqual(24);
      expect(
        await smallestScreenPx(page, '.phase-strip span, .phase-strip li > span'),
      ).toBeGreaterThanOrEqual(24);
      // The tree's frame is on screen, whole, and at least a quarter of the screen (its legend,
      // below it, is the tree's own).
      const frame = page.locator('section[aria-label="Search tree"] figure > div').first();
      const box = await frame.boundingBox();
      expect(box).not.toBeNull();
      if (box) {
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(480);
        expect(box.width * box.height).toBeGreaterThan((853 * 480) / 4);
      }
      await expect(page.getByRole('button', { name: 'Exit presentation' })).toBeVisible();
      await testInfo.attach(`presentation ${colorScheme} 150%`, {
        body: await page.screenshot(),
        contentType: 'image/png',
      });

      await page.keyboard.press('Escape');
      await expect(page.locator('[data-presentation="off"]')).toHaveCount(1);
      await expect(settings).toBeVisible();
    });
  });
}

test.describe('1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('presentation mode at 100% zoom: 24 px type, no scrolling; leaving restores the scroll', async ({
    arbor,
    page,
  }, testInfo) => {
    await arbor.goto();
    await page.setViewportSize({ width: 1366, height: 600 });
    await page.evaluate(() => window.scrollTo(0, 250));
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(0);
    // The key, not the header's button: clicking it would scroll the page to the header first.
    await page.keyboard.press('p');
    await expect(page.getByRole('button', { name: 'Exit presentation' })).toBeVisible();
    expect(await scrolls(page)).toEqual({ x: false, y: false });
    await page.setViewportSize({ width: 1920, height: 1080 });
    expect(await scrolls(page)).toEqual({ x: false, y: false });
    expect(await smallestScreenPx(page, '.narration-text')).toBeGreaterThanOrEqual(24);
    await testInfo.attach('presentation 1920×1080', {
      body: await page.screenshot(),
      contentType: 'image/png',
    });
    await page.setViewportSize({ width: 1366, height: 600 });
    await page.getByRole('button', { name: 'Exit presentation' }).click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
  });
});

for (const zoom of [1.25, 1.5]) {
  test.describe(`1366×768 at ${zoom * 100}% zoom`, () => {
    test.use({
      viewport: { width: Math.round(1366 / zoom), height: Math.round(768 / zoom) },
      deviceScaleFactor: zoom,
    });

    test('stepping keeps the tree in view', async ({ arbor, page }, testInfo) => {
      await arbor.goto();
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Home');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      const frame = page.locator('section[aria-label="Search tree"] figure > div').first();
      const box = await frame.boundingBox();
      const height = Math.round(768 / zoom);
      expect(box).not.toBeNull();
      if (box) {
        const shown = Math.min(box.y + box.height, height) - Math.max(box.y, 0);
        expect(shown).toBeGreaterThan(Math.min(box.height, height) / 2);
      }
      await testInfo.attach(`stepping at 1366×768, ${zoom * 100}%`, {
        body: await page.screenshot(),
        contentType: 'image/png',
      });
    });
  });
}
