import type { ImportTool, TraceEvent } from '../core/tree/events';
import type { RunModel } from '../engines/definition';
import type { ServerRecording } from '../engines/server/recording';
import type { RunSettings } from './settings';

/**
 * The run file's versions as types (the README documents the schema; `schema.ts` checks it;
 * `migrations.ts` moves a file from one version to the next).
 */

/** Where a tree came from when it was not grown by Arbor. */
export interface RunSource {
  /** The tool that wrote the imported file. */
  kind: ImportTool;
  /** The imported file's name, when known. */
  fileName?: string;
  /** What the import could not carry, in words (e.g. "no phase-by-phase history: ..."). */
  note: string;
}

/** Version 1 (the format until version 2): kept as the input type of the v1 → v2 migration. */
export interface RunFileV1 {
  format: 'arbor-run';
  version: 1;
  settings: RunSettings;
  events: TraceEvent[];
  /** ISO 8601 time the file was made. */
  createdAt: string;
}

/** Version 2: version 1 plus an optional name and, for imported trees, their source. */
export interface RunFileV2 {
  format: 'arbor-run';
  version: 2;
  settings: RunSettings;
  events: TraceEvent[];
  /** ISO 8601 time the file was made. */
  createdAt: string;
  /** A name the user gave the run (the library's rename), at most 200 characters. */
  name?: string;
  /** Set for trees imported from another tool. */
  source?: RunSource;
  /** A server run's replies, keyed by request (engines/server/recording.ts). */
  server?: ServerRecording;
  /** The model that made the run: its name and its file's sha256 (the tiny model). */
  model?: RunModel;
}

/** The current version. */
export type RunFile = RunFileV2;
