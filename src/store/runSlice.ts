import { CheckpointedTrace } from '../core/tree/checkpoints';
import type { SearchTree } from '../core/tree/tree';
import { emptyTree } from '../core/tree/tree';
import type { RunModel, RunRecording } from '../engines/definition';
import type { RecordChoice } from '../importers/records';
import type { ImportProgress } from '../importers';
import type { RunSource } from '../run/runFile';

/** Where the run stands, as the controls and the summary show it. */
export type RunStatus = 'idle' | 'running' | 'paused' | 'done' | 'error';

/**
 * The recorded run: its events (with checkpoints), the cursor into them and the tree at the
 * cursor. The trace object is appended to in place; `eventCount` changes with it so that
 * selectors see new events.
 */
export interface RunSlice {
  trace: CheckpointedTrace;
  /** Events in the trace (mirrors `trace.length`). */
  eventCount: number;
  /** Number of events applied: the tree shown is the tree after `cursor` events. */
  cursor: number;
  /** The trace holds the whole run: the search has finished, or the run was imported. */
  complete: boolean;
  /** Draining the search to the end (`runToEnd`). */
  busy: boolean;
  /** The user stopped the search before it finished: the trace ends without a `done`. */
  stopped: boolean;
  /** When the run began (ISO 8601), or when its file was made for an imported run. */
  createdAt: string;
  /** Where an imported tree came from (another tool); null for runs Arbor grew. */
  source: RunSource | null;
  /** The name the run was given (a run file's `name`), or null. */
  name: string | null;
  /** What the engine recorded besides the events (a server's replies), for the run file. */
  recording: RunRecording | null;
  /** The model that made the run (its name and file hash), for the run file; null if none says. */
  runModel: RunModel | null;
  status: RunStatus;
  /** Why the run stopped with an error. */
  error: string | null;
  /** Why the last import was refused (the run itself is untouched). */
  importError: string | null;
  /**
   * A file holding several questions' trees (rStar-Math's or search-and-learn's output)
   * waiting for the user to choose one; null otherwise. The run itself is untouched meanwhile.
   */
  importChoices: { fileName: string | null; records: RecordChoice[] } | null;
  /** The import of a file under way (its stage and how far it is), or null. */
  importProgress: ImportProgress | null;
  /** `trace.treeAt(cursor)`. */
  tree: SearchTree;
}

/** A run with no events. */
export function emptyRun(): Omit<RunSlice, 'importError' | 'importChoices' | 'importProgress'> {
  return {
    trace: new CheckpointedTrace(),
    eventCount: 0,
    cursor: 0,
    complete: false,
    busy: false,
    stopped: false,
    createdAt: new Date().toISOString(),
    source: null,
    name: null,
    recording: null,
    runModel: null,
    status: 'idle',
    error: null,
    tree: emptyTree(),
  };
}

/** The run slice: empty until the first step. */
export const createRunSlice = (): RunSlice => ({
  ...emptyRun(),
  importError: null,
  importChoices: null,
  importProgress: null,
});

/** The status implied by the rest of the state (kept in `status` so views select one field). */
export function deriveStatus(
  s: Pick<RunSlice, 'error' | 'complete' | 'cursor' | 'eventCount' | 'busy'> & {
    playing: boolean;
  },
): RunStatus {
  if (s.error !== null) return 'error';
  if (s.complete && s.cursor >= s.eventCount) return 'done';
  if (s.playing || s.busy) return 'running';
  return s.cursor === 0 ? 'idle' : 'paused';
}
