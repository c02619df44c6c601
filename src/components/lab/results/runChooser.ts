import { useState } from 'react';
import { compareCells, openCell } from '../../../store/labCells';

/**
 * What a click on a run does in the lab's results: open it in the visualizer, or — in
 * compare mode — pick it as one of two runs to show side by side (the first pick waits for
 * the second).
 */
export interface RunChooser {
  mode: 'open' | 'compare';
  /** The first run picked for a comparison, or null. */
  first: string | null;
  setMode(mode: 'open' | 'compare'): void;
  /** Opens the run in the visualizer. */
  open(cellId: string): void;
  /** Picks the run for the comparison. */
  pick(cellId: string): void;
  /** `open` or `pick`, by the mode. */
  choose(cellId: string): void;
}

/** A {@link RunChooser} held in component state. */
export function useRunChooser(): RunChooser {
  const [mode, setModeState] = useState<'open' | 'compare'>('open');
  const [first, setFirst] = useState<string | null>(null);
  const open = (cellId: string) => void openCell(cellId);
  const pick = (cellId: string) => {
    if (first === null || first === cellId) {
      setFirst(cellId);
      return;
    }
    compareCells(first, cellId);
    setFirst(null);
    setModeState('open');
  };
  return {
    mode,
    first,
    setMode: (m) => {
      setModeState(m);
      if (m === 'open') setFirst(null);
    },
    open,
    pick,
    choose: (cellId) => (mode === 'compare' ? pick(cellId) : open(cellId)),
  };
}
