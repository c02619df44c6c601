import { memo } from 'react';
import type { ProblemRow } from '../../../lab/aggregate';
import type { CellStatus, GridCell } from '../../../lab/types';
import { STATUS_LOOK } from './statusLook';

const SEED_BUTTON =
  'rounded border border-slate-300 bg-white px-1 text-[11px] leading-4 hover:bg-slate-100 dark:bg-slate-950 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-700 dark:hover:bg-slate-800';

/** Props of {@link ProblemTableRow}. */
export interface ProblemTableRowProps {
  label: string;
  row: ProblemRow;
  /** Each run's cell and outcome (null: not finished). */
  run: (cellId: string) => { cell: GridCell | undefined; status: CellStatus | null };
  /** Changes whenever anything the row shows changes (see {@link rowSignature}). */
  signature: string;
  mode: 'open' | 'compare';
  first: string | null;
  choose: (cellId: string) => void;
}

/** What a row shows, as one string: its counts and every run's outcome. */
export function rowSignature(
  row: ProblemRow,
  status: (cellId: string) => CellStatus | null,
): string {
  return row.cells
    .map(
      (c) =>
        `${c.solved}/${c.runs}/${c.failed}:${c.cellIds.map((id) => status(id) ?? '.').join(',')}`,
    )
    .join('|');
}

/**
 * One problem's row of the per-problem table: "solved / runs" per budget (tinted by the
 * share), a button per run, the first budget that solved it. Redrawn only when its
 * signature, the click mode or the first pick changes, so a running grid redraws the rows
 * whose runs finished, not the whole table.
 */
export const ProblemTableRow = memo(
  function ProblemTableRow(props: ProblemTableRowProps) {
    const { row, mode, first, choose } = props;
    const verb = mode === 'compare' ? 'Pick' : 'Open';
    return (
      <tr className="border-t border-slate-100 dark:border-slate-800">
        <th scope="row" className="px-2 py-1 font-normal whitespace-nowrap">
          {props.label}
        </th>
        {row.cells.map((c) => {
          const share = c.runs > 0 ? c.solved / c.runs : 0;
          return (
            <td
              key={c.budget}
              className="px-2 py-0.5"
              style={{
                backgroundColor:
                  c.runs > 0 ? `rgba(22, 163, 74, ${0.08 + share * 0.3})` : undefined,
              }}
              data-testid={`table-cell-${row.problemId}-${c.budget}`}
            >
              <span className="flex flex-wrap items-center gap-1">
                <span className="font-medium tabular-nums">
                  {c.solved}/{c.runs}
                </span>
                {c.failed > 0 && (
                  <span className="text-amber-700 dark:text-amber-400">({c.failed} failed)</span>
                )}
                {c.cellIds.map((cellId) => {
                  const { cell, status } = props.run(cellId);
                  const look = STATUS_LOOK[status ?? 'pending'];
                  const role = cell && cell.role !== 'run' ? ` ${cell.role}` : '';
                  const seed = cell ? `seed ${cell.seed}${role}` : cellId;
                  return (
                    <button
                      key={cellId}
                      type="button"
                      className={`${SEED_BUTTON} ${look.tone} ${first === cellId ? 'ring-2 ring-fuchsia-500' : ''}`}
                      aria-label={`${verb} ${row.problemId}, k = ${c.budget}, ${seed}: ${look.words}`}
                      title={`${seed}: ${look.words}`}
                      onClick={() => choose(cellId)}
                    >
                      {look.glyph}
                      {cell ? cell.seed : ''}
                    </button>
                  );
                })}
              </span>
            </td>
          );
        })}
        <td className="px-2" data-testid="first-solved">
          {row.firstSolvedBudget === null ? '—' : `k = ${row.firstSolvedBudget}`}
        </td>
      </tr>
    );
  },
  (a, b) =>
    a.signature === b.signature && a.label === b.label && a.mode === b.mode && a.first === b.first,
);
