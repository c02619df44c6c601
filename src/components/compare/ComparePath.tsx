import type { NodeId } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import { pathTo } from '../../core/tree/tree';
import { steps } from './compareWords';

/** The line to show: a node of one run, and how much of its line the other run shares. */
export interface PathShown {
  tree: SearchTree;
  id: NodeId;
  /** The run the node is in, and the other one (their titles). */
  title: string;
  otherTitle: string;
  /** Nodes of the line, root included, that the other run has too. */
  shared: number;
}

/**
 * The text of the highlighted node's line, under the trees: the problem, then each step,
 * the shared prefix (the steps both runs wrote, in this order) marked and the rest labelled
 * as this run's own. Step text is model output, shown as text.
 */
export function ComparePath({ shown }: { shown: PathShown | null }) {
  return (
    <section
      data-testid="compare-path"
      aria-label="Line of the highlighted node"
      className="rounded border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      {shown === null ? (
        <p className="text-slate-600 dark:text-slate-400">
          The line of the highlighted node shows here, with the steps both runs share marked.
        </p>
      ) : (
        <PathList shown={shown} />
      )}
    </section>
  );
}

function PathList({ shown }: { shown: PathShown }) {
  const ids = pathTo(shown.tree, shown.id);
  const sharedSteps = Math.max(0, shown.shared - 1);
  const summary =
    shown.shared === ids.length
      ? `${shown.otherTitle} has this whole line too.`
      : shown.shared === 0
        ? `${shown.otherTitle} starts from another problem: nothing is shared.`
        : `${shown.otherTitle} shares the first ${steps(sharedSteps)}; the rest is only in ${shown.title}.`;
  return (
    <>
      <h3 className="font-medium text-slate-900 dark:text-slate-100">
        Line in {shown.title} <span className="font-normal">— {summary}</span>
      </h3>
      <ol className="mt-2 flex flex-col gap-1 font-mono text-xs">
        {ids.map((id, i) => {
          const inBoth = i < shown.shared;
          return (
            <li
              key={id}
              data-shared={inBoth ? 'true' : undefined}
              className={`border-l-4 py-0.5 pl-2 break-words whitespace-pre-wrap ${
                inBoth
                  ? 'border-fuchsia-600 bg-fuchsia-50 text-slate-900 dark:border-fuchsia-300 dark:bg-fuchsia-950/40 dark:text-slate-100'
                  : 'border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-300'
              }`}
            >
              <span className="mr-2 font-sans text-[0.7rem] tracking-wide text-slate-500 uppercase dark:text-slate-400">
                {i === 0 ? 'problem' : `step ${i}`} · {inBoth ? 'both runs' : 'only here'}
              </span>
              {shown.tree.nodes[id]?.text ?? ''}
            </li>
          );
        })}
      </ol>
    </>
  );
}
