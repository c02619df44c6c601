/** Playback speeds offered, in events per second. */
export const SPEEDS: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 500];

/** Default playback speed, in events per second. */
export const DEFAULT_SPEED = 10;

/** Playback of the run: whether it is playing and how fast. Never recorded in a run file. */
export interface PlaybackSlice {
  playing: boolean;
  /** Events per second. */
  speed: number;
}

/** The playback slice: paused, at the default speed. */
export const createPlaybackSlice = (): PlaybackSlice => ({
  playing: false,
  speed: DEFAULT_SPEED,
});
