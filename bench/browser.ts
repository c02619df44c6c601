/**
 * `npm run bench` (second half): the visualizer in headless Chromium, on the production build.
 *
 * - Frame time while playing and while panning, at about 500, 5,000 and 20,000 nodes.
 * - Time from a timeline seek to the tree drawn, on a 100k-event run.
 * - Time to import a 100k-event run file and draw it.
 *
 * Game of 24 trees stop growing near 4,500 nodes (few legal moves per state), so the runs are
 * made on the synthetic domain of src/core/testing (a 3-ary tree to depth 12) and loaded as
 * run files, as a user would open a large run.
 */
import { recordFrames } from './frames';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { createRng } from '../src/core/rng';
import { makeRunFile } from '../src/run/runFile';
import { DEFAULT_SETTINGS } from '../src/run/settings';
import { startPreview } from './previewServer';
import type { FrameStats } from './synthetic';
import { frameStats, loadRun as load, syntheticRun } from './synthetic';

const PORT = 4180;
const BASE = `http://127.0.0.1:${PORT}`;

/** Frame times (ms) recorded in the page while `act` runs. */
async function frameTimes(page: Page, act: () => Promise<void>): Promise<FrameStats> {
  return frameStats(await recordFrames(page, act));
}

async function main(): Promise<void> {
  const server = await startPreview(PORT, 'dist-bench');
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(BASE);
    await page.waitForFunction(() => typeof window.arbor?.state === 'function');
    const fmt = (f: { mean: number; p95: number; frames: number }) =>
      `mean ${f.mean.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms (${f.frames} frames)`;

    console.log('\nIn headless Chromium (software rendering), 1366×768:');
    for (const target of [500, 5_000, 20_000]) {
      const nodes = await load(page, syntheticRun({ nodes: target }));
      const total = await page.evaluate(() => window.arbor.state().eventCount);
      // Playing: replay the last 2 seconds' worth of events at the fastest speed.
      await page.evaluate((t) => window.arbor.seek(Math.max(0, t - 1_000)), total);
      const playing = await frameTimes(page, async () => {
        await page
          .getByLabel('Speed', { exact: true })
          .selectOption({ index: 7 })
          .catch(() => undefined);
        await page.getByRole('button', { name: 'Play' }).click();
        await page.waitForTimeout(2_000);
        await page.getByRole('button', { name: 'Pause' }).click();
      });
      // Panning: drag across the tree for about two seconds.
      const box = await page.getByRole('img', { name: /^Search tree/ }).boundingBox();
      const panning = await frameTimes(page, async () => {
        if (!box) return;
        const y = box.y + box.height / 2;
        await page.mouse.move(box.x + box.width / 2, y);
        await page.mouse.down();
        for (let i = 0; i < 120; i++) {
          await page.mouse.move(
            box.x + box.width / 2 + 150 * Math.sin(i / 10),
            y + 60 * Math.cos(i / 10),
          );
        }
        await page.mouse.up();
      });
      console.log(
        `${String(nodes).padStart(6)} nodes — playing at 500 events/s: ${fmt(playing)}; panning: ${fmt(panning)}`,
      );
    }

    const events = syntheticRun({ events: 100_000 });
    // Import and first draw: the file's text is in the page before the clock starts; the
    // clock stops at the second frame after the import (parse, validate, replay, draw).
    const text = JSON.stringify(makeRunFile(DEFAULT_SETTINGS, events));
    const imports: number[] = [];
    for (let i = 0; i < 3; i++) {
      imports.push(
        await page.evaluate(async (fileText) => {
          const start = performance.now();
          const result = await window.arbor.importRun(fileText, 'bench.json');
          if (!result.ok) throw new Error(result.error);
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return performance.now() - start;
        }, text),
      );
    }
    console.log(
      `Import a ${(text.length / 1e6).toFixed(1)} MB run file of ${events.length.toLocaleString('en-US')} events and draw it: ${imports.map((t) => `${t.toFixed(0)} ms`).join(', ')} (3 imports)`,
    );
    const rng = createRng(3);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const target = rng.int(events.length + 1);
      times.push(
        (await page.evaluate(`(async () => {
          const start = performance.now();
          window.arbor.seek(${target});
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return performance.now() - start;
        })()`)) as number,
      );
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.log(
      `Seek to a random event of ${events.length.toLocaleString('en-US')} and draw: mean ${mean.toFixed(0)} ms, worst ${times[times.length - 1]?.toFixed(0)} ms (20 seeks, to the second frame after the seek)`,
    );
  } finally {
    await browser.close();
    server.kill();
  }
}

void main();
