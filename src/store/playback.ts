import { eventsDue, startPace } from './pace';
import { cancelPlay, endPlay, startPlayToken } from './playToken';
import { advanceBy, seek } from './runActions';
import { update, useArbor } from './store';
import { modelSession } from '../engines/webllm/session';

/** Time (ms) a frame may spend pulling events from a live search before it draws. */
const PULL_BUDGET_MS = 8;

const get = useArbor.getState;

/** The next animation frame; a 16 ms timer where there is none (tests in Node). */
function nextFrame(): Promise<number> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(resolve);
    else setTimeout(() => resolve(performance.now()), 16);
  });
}

/**
 * The play loop: once per animation frame it applies every event due by then at the current
 * speed (pace.ts) in one cursor move, so the page renders once per frame however fast it
 * plays. A hidden tab gets no frames, and playback waits for it.
 */
async function loop(signal: AbortSignal): Promise<void> {
  let pace = startPace(performance.now(), get().speed);
  while (!signal.aborted) {
    const { due, pace: next } = eventsDue(pace, performance.now(), Math.max(get().speed, 0.1));
    pace = next;
    if (due > 0) {
      const { ended } = await advanceBy(due, signal, PULL_BUDGET_MS);
      if (signal.aborted) return;
      if (ended) return endPlay(signal);
    }
    await nextFrame();
  }
}

/**
 * Play: steps at `speed` events per second (batched per animation frame) until the run ends or `pause()`.
 * At the end of a finished run it replays from the start.
 */
export function play(): void {
  const s = get();
  if (s.playing || s.busy || s.error !== null) return;
  if (s.complete && s.cursor >= s.eventCount) seek(0);
  const signal = startPlayToken();
  modelSession.gate.resume();
  update({ playing: true });
  void loop(signal);
}

/**
 * Pause: stops the play loop after the event it is applying. A model request in flight is
 * interrupted and re-issued on the next play or step, so the tree never holds half a step.
 */
export function pause(): void {
  cancelPlay();
  modelSession.gate.pause();
}

/** Play when paused, pause when playing. */
export function togglePlay(): void {
  if (get().playing) pause();
  else play();
}

/** Sets the playback speed in events per second (takes effect at the next frame). */
export function setSpeed(speed: number): void {
  if (Number.isFinite(speed) && speed > 0) useArbor.setState({ speed });
}
