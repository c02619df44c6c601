import { num, shorten } from '../../narration/format';
import { DECIDED_BY_WORDS, RULE_NAME, UCB_FORMULA, UNVISITED_NOTE } from '../../narration/ucbWords';
import { ucbFormula, ucbLine } from '../../layout/ucbFormula';
import { selectNode } from '../../store';
import type { SiblingTableModel } from './siblingTable';
import { TIPS, fixed, withExact } from './tips';

/** Where the numbers come from, in words. */
function sourceWords(table: SiblingTableModel): string {
  const { source } = table;
  if (source.kind === 'select') {
    return `At iteration ${source.iteration} (event ${source.eventIndex + 1}): the run file's numbers, as they were when the search chose among these children.`;
  }
  if (source.why === 'not-selected-yet') {
    return 'No selection has chosen among these children yet: current values, computed with the rule from their N and W now.';
  }
  const name = source.algorithm === 'beam' ? 'Beam search' : 'Best-of-N';
  return `${name} does not select by UCB: current values, computed as MCTS with ${RULE_NAME[table.rule]} and c = ${num(table.c)} would score these children.`;
}

const CELL = 'px-1 py-0.5 text-right font-mono tabular-nums';

/** Props of {@link SiblingUcbTable}. */
export interface SiblingUcbTableProps {
  table: SiblingTableModel;
}

/**
 * The selected node and its siblings with their UCB terms: the formula written out, c,
 * N(parent), one row per child (exploit Q, explore, total; P under PUCT), the winner marked
 * and which term decided. Clicking a child's name inspects it.
 */
export function SiblingUcbTable({ table }: SiblingUcbTableProps) {
  const puct = table.rule === 'puct';
  const chosen = table.source.kind === 'select' ? 'chosen' : 'the rule’s pick now';
  const winnerTip =
    table.source.kind === 'select'
      ? 'The child the rule chose'
      : 'The child the rule would choose now';
  return (
    <div className="flex flex-col gap-1">
      <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">
        Siblings’ {RULE_NAME[table.rule]} terms
      </h3>
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="ucb-source">
        {sourceWords(table)}
      </p>
      <p className="font-mono text-xs" data-testid="ucb-formula">
        {UCB_FORMULA[table.rule]}
        <span className="text-slate-500 dark:text-slate-400"> ({UNVISITED_NOTE[table.rule]})</span>
      </p>
      <p className="font-mono text-xs">
        <span title={withExact(TIPS.c, table.c)}>c = {fixed(table.c)}</span> ·{' '}
        <span title={TIPS.parentN}>N(parent) = {table.parentN}</span>
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-xs" aria-describedby="ucb-decided">
          <caption className="sr-only">
            UCB terms of the node and its siblings ({sourceWords(table)})
          </caption>
          <thead>
            <tr className="border-b border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-400">
              <th scope="col" className="px-1 py-0.5 text-left font-medium">
                Child
              </th>
              <th scope="col" className="px-1 py-0.5 text-right font-medium" title={TIPS.candN}>
                N
              </th>
              <th scope="col" className="px-1 py-0.5 text-right font-medium" title={TIPS.candQ}>
                Q
              </th>
              {puct && (
                <th scope="col" className="px-1 py-0.5 text-right font-medium" title={TIPS.candP}>
                  P
                </th>
              )}
              <th
                scope="col"
                className="px-1 py-0.5 text-right font-medium"
                title={TIPS.explore[table.rule]}
              >
                explore
              </th>
              <th scope="col" className="px-1 py-0.5 text-right font-medium" title={TIPS.total}>
                {puct ? 'score' : 'UCB'}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr
                key={row.id}
                data-node-id={row.id}
                aria-current={row.selected ? 'true' : undefined}
                className={`border-b border-slate-200 dark:border-slate-800 ${
                  row.selected ? 'bg-blue-100 dark:bg-blue-950' : ''
                }`}
              >
                <th
                  scope="row"
                  className={`${puct ? 'max-w-[6.5rem]' : 'max-w-[9rem]'} px-1 py-0.5 text-left font-normal`}
                >
                  <button
                    type="button"
                    title={row.text}
                    onClick={() => selectNode(row.id)}
                    className="max-w-full truncate rounded text-left font-mono hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
                  >
                    {row.winner && (
                      <span className="text-amber-600 dark:text-amber-400" title={winnerTip}>
                        ★{' '}
                      </span>
                    )}
                    {shorten(row.text, 24)}
                  </button>
                  {row.winner && <span className="sr-only"> ({chosen})</span>}
                </th>
                <td className={CELL} title={withExact(TIPS.candN, row.N)}>
                  {row.N}
                </td>
                <td className={CELL} title={withExact(`${TIPS.candQ} W = ${row.W}.`, row.Q)}>
                  {fixed(row.exploit)}
                </td>
                {puct && (
                  <td className={CELL} title={withExact(TIPS.candP, row.P ?? null)}>
                    {row.P === undefined ? '—' : fixed(row.P)}
                  </td>
                )}
                <td className={CELL} title={withExact(TIPS.explore[table.rule], row.explore)}>
                  {fixed(row.explore)}
                </td>
                <td
                  className={`${CELL} ${row.winner ? 'font-semibold' : ''}`}
                  title={withExact(TIPS.total, row.total)}
                >
                  {fixed(row.total)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol
        aria-label="UCB with the numbers plugged in"
        className="flex flex-col gap-0.5 font-mono text-xs"
      >
        {table.rows.map((row) => (
          <li
            key={row.id}
            data-ucb-formula={row.id}
            className={row.winner ? 'font-semibold text-blue-800 dark:text-blue-300' : ''}
          >
            {row.winner ? '★ ' : ''}
            {shorten(row.text, 16)}: {ucbLine(ucbFormula(row, table.rule, table.c, table.parentN))}
          </li>
        ))}
      </ol>
      <p id="ucb-decided" className="text-xs" data-testid="ucb-decided">
        <span className="font-medium">Decided by {DECIDED_BY_WORDS[table.decidedBy].term}</span>:{' '}
        {DECIDED_BY_WORDS[table.decidedBy].why}.
      </p>
    </div>
  );
}
