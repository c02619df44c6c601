/**
 * `npm run bench:playback`: frame time while playing at the fastest speed (500 events/s),
 * against the idle page in the same run, at about 500, 5,000 and 20,000 nodes, in headless
 * Chromium on the production build. Issue 10's goal: mean frame time ≤ 33 ms at 5,000 and
 * 20,000 nodes. Idle and playing alternate (idle, playing, idle, playing) so both see the
 * same machine load; "events/s" is how many events the cursor actually moved per second, so a
 * loop that kept its frames short by falling behind would show it.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { recordFrames } from './frames';
import { startPreview } from './previewServer';
import { type FrameStats, formatFrames, frameStats, loadRun, syntheticRun } from './synthetic';

const PORT = Number(process.env.BENCH_PORT ?? 4182);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = 2;

const cursor = (page: Page) => page.evaluate(() => window.arbor.state().cursor);

/** Frames while the page sits idle for {@link SECONDS}. */
async function idle(page: Page): Promise<FrameStats> {
  return frameStats(await recordFrames(page, () => page.waitForTimeout(SECONDS * 1000)));
}

/** Frames while playing at 500 events/s for {@link SECONDS}, and the events/s reached. */
async function playing(page: Page): Promise<{ frames: FrameStats; rate: number }> {
  const total = await page.evaluate(() => window.arbor.state().eventCount);
  // Start far enough from the end that the run does not finish while measured.
  await page.evaluate((to) => window.arbor.seek(to), Math.max(0, total - 500 * (SECONDS + 1)));
  await page.getByLabel('Speed', { exact: true }).selectOption('500');
  const from = await cursor(page);
  let elapsed = 0;
  const frames = await recordFrames(page, async () => {
    const start = Date.now();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(SECONDS * 1000);
    await page.getByRole('button', { name: 'Pause' }).click();
    elapsed = (Date.now() - start) / 1000;
  });
  return { frames: frameStats(frames), rate: ((await cursor(page)) - from) / elapsed };
}

async function main(): Promise<void> {
  const server = await startPreview(PORT, 'dist-bench-playback');
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(BASE);
    await page.waitForFunction(() => typeof window.arbor?.state === 'function');
    console.log('\nPlaying at 500 events/s against idle, headless Chromium, 1366×768:');
    for (const target of [500, 5_000, 20_000]) {
      const nodes = await loadRun(page, syntheticRun({ nodes: target }));
      for (let round = 1; round <= 2; round++) {
        const still = await idle(page);
        const play = await playing(page);
        console.log(
          `${String(nodes).padStart(6)} nodes, round ${round} — idle: ${formatFrames(still)}; playing: ${formatFrames(play.frames)}, ${play.rate.toFixed(0)} events/s`,
        );
      }
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

void main();
