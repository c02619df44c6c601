import type { KeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';
import {
  goToEnd,
  goToStart,
  nextIteration,
  previousEvent,
  previousIteration,
  step,
  useArbor,
} from '../../store';
import { BacktrackViewSelect } from './BacktrackViewSelect';
import { JumpButtons } from './JumpButtons';
import { bucketEvents } from './buckets';
import { cursorValueText, hoverText } from './describe';
import { LANES, columnsFor, drawMarkers, drawTicks } from './draw';
import { TimelineLegend } from './TimelineLegend';
import { useCanvasBox } from './useCanvasBox';
import { useScrub } from './useScrub';

/** Slider keys (WAI-ARIA slider pattern): arrows by event, Page Up/Down by iteration. */
const KEYS: Readonly<Record<string, () => unknown>> = {
  ArrowLeft: previousEvent,
  ArrowDown: previousEvent,
  ArrowRight: step,
  ArrowUp: step,
  PageDown: previousIteration,
  PageUp: nextIteration,
  Home: goToStart,
  End: goToEnd,
};

function onSliderKey(e: KeyboardEvent<HTMLElement>) {
  if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
  const action = KEYS[e.key];
  if (!action) return;
  e.preventDefault(); // also keeps the page-wide shortcuts from acting twice
  void action();
}

/**
 * A scrubber across all events of the run: phase-coloured ticks on a canvas (events bucketed
 * per device-pixel column, so a 100k-event run draws as fast as a short one), a second canvas
 * of markers for answers and backtracks, and a cursor handle. Click or drag to seek; focus it
 * for the keyboard; hover for the event under the pointer.
 */
export function Timeline() {
  const trace = useArbor((s) => s.trace);
  const eventCount = useArbor((s) => s.eventCount);
  const cursor = useArbor((s) => s.cursor);
  const complete = useArbor((s) => s.complete);
  const theme = useArbor((s) => s.theme);
  const algorithm = useArbor((s) => s.tree.algorithm ?? s.settings.search.algorithm);
  const backtrackView = useArbor((s) => s.backtrackView);

  const bar = useRef<HTMLDivElement>(null);
  const ticks = useRef<HTMLCanvasElement>(null);
  const markers = useRef<HTMLCanvasElement>(null);
  const box = useCanvasBox(bar);
  const scrub = useScrub(bar, eventCount);

  useEffect(() => {
    if (!ticks.current || !markers.current || box.width === 0) return;
    // `trace` is appended to in place; `eventCount` says when it grew.
    const setbacks = backtrackView === 'setbacks' ? new Set(trace.setbacks) : null;
    const buckets = bucketEvents(trace.all.slice(0, eventCount), columnsFor(box), setbacks);
    drawTicks(ticks.current, box, buckets, theme);
    drawMarkers(markers.current, box, buckets, theme);
  }, [trace, eventCount, box, theme, backtrackView]);

  const valueText = cursorValueText(algorithm, trace.all, cursor, eventCount);
  const at = eventCount > 0 ? (cursor / eventCount) * 100 : 0;
  const readout = scrub.hovered === null ? '' : hoverText(algorithm, trace.all, scrub.hovered);
  // The readout sits over the pointer, sliding from left-aligned at the left end to
  // right-aligned at the right end so it never leaves the bar.
  const readoutLeft = Math.max(0, Math.min(scrub.hoverX, box.width));
  const readoutShift = box.width > 0 ? (readoutLeft / box.width) * 100 : 50;

  return (
    <section aria-labelledby="timeline-heading" className="flex flex-col gap-1">
      <div className="flex flex-wrap items-baseline gap-x-3 text-sm">
        <h2 id="timeline-heading" className="font-semibold">
          Timeline
        </h2>
        <span className="text-slate-600 tabular-nums dark:text-slate-400">
          {valueText}
          {complete ? '' : ' (so far)'}
        </span>
        <JumpButtons />
        <BacktrackViewSelect />
      </div>
      <div className="relative pt-1">
        <div
          ref={bar}
          role="slider"
          tabIndex={0}
          aria-label="Timeline"
          aria-orientation="horizontal"
          aria-valuemin={0}
          aria-valuemax={eventCount}
          aria-valuenow={cursor}
          aria-valuetext={valueText}
          aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown Home End"
          data-testid="timeline-bar"
          className="relative w-full cursor-pointer touch-none rounded select-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          style={{ height: LANES.height }}
          onKeyDown={onSliderKey}
          onPointerDown={scrub.onPointerDown}
          onPointerMove={scrub.onPointerMove}
          onPointerUp={scrub.onPointerUp}
          onPointerCancel={scrub.onPointerUp}
          onPointerLeave={scrub.onPointerLeave}
        >
          <canvas ref={ticks} aria-hidden="true" className="absolute inset-0 h-full w-full" />
          <canvas ref={markers} aria-hidden="true" className="absolute inset-0 h-full w-full" />
          <div
            aria-hidden="true"
            data-testid="timeline-handle"
            className="pointer-events-none absolute top-0 bottom-0 w-0.5 -translate-x-1/2 bg-slate-900 dark:bg-white"
            style={{ left: `${at}%` }}
          >
            <div className="absolute -bottom-1 left-1/2 h-3 w-3 -translate-x-1/2 rotate-45 border border-white bg-slate-900 dark:border-slate-900 dark:bg-white" />
          </div>
        </div>
        {readout !== '' && (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute bottom-full z-10 mb-1 rounded bg-slate-900 px-2 py-0.5 text-xs whitespace-nowrap text-white shadow dark:bg-slate-100 dark:text-slate-900"
            style={{ left: readoutLeft, transform: `translateX(-${readoutShift}%)` }}
          >
            {readout}
          </div>
        )}
      </div>
      <div className="flex justify-between text-xs text-slate-500 tabular-nums dark:text-slate-400">
        <span>0</span>
        <span>{eventCount} events</span>
      </div>
      <TimelineLegend algorithm={algorithm} theme={theme} />
    </section>
  );
}
