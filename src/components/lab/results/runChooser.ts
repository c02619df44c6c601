import { useState } from 'react';
import { getStrategy } from '../../../lab/strategies';
import { compareCells, openCell } from '../../../store/labCells';
import { runLabel } from '../format';
import { variableName } from '../plot/curveLines';
import type { LabData } from '../useLabData';

/**
 * What a click on a run does in the lab's results: open it in the visualizer, or — in
 * compare mode — pick it as one of two runs to show side by side (the first pick waits for
 * the second; the second opens the page's comparison).
 */
export interface RunChooser {
  mode: 'open' | 'compare';
  /** The first run picked for a comparison, or null. */
  first: string | null;
  /** Why the last comparison could not open (a run without events), or null. */
  error: string | null;
  setMode(mode: 'open' | 'compare'): void;
  /** Opens the run in the visualizer. */
  open(cellId: string): void;
  /** Picks the run for the comparison. */
  pick(cellId: string): void;
  /** `open` or `pick`, by the mode. */
  choose(cellId: string): void;
}

/** A run of the grid in words: problem, strategy, budget (and the experiment's value). */
export function cellTitle(data: LabData, cellId: string): string {
  const cell = data.cellById.get(cellId);
  if (!cell) return cellId;
  const strategy = getStrategy(cell.strategy)?.label ?? cell.strategy;
  return runLabel(cell, strategy, variableName(data.spec) ?? undefined);
}

/** A {@link RunChooser} held in component state. */
export function useRunChooser(data: LabData): RunChooser {
  const [mode, setModeState] = useState<'open' | 'compare'>('open');
  const [first, setFirst] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = (cellId: string) => void openCell(cellId);
  const pick = (cellId: string) => {
    setError(null);
    if (first === null || first === cellId) {
      setFirst(cellId);
      return;
    }
    setError(
      compareCells(
        { id: first, title: cellTitle(data, first) },
        { id: cellId, title: cellTitle(data, cellId) },
      ),
    );
    setFirst(null);
    setModeState('open');
  };
  return {
    mode,
    first,
    error,
    setMode: (m) => {
      setModeState(m);
      setError(null);
      if (m === 'open') setFirst(null);
    },
    open,
    pick,
    choose: (cellId) => (mode === 'compare' ? pick(cellId) : open(cellId)),
  };
}
