import type { z } from 'zod';
import type { Algorithm } from '../core/search/settings';
import type { ImportTool, TraceEvent } from '../core/tree/events';
import { CHECKPOINT_INTERVAL } from '../core/tree/checkpoints';
import type { ParsedRun, RunSource } from '../run/runFile';
import { makeRunFile } from '../run/runFile';
import { readRunFile } from '../run/parseRunFile';
import type { ReadRun } from '../run/readRun';
import { replayRead } from '../run/readRun';
import { SOURCE_TOOL } from '../run/importedRun';
import { DEFAULT_SETTINGS } from '../run/settings';
import type { ForeignNode } from './foreignTree';
import { foreignTreeToEvents } from './foreignTree';
import { describeIssues } from './issues';
import { FILE_TOO_LARGE, jsonDepth, MAX_DEPTH, MAX_FILE_CHARS, MAX_NODES } from './limits';
import type { TreeLogFile } from './llmReasoners';
import { LLM_REASONERS_NOTE, treeLogSchema, treeLogToNodes } from './llmReasoners';
import { LLM_REASONERS_HISTORY_NOTE, rootTextOf, treeLogHistory } from './llmReasonersHistory';
import { pythonNonFinite } from './pythonJson';
import { OPENR_NOTE, openrSchema, openrToNodes } from './openr';
import { RSTAR_NOTE, RSTAR_RECORD_NOTE, rstarSchema, rstarToNodes } from './rstarMath';
import type { RecordChoice, RStarRecord } from './records';
import { recordChoices, recordOf, rstarRecords, sameAnswer } from './records';
import { salNote, salRowSchema, salToNodes } from './searchAndLearn';

/** The file formats Arbor reads: its own run file and other search tools' trees. */
export type ImportFormat = 'arbor' | ImportTool;

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

/** The names the UI gives the foreign formats. */
export const FORMAT_NAME: Record<ForeignKind, string> = SOURCE_TOOL;

/**
 * A read file: a run, or a refusal. A file holding several questions' trees (rStar-Math's or
 * search-and-learn's output) is refused with `records` to choose from until `record` picks one.
 */
export type ImportResult = ParsedRun & { format?: ImportFormat; records?: RecordChoice[] };

/** How to read a file: which record of a many-record file to open. */
export interface ImportOptions {
  /** Index into the file's records (one JSON line per question). */
  record?: number;
  /** The text's nesting depth, where the caller has scanned it already (importers/jsonScan.ts). */
  depth?: number;
}

/** A file read and checked, not yet replayed (what the import worker sends back). */
export type ImportRead = ReadRun & { format?: ImportFormat; records?: RecordChoice[] };

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

/** Converts foreign nodes (or the converter's refusal) into a run file with its source. */
function fromNodes(
  kind: ForeignKind,
  nodes: ForeignNode[] | string,
  note: string,
  fileName?: string,
  algorithm?: Algorithm,
): ImportRead {
  if (typeof nodes === 'string') return refuse(nodes, kind);
  const tree = foreignTreeToEvents(nodes, kind, algorithm);
  if (!tree.ok) return refuse(tree.error, kind);
  return fromEvents(kind, tree.events, note, fileName);
}

/** Events read from a file as a run file with its source (the page replays them). */
function fromEvents(
  kind: ForeignKind,
  events: TraceEvent[],
  note: string,
  fileName?: string,
): ImportRead {
  const source: RunSource = { kind, note };
  if (fileName !== undefined) source.fileName = fileName.slice(0, 1000);
  const file = makeRunFile(DEFAULT_SETTINGS, events, undefined, { source });
  const interval = importInterval(file.events.length);
  return { ok: true, file, interval, replay: 'foreign', format: kind };
}

/** Converts a value that passed `importer`'s schema into a run file with its source. */
function convert(importer: Importer, parsed: unknown, fileName?: string): ImportRead {
  if (importer.kind === 'llm-reasoners' && (parsed as TreeLogFile).logs.length > 1) {
    // A snapshot per iteration: replayed as a history, so stepping and the timeline work.
    const nodes = treeLogToNodes(parsed as TreeLogFile);
    if (typeof nodes === 'string') return refuse(nodes, 'llm-reasoners');
    const history = treeLogHistory(parsed as TreeLogFile, rootTextOf(nodes));
    if (typeof history === 'string') return refuse(history, 'llm-reasoners');
    return fromEvents('llm-reasoners', history, LLM_REASONERS_HISTORY_NOTE, fileName);
  }
  return fromNodes(importer.kind, importer.toNodes(parsed as never), importer.note, fileName);
}

