import { startTransition, useEffect, useState } from 'react';
import { aggregateGrid } from '../../lab/aggregate';
import type { CellResult, CurvePoint, GridCell, GridSpec } from '../../lab/types';
import type { LabGrid, LabGridStatus } from '../../store';
import { useArbor } from '../../store';
import { nextDelay } from './refreshPace';

/** The current grid as the result views read it: cells and results by id, and the curve. */
export interface LabData {
  spec: GridSpec;
  status: LabGridStatus;
  cells: GridCell[];
  cellById: ReadonlyMap<string, GridCell>;
  results: ReadonlyMap<string, CellResult>;
  points: CurvePoint[];
}

/** The grid with its lookups and its aggregated curve; null before the first grid. */
export function labData(grid: LabGrid | null): LabData | null {
  if (!grid) return null;
  const results = new Map(Object.entries(grid.results));
  return {
    spec: grid.spec,
    status: grid.status,
    cells: grid.cells,
    cellById: new Map(grid.cells.map((c) => [c.id, c])),
    results,
    points: aggregateGrid(grid.spec, grid.cells, results),
  };
}

/** Whether a change of the grid must show at once (a new grid, or a new status). */
function urgent(next: LabGrid | null, prev: LabGrid | null): boolean {
  return !next || !prev || next.spec !== prev.spec || next.status !== prev.status;
}

/**
 * The store's grid as {@link LabData}, refreshed at a pace the page can afford while the
 * grid runs (`refreshPace.ts`: every few hundred ms, slower when aggregating costs more —
 * not per batch of results, never per run) and at once when a grid starts, pauses or ends.
 * The aggregation runs outside React; the redraw is a transition, so it never blocks input.
 */
export function useLabData(): LabData | null {
  const [data, setData] = useState(() => labData(useArbor.getState().lab.grid));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastTaken = 0;
    let lastCost = 0;
    const take = () => {
      timer = null;
      const started = performance.now();
      const next = labData(useArbor.getState().lab.grid);
      lastTaken = performance.now();
      lastCost = lastTaken - started;
      startTransition(() => setData(next));
    };
    const unsubscribe = useArbor.subscribe((s, prev) => {
      if (s.lab.grid === prev.lab.grid) return;
      if (urgent(s.lab.grid, prev.lab.grid)) {
        if (timer !== null) clearTimeout(timer);
        take();
      } else if (timer === null) {
        const wait = nextDelay(lastCost) - (performance.now() - lastTaken);
        timer = setTimeout(take, Math.max(0, wait));
      }
    });
    // A grid that changed between the first render and this subscription.
    take();
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
  return data;
}
