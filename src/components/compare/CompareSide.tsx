import type { NodeId } from '../../core/tree/events';
import { verdictWords } from '../../core/tree/tree';
import { Stat } from '../inspector/Stat';
import type { Palette } from '../tree/palette';
import type { CompareFocus, Side, SideSummary } from './compareModel';
import type { ReadySide } from './compareState';
import { ALGORITHM_WORDS } from './compareModel';
import { foldedWords } from './compareWords';
import { CompareTree } from './CompareTree';

/** Props of {@link CompareSide}. */
export interface CompareSideProps {
  side: Side;
  title: string;
  /** The side ready to draw, or why it cannot be drawn. */
  run: ReadySide | { error: string };
  /** What this side says about the highlighted node (compareWords), or null. */
  status: string | null;
  highlighted: ReadonlySet<NodeId>;
  tabStop: NodeId;
  /** A node to scroll into view (the counterpart of a selection on the other side). */
  reveal: NodeId | null;
  palette: Palette;
  /** Open the tree where a class can read its cards (presentation mode). */
  readable?: boolean;
  onPreview: (focus: CompareFocus | null) => void;
  onSelect: (focus: CompareFocus) => void;
}

const TIPS = {
  answer:
    'The search’s answer once it finished (else the best answer reached so far), and whether it is correct.',
  generated:
    'Tokens the model generated in this run, summed over every step, judge call and rollout.',
  calls: 'Model calls: proposer calls (writing steps) plus judge calls (scoring them).',
  nodes: 'Nodes of the final tree: the problem and every step written.',
  shared: 'Nodes whose steps from the root the other run wrote too: “the same node” in both.',
} as const;

/** The answer in words. */
function answerText(s: SideSummary): string {
  if (s.answer === null) return s.finished ? 'none' : 'none (unfinished)';
  const verdict = verdictWords(s.correct);
  return `${s.answer} — ${verdict}${s.finished ? '' : ' (unfinished)'}`;
}

/**
 * One side of the comparison: the run's title, its answer and whether it is correct, the
 * compute it spent (tokens generated, model calls), its node count, a status line about the
 * highlighted node, and its tree. A run that cannot be read shows why instead.
 */
export function CompareSide({
  side,
  title,
  run,
  status,
  highlighted,
  tabStop,
  reveal,
  palette,
  readable = false,
  onPreview,
  onSelect,
}: CompareSideProps) {
  const headingId = `compare-${side}-title`;
  return (
    <section
      data-testid={`compare-${side}`}
      aria-labelledby={headingId}
      className="flex min-h-0 min-w-0 flex-col gap-1.5 rounded border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-950"
    >
      <h3
        id={headingId}
        className="truncate font-semibold text-slate-900 dark:text-slate-100"
        title={title}
      >
        {title}
      </h3>
      {'error' in run ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {run.error}
        </p>
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-0.5 text-sm sm:grid-cols-4">
            <Stat term="Answer" title={TIPS.answer} words>
              <span
                className={
                  run.summary.correct
                    ? 'text-green-700 dark:text-green-400'
                    : run.summary.answer === null || run.summary.correct === null
                      ? ''
                      : 'text-red-700 dark:text-red-400'
                }
              >
                {answerText(run.summary)}
              </span>
            </Stat>
            <Stat term="Tokens generated" title={TIPS.generated}>
              {run.summary.generated.toLocaleString('en')}
            </Stat>
            <Stat
              term="Model calls"
              title={`${TIPS.calls} Here: ${run.summary.proposerCalls} proposer + ${run.summary.judgeCalls} judge.`}
            >
              {run.summary.calls.toLocaleString('en')}
            </Stat>
            <Stat term="Nodes" title={`${TIPS.nodes} ${run.shared} are in the other run too.`}>
              {run.summary.nodes.toLocaleString('en')}
              <span className="text-xs text-slate-500 dark:text-slate-400">
                {` (${run.shared} shared)`}
              </span>
            </Stat>
          </dl>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {run.summary.algorithm ? ALGORITHM_WORDS[run.summary.algorithm] : 'Search'}
            {' · ring = the same node in both runs · blue line = the answer’s line'}
          </p>
          <p
            data-testid={`compare-${side}-status`}
            aria-live="polite"
            className="min-h-10 text-sm text-slate-700 dark:text-slate-300 presentation:sr-only"
          >
            {status ?? 'Point at a node (or focus it and press Enter) to find it in the other run.'}
          </p>
          <div className="h-96 min-h-40 in-data-[compare-fill]:h-auto in-data-[compare-fill]:flex-1">
            <CompareTree
              side={side}
              label={`${side === 'left' ? 'Left' : 'Right'} run: ${title}`}
              tree={run.tree}
              index={run.index}
              cards={run.cards}
              drawn={run.drawn}
              answerLine={run.answerLine}
              highlighted={highlighted}
              tabStop={tabStop}
              reveal={reveal}
              palette={palette}
              readable={readable}
              onPreview={onPreview}
              onSelect={onSelect}
            />
          </div>
          {foldedWords(run.drawn.hidden, run.summary.nodes, run.drawn.topK) && (
            <p className="text-xs text-amber-800 dark:text-amber-300">
              {foldedWords(run.drawn.hidden, run.summary.nodes, run.drawn.topK)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
