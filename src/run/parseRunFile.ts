import type { z } from 'zod';
import { CheckpointedTrace } from '../core/tree/checkpoints';
import { TraceError } from '../core/tree/tree';
import { CURRENT_VERSION, migratableVersion, migrate } from './migrations';
import type { ParsedRun, RunFileV2 } from './runFile';
import { runFileV2Schema } from './schema';

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

/**
 * Reads a run file: a JSON string or an already parsed value, of version 1 (migrated) or 2.
 * Checks it against the schema (the error names the field path) and then replays its events
 * through the reducer (the error names the event that does not fit the tree). Never throws.
 */
export function parseRunFile(input: unknown): ParsedRun {
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
  const parsed = runFileV2Schema.safeParse(migrate(value));
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
    return { ok: false, error: issues.slice(0, 3).map(describeIssue).join('; ') + more };
  }
  // The schema checked every field; the parsed value holds no undefined fields (it is JSON).
  const file = parsed.data as RunFileV2;
  let trace: CheckpointedTrace;
  try {
    trace = CheckpointedTrace.from(file.events);
  } catch (error) {
    if (error instanceof TraceError) return { ok: false, error: `events.${error.message}` };
    return { ok: false, error: `The run could not be replayed: ${(error as Error).message}` };
  }
  return from === 1 ? { ok: true, file, trace, migratedFrom: 1 } : { ok: true, file, trace };
}
