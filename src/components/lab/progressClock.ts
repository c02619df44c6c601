import { useEffect, useState } from 'react';
import type { GridProgress } from '../../lab/types';

/**
 * The progress `sinceMs` after the runner reported it: the time spent grows and the time
 * left shrinks (never below 0). Runs done stay as reported. A model's run can take a minute,
 * and the runner reports only when runs finish, so without this the clock would stand still.
 * @example advance({ done: 2, total: 4, failed: 0, elapsedMs: 10_000, etaMs: 10_000 }, 3_000)
 * // → elapsedMs 13_000, etaMs 7_000
 */
export function advance(progress: GridProgress, sinceMs: number): GridProgress {
  const since = Math.max(0, sinceMs);
  return {
    ...progress,
    elapsedMs: progress.elapsedMs + since,
    etaMs: progress.etaMs === null ? null : Math.max(0, progress.etaMs - since),
  };
}

/** The progress as of now, re-read every second while `running`. */
export function useProgressClock(progress: GridProgress, running: boolean): GridProgress {
  // Time since `progress` arrived; a tick of an older report counts as none.
  const [tick, setTick] = useState<{ of: GridProgress; ms: number } | null>(null);
  useEffect(() => {
    if (!running) return;
    const at = performance.now();
    const timer = setInterval(() => setTick({ of: progress, ms: performance.now() - at }), 1000);
    return () => clearInterval(timer);
  }, [progress, running]);
  const sinceMs = tick?.of === progress ? tick.ms : 0;
  return running ? advance(progress, sinceMs) : progress;
}
