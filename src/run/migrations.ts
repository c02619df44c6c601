import type { RunFileV1, RunFileV2 } from './runFileTypes';

/**
 * Run file migrations: one step per version, each turning a file of version `from` into
 * version `from + 1`, so a file of any older version reaches the current one by running the
 * steps in order. A step only moves fields; the schema of the version it produces checks the
 * result, so a broken old file is refused with the field path of the current format (the
 * paths of the fields a step carries over do not change).
 */

/** The version this copy of Arbor writes (and the newest it reads). */
export const CURRENT_VERSION = 2;

/**
 * Version 1 → 2. Version 2 added two optional fields (`name`, `source`); a version-1 run has
 * neither. Only version 1's fields are carried over: anything else in the file was ignored by
 * a version-1 reader and must not turn into a version-2 field now.
 */
export function v1ToV2(file: RunFileV1): RunFileV2 {
  return {
    format: file.format,
    version: 2,
    settings: file.settings,
    events: file.events,
    createdAt: file.createdAt,
  };
}

/** One step. `up` reads a file of version `from` (unchecked: see the module comment). */
interface Migration {
  from: number;
  up: (file: never) => { version: number };
}

/** The steps, oldest first. */
export const MIGRATIONS: readonly Migration[] = [{ from: 1, up: v1ToV2 }];

/** The file's version when it is one this copy can migrate (older than the current one). */
export function migratableVersion(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null || !('version' in raw)) return null;
  const { version } = raw;
  if (typeof version !== 'number' || !MIGRATIONS.some((m) => m.from === version)) return null;
  return version;
}

/**
 * Brings a parsed run file of an older version up to {@link CURRENT_VERSION} by running the
 * steps from its version on. Anything else (the current version, a newer or unknown version,
 * not an object) comes back unchanged for the schema to judge. Never throws.
 */
export function migrate(raw: unknown): unknown {
  let version = migratableVersion(raw);
  if (version === null) return raw;
  let file: { version: number } = raw as { version: number };
  for (const step of MIGRATIONS) {
    if (step.from !== version) continue;
    file = step.up(file as never);
    version = file.version;
  }
  return file;
}