/** One record: rStar-Math's states or search-and-learn's row as a tree, answers checked. */
function convertRecord(record: RStarRecord, fileName?: string): ImportRead {
  if (record.tool === 'search-and-learn') {
    const row = salRowSchema.safeParse(record.states);
    if (!row.success) {
      return refuse(`${record.where}: ${describeIssues(row.error.issues)}`, 'search-and-learn');
    }
    const { nodes, algorithm } = salToNodes(row.data);
    return fromNodes('search-and-learn', nodes, salNote(row.data, algorithm), fileName, algorithm);
  }
  const states = rstarSchema.safeParse(record.states);
  if (!states.success) {
    return refuse(`${record.where}, rstar: ${describeIssues(states.error.issues)}`, 'rstar-math');
  }
  const nodes = rstarToNodes(states.data, {
    question: record.question,
    reference: record.answer,
    same: sameAnswer,
  });
  const note = record.answer === null ? RSTAR_NOTE : RSTAR_RECORD_NOTE;
  return fromNodes('rstar-math', nodes, note, fileName);
}

/** A record's node count for the picker, without making its run (0 when it is unreadable). */
function nodeCount(record: RStarRecord): number {
  if (record.tool === 'rstar-math') {
    const states = record.states;
    return typeof states === 'object' && states !== null ? Object.keys(states).length : 0;
  }
  const row = salRowSchema.safeParse(record.states);
  if (!row.success) return 0;
  const { nodes } = salToNodes(row.data);
  return typeof nodes === 'string' ? 0 : nodes.length;
}

/** Opens the one record, the chosen one, or lists them to choose from. */
function importRecords(
  records: readonly RStarRecord[],
  options: ImportOptions,
  fileName?: string,
): ImportRead {
  if (records.length === 1) return convertRecord(records[0] as RStarRecord, fileName);
  const chosen = options.record === undefined ? undefined : records[options.record];
  if (chosen) return convertRecord(chosen, fileName);
  const tool = (records[0] as RStarRecord).tool;
  return {
    ok: false,
    error: `This ${FORMAT_NAME[tool]} file holds ${records.length} questions' trees: choose one to open.`,
    format: tool,
    records: recordChoices(records, nodeCount),
  };
}

/**
 * Reads a file the user opened: an Arbor run file (any version this copy reads) or a tree
 * saved by llm-reasoners, OpenR, rStar-Math (its `return_states()` tree, or its `main.py`
 * output of one JSON record per question) or search-and-learn (one result row per problem),
 * converted into a run with `source` set.
 *
 * Never throws, and its work is bounded before it starts: files over 150 MB, JSON nested
 * deeper than {@link MAX_DEPTH} levels and trees of more than {@link MAX_NODES} nodes are
 * refused. When no format fits, the error names the closest one and its first field-path
 * problems.
 *
 * @param text the file's contents
 * @param fileName the file's name, kept in the run's source
 */
export function importRunText(
  text: string,
  fileName?: string,
  options: ImportOptions = {},
): ImportResult {
  const read = readRunText(text, fileName, undefined, options);
  const replayed = replayRead(read);
  return {
    ...replayed,
    ...(read.format !== undefined ? { format: read.format } : {}),
    ...(read.records ? { records: read.records } : {}),
  };
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
  options: ImportOptions = {},
): ImportRead {
  try {
    return importChecked(text, fileName, onProgress, options);
  } catch (error) {
    // Nothing above should throw; if something does, the page still gets a message.
    return refuse(`The file could not be read: ${String(error)}`);
  }
}

function importChecked(
  text: string,
  fileName: string | undefined,
  onProgress: (p: ImportProgress) => void,
  options: ImportOptions,
): ImportRead {
  if (text.length > MAX_FILE_CHARS) {
    return refuse(FILE_TOO_LARGE);
  }
  if ((options.depth ?? jsonDepth(text, MAX_DEPTH)) > MAX_DEPTH) {
    return refuse(`(file): the JSON is nested deeper than ${MAX_DEPTH} levels`);
  }
  const value = parseJson(text);
  if (!value.ok) {
    // One JSON record per line, each question's tree (rStar-Math's or search-and-learn's).
    const records = text.includes('\n') ? rstarRecords(text, parseJson) : null;
    return records ? importRecords(records, options, fileName) : refuse(value.error);
  }
  const single = recordOf(value.value, 'line 1');
  if (single) return importRecords([single], options, fileName);
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
