import type { CheckpointedTrace } from '../core/tree/checkpoints';
import type { TraceEvent } from '../core/tree/events';
import type { RunModel } from '../engines/definition';
import type { ServerRecording } from '../engines/server/recording';
import type { RunFileV2, RunSource } from './runFileTypes';
import type { RunSettings } from './settings';

/**
 * A run as one JSON file: the settings that produced it and its events. It replays in any
 * copy of Arbor with no server; the README documents the schema. Reading one (with zod, and
 * older versions through `migrations.ts`) is `parseRunFile.ts`, loaded only when a run is
 * opened, so the schema stays out of the first paint.
 */

export type { RunFile, RunFileV1, RunFileV2, RunSource } from './runFileTypes';

/** What a run file carries besides its settings and events. */
export interface RunFileExtra {
  name?: string;
  source?: RunSource;
  /** A server run's replies (engines/server/recording.ts). */
  server?: ServerRecording;
  /** The model that made the run: its name and file hash (the tiny model's manifest). */
  model?: RunModel;
}

/**
 * Makes the (current version's) run file for a run.
 * @param createdAt when the file was made: a Date, or an ISO 8601 string kept as given
 * @param extra the run's name and source; absent fields stay absent from the file
 */
export function makeRunFile(
  settings: RunSettings,
  events: readonly TraceEvent[],
  createdAt: Date | string = new Date(),
  extra: RunFileExtra = {},
): RunFileV2 {
  const file: RunFileV2 = {
    format: 'arbor-run',
    version: 2,
    settings,
    events: [...events],
    createdAt: typeof createdAt === 'string' ? createdAt : createdAt.toISOString(),
  };
  if (extra.name !== undefined) file.name = extra.name;
  if (extra.source !== undefined) file.source = extra.source;
  if (extra.server !== undefined) file.server = extra.server;
  if (extra.model !== undefined) file.model = { ...extra.model };
  return file;
}

/** A read run file (migrated to the current version) and its replayed trace, or why not. */
export type ParsedRun =
  | { ok: true; file: RunFileV2; trace: CheckpointedTrace; migratedFrom?: 1 }
  | { ok: false; error: string };
