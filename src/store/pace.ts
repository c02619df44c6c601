/**
 * Pacing of playback by animation frames: at `speed` events per second, a frame at time `now`
 * owes the events whose time has come since playback started, so events are applied in one
 * batch per frame (one store update, one render) rather than one per timer tick. Pure, so
 * the play loop's arithmetic is tested without a browser.
 */
export interface Pace {
  /** When the first event was due (ms, the frame clock's time). */
  readonly origin: number;
  /** Events applied since `origin`. */
  readonly applied: number;
  /** Events per second. */
  readonly speed: number;
}

/** The longest lag (ms) a frame catches up on; past it the clock is moved, not the tree. */
export const MAX_LAG_MS = 100;

/** A pace that owes its first event at `now`. */
export function startPace(now: number, speed: number): Pace {
  return { origin: now, applied: 0, speed };
}

/**
 * The events a frame at `now` applies, and the pace after it. An event is due every
 * 1000 / speed ms from `origin`, the first at `origin` itself. A frame catches up on at most
 * {@link MAX_LAG_MS} of events (at least one): after a long pause of the page (a slow
 * model's reply, a hidden tab) playback resumes at its speed instead of jumping ahead.
 * A speed change takes effect from this frame on, without a burst.
 * @example eventsDue({ origin: 0, applied: 1, speed: 500 }, 16) // { due: 8, … } (t = 2, 4, … 16 ms)
 */
export function eventsDue(pace: Pace, now: number, speed: number): { due: number; pace: Pace } {
  const period = 1000 / speed;
  const { applied } = pace;
  // After a speed change the last applied event is at `now`; the next one a new period away.
  const origin = speed === pace.speed ? pace.origin : now - Math.max(0, applied - 1) * period;
  const owed = Math.floor((now - origin) / period) + 1 - applied;
  const cap = Math.max(1, Math.floor(MAX_LAG_MS / period));
  if (owed <= cap) {
    const due = Math.max(0, owed);
    return { due, pace: { origin, applied: applied + due, speed } };
  }
  // Too far behind: apply `cap` and move the clock so the last of them falls due now.
  const next = applied + cap;
  return { due: cap, pace: { origin: now - (next - 1) * period, applied: next, speed } };
}
