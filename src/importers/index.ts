import type { z } from 'zod';
import { CHECKPOINT_INTERVAL } from '../core/tree/checkpoints';
import type { ParsedRun, RunSource } from '../run/runFile';
import { makeRunFile } from '../run/runFile';
import { readRunFile } from '../run/parseRunFile';
import type { ReadRun } from '../run/readRun';
import { replayRead } from '../run/readRun';
import { DEFAULT_SETTINGS } from '../run/settings';
import type { ForeignNode } from './foreignTree';
import { foreignTreeToEvents } from './foreignTree';
import { FORMAT_NAME } from './formatNames';
import { describeIssues } from './issues';
import { FILE_TOO_LARGE, jsonDepth, MAX_DEPTH, MAX_FILE_CHARS, MAX_NODES } from './limits';
import { LLM_REASONERS_NOTE, treeLogSchema, treeLogToNodes } from './llmReasoners';
import { pythonNonFinite } from './pythonJson';
import { OPENR_NOTE, openrSchema, openrToNodes } from './openr';
import { RSTAR_NOTE, rstarSchema, rstarToNodes } from './rstarMath';

/** The file formats Arbor reads: its own run file and three search frameworks' trees. */
export type ImportFormat = 'arbor' | 'llm-reasoners' | 'openr' | 'rstar-math';

type ForeignKind = RunSource['kind'];

/** A foreign format: how to recognise it, check it, and read it into foreign nodes. */
interface Importer {
  kind: ForeignKind;
  /** Whether the top-level object looks like this format (for naming the closest one). */
  looksLike: (value: Record<string, unknown>) => boolean;
  schema: z.ZodType;
  toNodes: (parsed: never) => ForeignNode[] | string;
  note: string;
}

/** The foreign formats, tried in this order. */
const IMPORTERS: readonly Importer[] = [
  {
    kind: 'llm-reasoners',
    looksLike: (v) => 'logs' in v,
    schema: treeLogSchema,
    toNodes: treeLogToNodes,
    note: LLM_REASONERS_NOTE,
  },
  {
    kind: 'openr',
    looksLike: (v) => 'info' in v || 'children' in v,
    schema: openrSchema,
    toNodes: openrToNodes,
    note: OPENR_NOTE,
  },
  {
    kind: 'rstar-math',
    looksLike: (v) => '0' in v || Object.keys(v).some((k) => k.startsWith('0.')),
    schema: rstarSchema,
    toNodes: rstarToNodes,
    note: RSTAR_NOTE,
  },
];

export { FORMAT_NAME } from './formatNames';

export type ImportResult = ParsedRun & { format?: ImportFormat };

/** A file read and checked, not yet replayed (what the import worker sends back). */
export type ImportRead = ReadRun & { format?: ImportFormat };

/** What a long import reports, stage by stage. */
export type ImportProgress = {
  /** Bytes read (the worker), events checked (the worker), events replayed (the page). */
  stage: 'reading' | 'checking' | 'replaying';
  done: number;
  total: number;
};

function refuse(error: string, format?: ImportFormat): ImportRead {
  return format ? { ok: false, error, format } : { ok: false, error };
}

/** Counts values in parsed JSON (iteratively), stopping once past `limit`. */
function countValues(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= limit) {
    const v = stack.pop();
    count++;
    if (typeof v === 'object' && v !== null) {
      for (const child of Object.values(v)) if (typeof child === 'object') stack.push(child);
    }
  }
  return count;
}

/**
 * Checkpoints for an imported tree: at most about 64. An imported run is one finished
 * snapshot (mostly one score per node), so checkpoints every 256 events would copy the whole
 * node array thousands of times for a large tree (a 100k-node import spent 2 s on them).
 */
function importInterval(eventCount: number): number {
  return Math.max(CHECKPOINT_INTERVAL, Math.ceil(eventCount / 64));
}

