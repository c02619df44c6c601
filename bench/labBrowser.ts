/**
 * `npm run bench:lab` (second half): the page's frame times while the effort lab runs a grid
 * in its Web Worker, against the same page idle — headless Chromium, the production build
 * served by `vite preview`. The grid is bench/lab.ts's (100 puzzles × 3 strategies × budgets
 * 2 / 8 / 32, 900 runs on the simulated engine), started with `window.arbor.lab.start` on the
 * lab page, whose results fill in batch by batch as a user would watch them.
 *
 * Frame time = the interval between requestAnimationFrame callbacks (16.7 ms at 60 Hz when
 * nothing blocks the main thread).
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { labBenchSpec } from './lab';
import { startPreview } from './previewServer';

const PORT = 4183;
const BASE = `http://127.0.0.1:${PORT}`;
const DIST = process.argv[2] ?? 'dist-bench-lab';
/** Optional CPU slowdown of the page (Chrome's CPU throttling; 4 = a slow laptop's main thread). */
const SLOWDOWN = Number(process.argv[3] ?? 1);
/** Optional seeds (default 1): more seeds make a bigger grid (900 runs per seed). */
const SEEDS = Number(process.argv[4] ?? 1);
const IDLE_MS = 4000;

// In-page code is a string: tsx would wrap a function's inner names in a helper that the
// page does not have.
const START_FRAMES = `(() => {
  window.__frames = [];
  window.__long = [];
  window.__stop = false;
  window.__observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push(e.duration);
  });
  window.__observer.observe({ type: 'longtask' });
  let last = performance.now();
  const tick = (t) => {
    window.__frames.push(t - last);
    last = t;
    if (!window.__stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const STOP_FRAMES = `(() => {
  window.__stop = true;
  window.__observer.disconnect();
  return { frames: window.__frames.slice(1), long: window.__long };
})()`;

interface Frames {
  mean: number;
  p95: number;
  max: number;
  frames: number;
  /** Main-thread tasks over 50 ms (the Long Tasks API): how many, and their total time. */
  longTasks: number;
  longMs: number;
}

function stats(frames: number[], long: number[]): Frames {
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    mean: frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length),
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
    max: sorted.at(-1) ?? 0,
    frames: frames.length,
    longTasks: long.length,
    longMs: long.reduce((a, b) => a + b, 0),
  };
}

async function frameTimes(page: Page, act: () => Promise<void>): Promise<Frames> {
  await page.evaluate(START_FRAMES);
  await act();
  const { frames, long } = (await page.evaluate(STOP_FRAMES)) as {
    frames: number[];
    long: number[];
  };
  return stats(frames, long);
}

function show(f: Frames): string {
  return (
    `mean ${f.mean.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, max ${f.max.toFixed(0)} ms ` +
    `(${f.frames} frames; ${f.longTasks} long tasks, ${f.longMs.toFixed(0)} ms)`
  );
}

/** Runs the benchmark grid on the page shown; its wall time, runs, and where it ran. */
async function runGrid(page: Page): Promise<{ wall: number; runs: number; where: string }> {
  const spec = { ...labBenchSpec(), seeds: Array.from({ length: SEEDS }, (_, i) => i + 1) };
  const problems = await page.evaluate((s) => window.arbor.lab.start(s), spec);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const t = Date.now();
  await page.waitForFunction(() => window.arbor.lab.state().status !== 'running', null, {
    timeout: 600_000,
    polling: 250,
  });
  const wall = Date.now() - t;
  const s = await page.evaluate(() => window.arbor.lab.state());
  if (s.status !== 'done') throw new Error(`the grid ended ${s.status}`);
  const inWorker = await page.evaluate(() =>
    performance.getEntriesByType('resource').some((e) => /labWorker/.test(e.name)),
  );
  return { wall, runs: s.done, where: inWorker ? 'in the lab worker' : 'NOT in a worker' };
}

async function main(): Promise<void> {
  const server = await startPreview(PORT, DIST);
  const browser = await chromium.launch(chromiumLaunchOptions()).catch((error: unknown) => {
    server.kill();
    throw error;
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    if (SLOWDOWN > 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
    }
    await page.goto(BASE);
    await page.waitForFunction(() => typeof window.arbor?.lab?.start === 'function');
    await page.evaluate(() => window.arbor.lab.setPage('lab'));
    await page.waitForTimeout(500);

    const idle = await frameTimes(page, () => page.waitForTimeout(IDLE_MS));
    let grid = { wall: 0, runs: 0, where: '' };
    const busy = await frameTimes(page, async () => {
      grid = await runGrid(page);
    });
    // The same grid with the visualizer shown: the worker and the store alone, no lab UI.
    await page.evaluate(() => window.arbor.lab.setPage('visualizer'));
    await page.waitForTimeout(500);
    let hidden = { wall: 0, runs: 0, where: '' };
    const behind = await frameTimes(page, async () => {
      hidden = await runGrid(page);
    });
    await page.evaluate(() => window.arbor.lab.setPage('lab'));
    await page.waitForTimeout(500);
    const idleAfter = await frameTimes(page, () => page.waitForTimeout(IDLE_MS));

    const rate = (g: { wall: number; runs: number }) =>
      `${(g.wall / 1000).toFixed(1)} s, ${(g.runs / (g.wall / 1000)).toFixed(0)} runs/s`;
    console.log(
      `Effort lab in headless Chromium (production build${SLOWDOWN > 1 ? `, page CPU slowed ×${SLOWDOWN}` : ''}): ` +
        `${grid.runs} runs ${grid.where}\n` +
        `  lab page, idle:                 ${show(idle)}\n` +
        `  lab page, grid running:         ${show(busy)} — grid ${rate(grid)}\n` +
        `  visualizer page, grid running:  ${show(behind)} — grid ${rate(hidden)}\n` +
        `  lab page, idle again:           ${show(idleAfter)}\n` +
        `  ratio lab page running / idle:  mean ×${(busy.mean / idle.mean).toFixed(2)}, ` +
        `p95 ×${(busy.p95 / idle.p95).toFixed(2)}`,
    );
  } finally {
    await browser.close();
    server.kill();
  }
}

void main();
