import { setbackReason } from './backtracks';
import type { TraceEvent } from './events';
import { applyEvent } from './reduce';
import type { SearchTree } from './tree';
import { cloneTree, emptyTree } from './tree';

/** Default number of events between checkpoints. */
export const CHECKPOINT_INTERVAL = 256;

/**
 * A run's events with checkpoints of the reduced tree every `interval` events, so that
 * seeking to any event costs one pointer copy of the node array plus at most `interval`
 * event reductions, however long the run.
 *
 * Checkpoints share unchanged node objects with each other (the reducer replaces nodes rather
 * than mutating them), so they cost one array of pointers each, not a copy of the tree.
 */
export class CheckpointedTrace {
  private readonly events: TraceEvent[] = [];
  /** checkpoints[k] is the tree after k · interval events. */
  private readonly checkpoints: SearchTree[] = [emptyTree()];
  /** The tree after all events appended so far. */
  private head: SearchTree = emptyTree();
  /** Indices of the backtrack events that are setbacks (`backtracks.ts`), in order. */
  private readonly setbackIndices: number[] = [];

  constructor(readonly interval: number = CHECKPOINT_INTERVAL) {
    if (!Number.isInteger(interval) || interval < 1) throw new RangeError('interval must be ≥ 1');
  }

  /** Builds a trace from a whole run; throws a TraceError on an event that does not fit. */
  static from(events: readonly TraceEvent[], interval?: number): CheckpointedTrace {
    const trace = new CheckpointedTrace(interval);
    for (const e of events) trace.append(e);
    return trace;
  }

  get length(): number {
    return this.events.length;
  }

  /** All events so far (read-only view). */
  get all(): readonly TraceEvent[] {
    return this.events;
  }

  /** Indices of the `backtrack` events that are setbacks (a line went badly), in order. */
  get setbacks(): readonly number[] {
    return this.setbackIndices;
  }

  /** Folds a new event into the head; validates it (throws before storing a bad event). */
  append(event: TraceEvent): void {
    const setback = event.type === 'backtrack' && setbackReason(this.head, event) !== null;
    try {
      applyEvent(this.head, event, this.events.length);
    } catch (error) {
      // The reducer may have written part of the bad event: rebuild the head without it.
      this.head = this.replayFromCheckpoint(this.events.length);
      throw error;
    }
    if (setback) this.setbackIndices.push(this.events.length);
    this.events.push(event);
    if (this.events.length % this.interval === 0) this.checkpoints.push(cloneTree(this.head));
  }

  /**
   * The tree after the first `count` events (clamped to [0, length]). The returned tree is the
   * caller's own: changing its node array does not touch the trace.
   */
  treeAt(count: number): SearchTree {
    const target = Math.max(0, Math.min(Math.floor(count), this.events.length));
    if (target === this.events.length) return cloneTree(this.head);
    return this.replayFromCheckpoint(target);
  }

  private replayFromCheckpoint(target: number): SearchTree {
    const k = Math.floor(target / this.interval);
    const tree = cloneTree(this.checkpoints[k] as SearchTree);
    for (let i = k * this.interval; i < target; i++)
      applyEvent(tree, this.events[i] as TraceEvent, i);
    return tree;
  }

  /** Reduction steps `treeAt(count)` performs: never more than `interval - 1`. */
  stepsToReach(count: number): number {
    const target = Math.max(0, Math.min(Math.floor(count), this.events.length));
    return target === this.events.length ? 0 : target % this.interval;
  }
}