/** Converts a value that passed `importer`'s schema into a run file with its source. */
function convert(importer: Importer, parsed: unknown, fileName?: string): ImportRead {
  const nodes = importer.toNodes(parsed as never);
  if (typeof nodes === 'string') return refuse(nodes, importer.kind);
  const tree = foreignTreeToEvents(nodes, importer.kind);
  if (!tree.ok) return refuse(tree.error, importer.kind);
  const source: RunSource = { kind: importer.kind, note: importer.note };
  if (fileName !== undefined) source.fileName = fileName.slice(0, 1000);
  const file = makeRunFile(DEFAULT_SETTINGS, tree.events, undefined, { source });
  const interval = importInterval(file.events.length);
  return { ok: true, file, interval, replay: 'foreign', format: importer.kind };
}

/**
 * Reads a file the user opened: an Arbor run file (any version this copy reads) or a tree
 * saved by llm-reasoners, OpenR or rStar-Math, converted into a run with `source` set.
 *
 * Never throws, and its work is bounded before it starts: files over 150 MB, JSON nested
 * deeper than {@link MAX_DEPTH} levels and trees of more than {@link MAX_NODES} nodes are
 * refused. When no format fits, the error names the closest one and its first field-path
 * problems.
 *
 * @param text the file's contents
 * @param fileName the file's name, kept in the run's source
 */
export function importRunText(text: string, fileName?: string): ImportResult {
  const read = readRunText(text, fileName);
  const replayed = replayRead(read);
  return read.format !== undefined ? { ...replayed, format: read.format } : replayed;
}

/**
 * {@link importRunText} without the replay: the file read, checked and converted, as the
 * import worker does it off the page's thread (`onProgress` hears the events checked). The
 * page replays it (`run/readRun.ts`). Never throws.
 */
export function readRunText(
  text: string,
  fileName?: string,
  onProgress: (p: ImportProgress) => void = () => undefined,
): ImportRead {
  try {
    return importChecked(text, fileName, onProgress);
  } catch (error) {
    // Nothing above should throw; if something does, the page still gets a message.
    return refuse(`The file could not be read: ${String(error)}`);
  }
}

function importChecked(
  text: string,
  fileName: string | undefined,
  onProgress: (p: ImportProgress) => void,
): ImportRead {
  if (text.length > MAX_FILE_CHARS) {
    return refuse(FILE_TOO_LARGE);
  }
  if (jsonDepth(text, MAX_DEPTH) > MAX_DEPTH) {
    return refuse(`(file): the JSON is nested deeper than ${MAX_DEPTH} levels`);
  }
  const value = parseJson(text);
  if (!value.ok) return refuse(value.error);
  return importValue(value.value, fileName, onProgress);
}

/** JSON.parse, then once more reading Python's NaN / Infinity as null. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const cleaned = pythonNonFinite(text);
    if (cleaned !== null) {
      try {
        return { ok: true, value: JSON.parse(cleaned) };
      } catch {
        // Report the first error: it is about the file as the user has it.
      }
    }
    return { ok: false, error: `Not JSON: ${(error as Error).message}` };
  }
}

function importValue(
  value: unknown,
  fileName: string | undefined,
  onProgress: (p: ImportProgress) => void,
): ImportRead {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse('(file): expected a JSON object (a run file or a saved search tree)');
  }
  const record = value as Record<string, unknown>;
  if ('format' in record || 'events' in record) {
    const checking = (done: number, total: number) =>
      onProgress({ stage: 'checking', done, total });
    return { ...readRunFile(value, checking), format: 'arbor' };
  }
  if (countValues(value, MAX_NODES * 4) > MAX_NODES * 4) {
    return refuse(`(file): too many values; Arbor reads trees of up to ${MAX_NODES} nodes`);
  }
  const failures: { importer: Importer; issues: z.core.$ZodIssue[] }[] = [];
  for (const importer of IMPORTERS) {
    const parsed = importer.schema.safeParse(value);
    if (parsed.success) return convert(importer, parsed.data, fileName);
    failures.push({ importer, issues: parsed.error.issues });
  }
  const closest =
    failures.find((f) => f.importer.looksLike(record)) ??
    failures.reduce((a, b) => (b.issues.length < a.issues.length ? b : a));
  const kind = closest.importer.kind;
  return refuse(
    `Not an Arbor run file, and not a tree Arbor can read; closest is ${FORMAT_NAME[kind]}: ${describeIssues(closest.issues)}`,
    kind,
  );
}
