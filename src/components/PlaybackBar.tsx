import { engineFor } from '../engines/registry';
import type { ReactNode } from 'react';
import { useId } from 'react';
import {
  SPEEDS,
  goToEnd,
  goToStart,
  nextIteration,
  nextPhase,
  previousEvent,
  previousIteration,
  previousPhase,
  reset,
  setSpeed,
  step,
  stopRun,
  togglePlay,
  useArbor,
} from '../store';
import { tooltip } from './help/shortcuts';
import type { StepIconName } from './stepper/StepIcons';
import { StepIcon } from './stepper/StepIcons';

const BUTTON =
  'inline-flex h-8 items-center justify-center gap-1.5 rounded border border-slate-300 bg-white px-2 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';
const PRIMARY =
  'inline-flex h-8 min-w-[5.5rem] items-center justify-center gap-1.5 rounded border border-blue-700 bg-blue-600 px-3 text-sm font-semibold text-white hover:bg-blue-700 disabled:cursor-not-allowed disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-blue-400 dark:bg-blue-600 dark:hover:bg-blue-700';

interface IconButtonProps {
  /** The accessible name. */
  label: string;
  /** The tooltip: what it does and its shortcut. */
  title: string;
  icon: StepIconName;
  onClick: () => unknown;
  disabled: boolean;
  children?: ReactNode;
}

function IconButton({ label, title, icon, onClick, disabled, children }: IconButtonProps) {
  return (
    <button
      type="button"
      className={BUTTON}
      aria-label={label}
      title={title}
      onClick={() => void onClick()}
      disabled={disabled}
    >
      <StepIcon name={icon} />
      {children}
    </button>
  );
}

/** The playback speed: a labelled select over the offered speeds (+ / − keys step it). */
function SpeedSelect() {
  const speed = useArbor((s) => s.speed);
  const id = useId();
  const options = SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b);
  return (
    <div className="flex items-center gap-1.5 text-sm" title={tooltip('Playback speed', '+ / −')}>
      <label htmlFor={id} className="font-medium text-slate-700 dark:text-slate-300">
        Speed
      </label>
      <select
        id={id}
        className="h-8 rounded border border-slate-300 bg-white px-1.5 text-slate-900 focus:outline-2 focus:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        value={String(speed)}
        onChange={(e) => setSpeed(Number(e.target.value))}
      >
        {options.map((v) => (
          <option key={v} value={String(v)}>
            {`${v} events/s`}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The playback bar: |◀ start, ◀◀ previous iteration, ◀ previous event, ▶/❚❚ play/pause,
 * ▶ next event ("Step"), ▶▶ next iteration, ▶| end ("Run to end": runs a live search to its
 * end, or jumps to the end of a finished one), Reset and the speed. Each tooltip names the
 * button's shortcut.
 */
export function PlaybackBar() {
  const status = useArbor((s) => s.status);
  const playing = useArbor((s) => s.playing);
  const busy = useArbor((s) => s.busy);
  const atStart = useArbor((s) => s.cursor === 0);
  const failed = status === 'error';
  const atEnd = status === 'done' || failed || busy;
  const back = atStart || busy;
  // A model run can take minutes: offer Stop while it is live.
  const live = useArbor(
    (s) =>
      !engineFor(s.settings.engine).capabilities.reproducible && !s.complete && s.error === null,
  );

  return (
    <div
      role="toolbar"
      aria-label="Playback"
      className="flex flex-wrap items-center gap-x-1 gap-y-2"
    >
      <IconButton
        label="Go to start"
        title={tooltip('Go to start', 'Home')}
        icon="start"
        onClick={goToStart}
        disabled={back}
      />
      <IconButton
        label="Previous iteration"
        title={tooltip('Previous iteration', '[')}
        icon="previousIteration"
        onClick={previousIteration}
        disabled={back}
      />
      <IconButton
        label="Previous phase"
        title={tooltip('Previous phase', '← or Page Up')}
        icon="previousIteration"
        onClick={previousPhase}
        disabled={back}
      >
        <span className="sr-only sm:not-sr-only">Phase</span>
      </IconButton>
      <IconButton
        label="Previous event"
        title={tooltip('Previous event', 'Shift+←')}
        icon="previousEvent"
        onClick={previousEvent}
        disabled={back}
      />
      <button
        type="button"
        className={PRIMARY}
        title={tooltip(playing ? 'Pause' : 'Play', 'Space, . or B')}
        onClick={togglePlay}
        disabled={!playing && (busy || failed)}
      >
        <StepIcon name={playing ? 'pause' : 'play'} />
        {playing ? 'Pause' : 'Play'}
      </button>
      <IconButton
        label="Step"
        title={tooltip('Step: next single event', 'Shift+→')}
        icon="nextEvent"
        onClick={step}
        disabled={atEnd}
      />
      <IconButton
        label="Next phase"
        title={tooltip('Next phase, with its scores, answers and backtracks', '→ or Page Down')}
        icon="nextIteration"
        onClick={nextPhase}
        disabled={atEnd}
      >
        <span className="sr-only sm:not-sr-only">Phase</span>
      </IconButton>
      <IconButton
        label="Next iteration"
        title={tooltip('Next iteration', ']')}
        icon="nextIteration"
        onClick={nextIteration}
        disabled={atEnd}
      />
      <IconButton
        label="Run to end"
        title={tooltip('Run to end', 'End')}
        icon="end"
        onClick={goToEnd}
        disabled={atEnd}
      />
      {live && (
        <button
          type="button"
          className={`${BUTTON} ml-1.5`}
          title={tooltip(
            'Stop: end the search here (interrupts the model; the events so far stay)',
            'S',
          )}
          onClick={stopRun}
        >
          Stop
        </button>
      )}
      <button
        type="button"
        className={`${BUTTON} ml-1.5 presentation:hidden`}
        title={tooltip('Reset: a new run', 'R')}
        onClick={reset}
      >
        Reset
      </button>
      <div className="ml-auto presentation:hidden">
        <SpeedSelect />
      </div>
    </div>
  );
}
