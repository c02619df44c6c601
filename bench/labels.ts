/**
 * `npm run bench:labels`: what the cards' words cost at 20,000 nodes, in headless Chromium on
 * the production build. One page, one run, the tree's Labels button switched on and off in
 * turn (on, off, on, off) so both see the same machine load:
 *
 * - panning at the scale "follow" reads at (full cards: step, N and Q on every card in view),
 * - panning zoomed out to the short forms,
 * - seek to a random event and draw (to the second frame after the seek).
 *
 * Issue 10's goal: labels on at most 1.5× labels off. The run is the synthetic 3-ary MCTS of
 * bench/synthetic.ts, loaded as a run file.
 */
import { recordFrames } from './frames';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { createRng } from '../src/core/rng';
import { makeRunFile } from '../src/run/runFile';
import { DEFAULT_SETTINGS } from '../src/run/settings';
import { startPreview } from './previewServer';
import { syntheticRun } from './synthetic';

const PORT = 4181;
const BASE = `http://127.0.0.1:${PORT}`;
const NODES = 20_000;

/** Drags across the tree for about two seconds. */
async function pan(page: Page): Promise<number[]> {
  const box = await page.locator('[data-mode][data-transform]').boundingBox();
  if (!box) throw new Error('no tree');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  return recordFrames(page, async () => {
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 0; i < 120; i++) {
      await page.mouse.move(x + 150 * Math.sin(i / 10), y + 60 * Math.cos(i / 10));
    }
    await page.mouse.up();
  });
}

/** Milliseconds from a seek to the second frame after it, for each target. */
async function seeks(page: Page, targets: number[]): Promise<number[]> {
  const out: number[] = [];
  for (const target of targets) {
    out.push(
      (await page.evaluate(`(async () => {
        const start = performance.now();
        window.arbor.seek(${target});
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - start;
      })()`)) as number,
    );
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

async function setLabels(page: Page, on: boolean): Promise<void> {
  const button = page.getByRole('toolbar', { name: 'Tree view' }).getByRole('button', {
    name: 'Labels',
    exact: true,
  });
  if ((await button.getAttribute('aria-pressed')) !== String(on)) await button.click();
  await page.waitForTimeout(300);
}

async function main(): Promise<void> {
  const server = await startPreview(PORT, 'dist-bench-labels');
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(BASE);
    await page.waitForFunction(() => typeof window.arbor?.state === 'function');
    const events = syntheticRun({ nodes: NODES });
    const file = JSON.stringify(makeRunFile(DEFAULT_SETTINGS, events));
    const result = await page.evaluate((text) => window.arbor.importRun(text), file);
    if (!result.ok) throw new Error(result.error);
    const { nodeCount, eventCount } = await page.evaluate(() => window.arbor.state());
    const mode = await page.locator('[data-mode]').getAttribute('data-mode');
    await page.waitForTimeout(1_000);
    const rng = createRng(5);
    const targets = Array.from({ length: 10 }, () => eventCount - rng.int(eventCount / 4));
    const runs: Record<'on' | 'off', { full: number[]; short: number[]; seek: number[] }> = {
      on: { full: [], short: [], seek: [] },
      off: { full: [], short: [], seek: [] },
    };
    const view = () => page.locator('[data-mode][data-transform]').getAttribute('data-transform');
    for (const round of [0, 1]) {
      for (const labels of ['on', 'off'] as const) {
        await setLabels(page, labels === 'on');
        // The last backprop: following goes to its path at the readable scale.
        await page.evaluate((t) => window.arbor.seek(t), eventCount - 1);
        const follow = page.getByRole('button', { name: 'Follow', exact: true });
        if ((await follow.getAttribute('aria-pressed')) !== 'true') await follow.click();
        await page.waitForTimeout(800);
        const followK = (await view()) ?? '';
        if (process.env.SHOTS)
          await page.screenshot({ path: `${process.env.SHOTS}/labels-${labels}-full.png` });
        runs[labels].full.push(...(await pan(page)));
        // Zoom out to the short forms (about 0.3×).
        const box = await page.locator('[data-mode][data-transform]').boundingBox();
        if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, 450);
        await page.waitForTimeout(500);
        const shortK = (await view()) ?? '';
        if (process.env.SHOTS)
          await page.screenshot({ path: `${process.env.SHOTS}/labels-${labels}-short.png` });
        runs[labels].short.push(...(await pan(page)));
        runs[labels].seek.push(...(await seeks(page, targets)));
        if (round === 0 && labels === 'on')
          console.log(`  (view when following: ${followK}; zoomed out: ${shortK})`);
      }
    }
    console.log(
      `\nLabels on vs off, ${nodeCount.toLocaleString('en-US')} nodes (${mode}), headless Chromium (software rendering), 1366×768:`,
    );
    for (const [name, key] of [
      ['panning, full cards (follow scale)', 'full'],
      ['panning, short forms (zoomed out)', 'short'],
      ['seek and draw', 'seek'],
    ] as const) {
      const on = runs.on[key];
      const off = runs.off[key];
      console.log(
        `  ${name}: on mean ${mean(on).toFixed(1)} ms, p95 ${p95(on).toFixed(1)} ms (${on.length}); off mean ${mean(off).toFixed(1)} ms, p95 ${p95(off).toFixed(1)} ms (${off.length}); ratio ${(mean(on) / mean(off)).toFixed(2)}`,
      );
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

void main();
