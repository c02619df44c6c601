import type { Page } from '@playwright/test';
import { createRng } from '../src/core/rng';
import { collectEvents, runSearch } from '../src/core/search';
import { createSyntheticDomain } from '../src/core/testing/scripted';
import type { TraceEvent } from '../src/core/tree/events';
import { makeRunFile } from '../src/run/runFile';
import { DEFAULT_SETTINGS } from '../src/run/settings';

/**
 * The browser benchmarks' large runs. Game of 24 trees stop growing near 4,500 nodes (few
 * legal moves per state), so large trees are grown on the synthetic domain of src/core/testing
 * (a 3-ary tree to depth 12) and loaded as run files, as a user would open a large run.
 */

/** A synthetic MCTS run grown until it has about `nodes` nodes, or `events` events. */
export function syntheticRun(limit: { nodes?: number; events?: number }): TraceEvent[] {
  const domain = createSyntheticDomain(3, 12);
  const iterations = limit.nodes ? Math.ceil(limit.nodes / 3) : Math.ceil((limit.events ?? 0) / 7);
  const program = runSearch(
    { ...domain, problem: { id: 'bench' }, rng: createRng(1) },
    {
      algorithm: 'mcts',
      rule: 'uct',
      c: Math.SQRT2,
      iterations,
      maxDepth: 12,
      childrenPerExpansion: 3,
      valueMode: 'prm',
    },
  );
  const events = collectEvents(program);
  return limit.events ? events.slice(0, limit.events) : events;
}

/** Opens `events` in the page as a run file; resolves to the tree's node count. */
export async function loadRun(page: Page, events: TraceEvent[]): Promise<number> {
  const file = JSON.stringify(makeRunFile(DEFAULT_SETTINGS, events));
  const result = await page.evaluate((text) => window.arbor.importRun(text), file);
  if (!result.ok) throw new Error(result.error);
  return page.evaluate(() => window.arbor.state().nodeCount);
}

/** Mean, 95th percentile and count of frame times (ms). */
export interface FrameStats {
  mean: number;
  p95: number;
  frames: number;
}

/** Summarises frame times (ms). */
export function frameStats(frames: readonly number[]): FrameStats {
  const sorted = [...frames].sort((a, b) => a - b);
  const mean = frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length);
  return { mean, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0, frames: frames.length };
}

/** "mean 16.7 ms, p95 16.8 ms (120 frames)". */
export function formatFrames(f: FrameStats): string {
  return `mean ${f.mean.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms (${f.frames} frames)`;
}
