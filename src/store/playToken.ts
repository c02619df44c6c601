import { update, useArbor } from './store';

/**
 * The cancel token of the play loop: starting a
 * loop aborts the previous one, so a stale loop stops itself at its next check.
 */
let current: AbortController | null = null;

/** Aborts any running play loop and returns the signal of a new one. */
export function startPlayToken(): AbortSignal {
  current?.abort();
  current = new AbortController();
  return current.signal;
}

/** Stops the play loop, if any, and marks playback as paused. */
export function cancelPlay(): void {
  current?.abort();
  current = null;
  if (useArbor.getState().playing) update({ playing: false });
}

/** Ends the loop that owns `signal` (a finished run); a stale loop changes nothing. */
export function endPlay(signal: AbortSignal): void {
  if (current !== null && current.signal === signal) cancelPlay();
}
