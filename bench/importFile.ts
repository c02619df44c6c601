/**
 * `npm run bench:import`: opening a 100,000-event run file (75 MB) in headless Chromium on the
 * production build, two ways. "Worker" is what the file picker and a drop do (issue 14): the
 * file (a Blob in the page before the clock starts) is read, parsed and checked in the import
 * worker, and replayed on the page in slices. "Page" is the older path, all of it on the
 * page's thread (`window.arbor.importRun(text)`, which the library and tests still use). The
 * clock stops at the second frame after the run shows. Meanwhile a requestAnimationFrame loop
 * records the longest gap between frames: how long the page could not answer input. The
 * library's copy of the import is written after the run is drawn; the time it is there (and
 * the longest frame by then) is reported too.
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { makeRunFile } from '../src/run/runFile';
import { DEFAULT_SETTINGS } from '../src/run/settings';
import { startPreview } from './previewServer';
import { syntheticRun } from './synthetic';

const PORT = 4186;
const DIST = process.argv[2] ?? 'dist-bench-import';
const EVENTS = 100_000;

/** The synthetic MCTS run of bench/browser.ts, cut at 100,000 events, as a run file. */
function runFileText(): string {
  return JSON.stringify(makeRunFile(DEFAULT_SETTINGS, syntheticRun({ events: EVENTS })));
}

// A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
const MEASURE = `(async (how) => {
  const text = window.__text;
  const blob = new Blob([text], { type: 'application/json' });
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = (t) => {
    longest = Math.max(longest, t - last);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  await new Promise((r) => setTimeout(r, 50));
  // The same file imported again updates its library entry (same run): wait for a save newer
  // than the clock's start, not for one more entry.
  const wallStart = new Date().toISOString();
  const start = performance.now();
  last = start;
  const result = how === 'worker'
    ? await window.arbor.importFile(blob, 'bench.json')
    : await window.arbor.importRun(text, 'bench.json');
  if (!result.ok) throw new Error(result.error);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const ms = performance.now() - start;
  const shownLongest = longest;
  // The library's copy is written after the run is drawn: wait for it too.
  while (!(await window.arbor.library.list()).some((m) => m.savedAt >= wallStart)) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const saved = performance.now() - start;
  running = false;
  return { ms, longest: shownLongest, saved, savedLongest: longest, events: window.arbor.state().eventCount };
})`;

async function main(): Promise<void> {
  const text = runFileText();
  const server = await startPreview(PORT, DIST);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`http://127.0.0.1:${PORT}`);
    await page.waitForFunction(() => typeof window.arbor?.state === 'function');
    await page.evaluate((t) => {
      (window as unknown as { __text: string }).__text = t;
    }, text);
    const rows: string[] = [];
    for (const how of ['worker', 'page', 'worker', 'page', 'worker', 'page'] as const) {
      const r = (await page.evaluate(`${MEASURE}(${JSON.stringify(how)})`)) as {
        ms: number;
        longest: number;
        saved: number;
        savedLongest: number;
        events: number;
      };
      if (r.events !== EVENTS) throw new Error(`imported ${r.events} events, not ${EVENTS}`);
      rows.push(
        `${how}: ${r.ms.toFixed(0)} ms (longest frame ${r.longest.toFixed(0)} ms; in the library at ${r.saved.toFixed(0)} ms, longest frame by then ${r.savedLongest.toFixed(0)} ms)`,
      );
    }
    console.log(
      `Import a ${(text.length / 1e6).toFixed(1)} MB run file of ${EVENTS.toLocaleString('en-US')} events and draw it, headless Chromium: ${rows.join('; ')}`,
    );
  } finally {
    await browser.close();
    server.kill();
  }
}

void main();
