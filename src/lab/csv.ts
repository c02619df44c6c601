/**
 * A grid's results as CSV (RFC 4180): one row per finished run, or one per plotted point.
 * Fields with a comma, quote or line break are quoted (quotes doubled); a field that starts
 * with = + - @ (or a tab or carriage return) is prefixed with ' so that a spreadsheet does
 * not run model text as a formula (OWASP, "CSV injection").
 */
import { seriesId, seriesLabel } from './aggregate';
import type { CellResult, CurvePoint, GridCell, GridSpec } from './types';

/**
 * One CSV field, made safe and quoted as needed.
 * @example csvField('=1+1') // "'=1+1"
 * @example csvField('a, "b"') // '"a, ""b"""'
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text, CRLF line ends, a header first. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const line = (r: readonly unknown[]) =>
    r.map((v) => csvField(typeof v === 'number' || typeof v === 'string' ? v : null)).join(',');
  return [header, ...rows].map(line).join('\r\n') + '\r\n';
}

export const RUNS_HEADER = [
  'problem',
  'strategy',
  'budget',
  'seed',
  'variable',
  'arm',
  'role',
  'status',
  'answer',
  'generated',
  'prefilled',
  'proposer_calls',
  'judge_calls',
  'events',
  'error',
] as const;

/** One row per finished run, in the grid's order (runs not finished yet are left out). */
export function runsCsv(
  _spec: GridSpec,
  cells: readonly GridCell[],
  results: ReadonlyMap<string, CellResult>,
): string {
  const rows: unknown[][] = [];
  for (const cell of cells) {
    const r = results.get(cell.id);
    if (!r) continue;
    rows.push([
      cell.problemId,
      cell.strategy,
      cell.budget,
      cell.seed,
      cell.variant,
      cell.arm,
      cell.role,
      r.status,
      r.answer,
      r.cost.generated,
      r.cost.prefilled,
      r.cost.proposerCalls,
      r.cost.judgeCalls,
      r.events,
      r.error ?? '',
    ]);
  }
  return toCsv(RUNS_HEADER, rows);
}

export const POINTS_HEADER = [
  'series',
  'label',
  'strategy',
  'variable',
  'arm',
  'budget',
  'accuracy',
  'min',
  'max',
  'sd',
  'generated',
  'calls',
  'runs',
  'solved',
  'failed',
  'complete_seeds',
] as const;

/** One row per plotted point: accuracy and its spread, mean compute per problem, counts. */
export function pointsCsv(points: readonly CurvePoint[], spec: GridSpec): string {
  const rows = points.map((p) => [
    seriesId(p.series),
    seriesLabel(p.series, spec),
    p.series.strategy,
    p.series.variant,
    p.series.arm,
    p.budget,
    p.accuracy,
    p.min,
    p.max,
    p.sd,
    p.generated,
    p.calls,
    p.runs,
    p.solved,
    p.failed,
    p.completeSeeds,
  ]);
  return toCsv(POINTS_HEADER, rows);
}
