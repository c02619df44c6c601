import type { z } from 'zod';
import { CHECKPOINT_INTERVAL } from '../core/tree/checkpoints';
import { compileFastCheck } from './fastCheck';
import type { FastCheck } from './fastCheck';
import { CURRENT_VERSION, migratableVersion, migrate } from './migrations';
import type { ReadRun } from './readRun';
import { replayRead } from './readRun';
import type { ParsedRun, RunFileV2 } from './runFile';
import { runFileV2Schema, traceEventSchema } from './schema';

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(file)';
  return `${path}: ${issue.message}`;
}

/** A value as the error shows it (JSON where it can be: strings keep their quotes). */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // A bigint or a cycle (not JSON anyway); String() itself throws on a null prototype.
    return typeof value === 'bigint' ? `${value}n` : `a ${typeof value}`;
  }
}

/** Refuses another format or a version this copy cannot read; null when both are fine. */
function checkHeader(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null; // the schema says why
  if ('format' in value && value.format !== 'arbor-run') {
    return `format: expected "arbor-run", got ${shown(value.format)}`;
  }
  if (!('version' in value)) return null; // the schema says it is missing
  const { version } = value;
  if (version === CURRENT_VERSION || migratableVersion(value) !== null) return null;
  if (typeof version === 'number' && Number.isInteger(version) && version > CURRENT_VERSION) {
    return `version: the file is version ${version}, made by a newer Arbor; this copy reads versions 1 to ${CURRENT_VERSION}. Open it in a newer copy of Arbor.`;
  }
  return `version: expected a version from 1 to ${CURRENT_VERSION}, got ${shown(version)}`;
}

/** The events' quick check, compiled on first use (null if the schema cannot be compiled). */
let eventCheck: FastCheck | null | undefined;
function quickEventCheck(): FastCheck | null {
  if (eventCheck === undefined) {
    try {
      eventCheck = compileFastCheck(traceEventSchema);
    } catch {
      eventCheck = null; // zod alone, as before
    }
  }
  return eventCheck;
}

/** Events checked between two progress reports. */
const REPORT_EVERY = 5000;

/**
 * Whether every event passes the quick check (run/fastCheck.ts), reporting the events
 * checked so far; false at the first that does not (zod then checks the file as a whole).
 */
function eventsPassQuickly(
  events: unknown,
  onProgress: (checked: number, total: number) => void,
): boolean {
  const check = quickEventCheck();
  if (!check || !Array.isArray(events)) return false;
  for (let i = 0; i < events.length; i++) {
    if (!check(events[i])) return false;
    if ((i + 1) % REPORT_EVERY === 0) onProgress(i + 1, events.length);
  }
  onProgress(events.length, events.length);
  return true;
}

/**
 * Reads and checks a run file without replaying it: a JSON string or an already parsed value,
 * of version 1 (migrated) or 2, checked against the schema (the error names the field path).
 * The events are checked by the quick check first and, if any fails it, the whole file by zod
 * (so a file zod refuses is refused with zod's words, and a passing file is what zod would
 * return). `onProgress` hears how many events are checked. Never throws.
 */
export function readRunFile(
  input: unknown,
  onProgress: (checked: number, total: number) => void = () => undefined,
): ReadRun {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, error: `Not JSON: ${(error as Error).message}` };
    }
  }
  const refused = checkHeader(value);
  if (refused !== null) return { ok: false, error: refused };
  const from = migratableVersion(value);
  const migrated = migrate(value);
  const events =
    typeof migrated === 'object' && migrated !== null && 'events' in migrated
      ? migrated.events
      : null;
  const quick = eventsPassQuickly(events, onProgress);
  // Past the quick check, zod checks everything but the events (and builds no copy of them).
  const parsed = runFileV2Schema.safeParse(
    quick ? { ...(migrated as object), events: [] } : migrated,
  );
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
    return { ok: false, error: issues.slice(0, 3).map(describeIssue).join('; ') + more };
  }
  // The schema checked every field; the parsed value holds no undefined fields (it is JSON).
  const file = (quick ? { ...parsed.data, events } : parsed.data) as RunFileV2;
  const read: ReadRun = { ok: true, file, interval: CHECKPOINT_INTERVAL, replay: 'arbor' };
  if (from === 1) return { ...read, migratedFrom: 1 };
  return quick ? { ...read, eventsAsParsed: true } : read;
}

/**
 * Reads a run file: a JSON string or an already parsed value, of version 1 (migrated) or 2.
 * Checks it against the schema (the error names the field path) and then replays its events
 * through the reducer (the error names the event that does not fit the tree). Never throws.
 */
export function parseRunFile(input: unknown): ParsedRun {
  return replayRead(readRunFile(input));
}
