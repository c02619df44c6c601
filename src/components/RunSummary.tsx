import type { ReactNode } from 'react';
import type { SearchTree } from '../core/tree/tree';
import { verdictWords } from '../core/tree/tree';
import { taskEntry } from '../core/tasks/registry';
import { engineFor } from '../engines/registry';
import type { ServerRecording } from '../engines/server/recording';
import { cachedShare } from '../engines/server/cachedShare';
import { importedFacts } from '../run/importedRun';
import {
  answerSoFar,
  continueRun,
  focusPath,
  lastEventType,
  play,
  rootN,
  useArbor,
} from '../store';

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs font-medium tracking-wide text-slate-500 dark:text-slate-400 uppercase">
        {term}
      </dt>
      <dd className="text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}

/** What `tree.iteration` counts, per algorithm. */
const ITERATION_WORD = { mcts: 'iteration', beam: 'depth', 'best-of-n': 'sample' } as const;

/** Continue: picks a run that failed or was stopped up where it ended; its events are kept. */
function ContinueButton() {
  return (
    <button
      type="button"
      className="mt-2 inline-flex h-8 items-center justify-center rounded border border-slate-300 bg-white px-2 text-sm font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
      title="Go on from the last recorded event: the events so far stay as they are"
      onClick={() => {
        if (continueRun()) play();
      }}
    >
      Continue
    </button>
  );
}

const STATUS_WORDS = {
  idle: 'Ready',
  running: 'Running',
  paused: 'Paused',
  done: 'Done',
  error: 'Error',
} as const;

/** What the server said its prefix cache saved, never estimated. */
function cachedWords(recording: ServerRecording): string {
  const c = cachedShare(recording);
  if (c.share === null) return `not reported by the server (${c.replies} replies)`;
  const pct = Math.round(c.share * 1000) / 10;
  return `${pct}% of ${c.prompt.toLocaleString('en-US')} prompt tokens, as the server reported (${c.reported} of ${c.replies} replies)`;
}

/**
 * What the run has done so far: the puzzle, the root's visits, the best answer (or the
 * search's answer once done), where the cursor is and the compute spent. Announced politely
 * to screen readers, and held back (`aria-busy`) while playing.
 */
export function RunSummary() {
  const settings = useArbor((s) => s.settings);
  const tree = useArbor((s) => s.tree);
  const cursor = useArbor((s) => s.cursor);
  const eventCount = useArbor((s) => s.eventCount);
  const complete = useArbor((s) => s.complete);
  const status = useArbor((s) => s.status);
  const error = useArbor((s) => s.error);
  const playing = useArbor((s) => s.playing);
  const events = useArbor((s) => s.trace).all;

  const entry = taskEntry(settings.task);
  const problem = entry.getProblem(settings.problemId);
  const answer = answerSoFar(tree);
  const lastType = lastEventType(events, cursor);
  const path = focusPath(tree).slice(1);
  const { generated, prefilled, proposerCalls, judgeCalls } = tree.compute;
  const stopped = useArbor((s) => s.stopped);
  const source = useArbor((s) => s.source);
  const recording = useArbor((s) => s.recording);

  return (
    <section
      aria-labelledby="run-summary-heading"
      aria-live="polite"
      aria-busy={playing}
      className="rounded border border-slate-200 dark:border-slate-800 bg-slate-50 dark:bg-slate-900 p-3"
    >
      <h2 id="run-summary-heading" className="mb-2 font-semibold">
        Run summary
      </h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm">
        {source ? (
          <Item term="Question (from the file)">
            <span className="line-clamp-4 break-words">
              {importedFacts(source, events).question || 'none in the file'}
            </span>
          </Item>
        ) : (
          <Item term={entry.problemNoun}>
            {problem ? entry.summary(problem) : (tree.nodes[0]?.text ?? settings.problemId)}
          </Item>
        )}
        <Item term="Status">{STATUS_WORDS[status]}</Item>
        <Item term="Event">{`${cursor} of ${eventCount}${complete ? '' : ' so far'}`}</Item>
        <Item term="Phase">
          {tree.phase ?? '—'}
          {lastType && lastType !== tree.phase ? ` (last event: ${lastType})` : ''}
          {tree.iteration > 0
            ? ` · ${ITERATION_WORD[tree.algorithm ?? 'mcts']} ${tree.iteration}`
            : ''}
        </Item>
        {/* Each algorithm's own quantity: beam search and best-of-N visit nothing. */}
        {tree.algorithm === 'beam' ? (
          <Item term="Beam">{beamWords(tree)}</Item>
        ) : tree.algorithm === 'best-of-n' ? (
          <Item term="Samples">{tree.nodes[0]?.children.length ?? 0}</Item>
        ) : (
          <Item term="Root visits N">{rootN(tree)}</Item>
        )}
        <Item term={answer?.final ? 'Answer' : 'Best answer so far'}>
          {answer
            ? `${answer.answer} — ${verdictWords(answer.correct)}`
            : tree.done
              ? 'none'
              : 'none yet'}
        </Item>
        <Item term="Compute">
          {`${generated} generated tokens · `}
          {settings.engine.kind === 'simulated' ? '' : `${prefilled} prefilled · `}
          {`${proposerCalls} proposer calls · ${judgeCalls} judge calls`}
        </Item>
        {settings.engine.kind === 'server' && recording !== null && (
          <Item term="Prefill cached">{cachedWords(recording)}</Item>
        )}
        <Item term="Backtracks">
          <span title="After a setback: the search left a line that went badly (its last value below 0.5 cost it its lead). Changes of line: every selection that left the line grown the iteration before.">
            {tree.algorithm === 'mcts'
              ? `${tree.backtrackCount} after a setback · ${tree.lineChangeCount} changes of line`
              : tree.backtrackCount}
          </span>
        </Item>
        <Item term="Nodes">{tree.nodes.length}</Item>
        <Item term="Engine">
          {source
            ? `Imported from ${importedFacts(source, events).tool}`
            : engineFor(settings.engine).describe(settings.engine)}
        </Item>
      </dl>
      {stopped && (
        <p className="mt-2 text-sm text-amber-800 dark:text-amber-300">
          Stopped by you after {eventCount} events: the tree holds every whole step so far.
        </p>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          The run stopped: {error}
        </p>
      )}
      {(error !== null || stopped) && source === null && <ContinueButton />}
      {path.length > 0 && (
        <div className="mt-3 text-sm">
          <h3 className="font-medium">{tree.done ? 'Answer line' : 'Current line'}</h3>
          <ol className="list-decimal pl-6 font-mono text-xs">
            {path.map((id) => (
              <li key={id}>{tree.nodes[id]?.text}</li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

/** A beam search's nodes in words: how many the beam kept and how many it pruned. */
function beamWords(tree: SearchTree): string {
  let kept = 0;
  let pruned = 0;
  for (const n of tree.nodes) {
    if (n.parent === null) continue;
    if (n.pruned) pruned++;
    else kept++;
  }
  return `${kept} kept · ${pruned} pruned`;
}
