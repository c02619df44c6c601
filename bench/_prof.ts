import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { startPreview } from './previewServer';
import { loadRun, syntheticRun } from './synthetic';
const PORT = 4199;
async function main() {
  const server = await startPreview(PORT, 'dist-prof');
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`http://127.0.0.1:${PORT}`);
    await page.waitForFunction(() => typeof window.arbor?.state === 'function');
    const nodes = await loadRun(page, syntheticRun({ nodes: Number(process.env.NODES ?? 20000) }));
    const total = await page.evaluate(() => window.arbor.state().eventCount);
    await page.evaluate((to) => window.arbor.seek(to), Math.max(0, total - 2000));
    await page.getByLabel('Speed', { exact: true }).selectOption('500');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(2500);
    await page.getByRole('button', { name: 'Pause' }).click();
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync('/tmp/play.cpuprofile', JSON.stringify(profile));
    // self time by function
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas ?? [];
    (profile.samples ?? []).forEach((id, i) => {
      const n = byId.get(id)!;
      const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    console.log('nodes', nodes);
    [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40).forEach(([k, v]) => console.log(v.toFixed(0).padStart(6), k));
  } finally {
    await browser.close();
    server.kill();
  }
}
void main();
