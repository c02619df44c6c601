import type { Browser, Page } from '@playwright/test';

/** A Chromium trace event (only the fields read here). */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * CPU time (ms) the page's main thread spent in its tasks while `act` runs, from a Chromium
 * trace (each task's thread time, `tdur`). Unlike frame times it does not grow when other
 * jobs on a shared machine take the cores: it is what the frames would cost on an idle one.
 */
export async function mainThreadCpu(
  browser: Browser,
  page: Page,
  act: () => Promise<void>,
): Promise<number> {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  await act();
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  let cpu = 0;
  for (const e of events) {
    if (e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`)) {
      cpu += (e.tdur ?? 0) / 1000;
    }
  }
  return cpu;
}
