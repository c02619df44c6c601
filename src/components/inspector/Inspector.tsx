import { useMemo } from 'react';
import { beamVerdict } from '../../layout/beamVerdict';
import { useArbor } from '../../store';
import { BeamVerdictPanel } from './BeamVerdictPanel';
import { NodeFlags } from './NodeFlags';
import { NodeNumbers } from './NodeNumbers';
import { NodePath } from './NodePath';
import { SiblingUcbTable } from './SiblingUcbTable';
import { siblingTable } from './siblingTable';
import { TIPS } from './tips';

const PANEL =
  'flex flex-col gap-3 rounded border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-800 dark:bg-slate-900';

function Heading() {
  return (
    <h2 id="inspector-heading" className="font-semibold">
      Inspector
    </h2>
  );
}

/**
 * The selected node in full: its step text (as text — model output is never HTML), the path
 * from the root (click an entry to inspect it), its numbers with their evidence, and its
 * siblings' UCB terms with the formula, c and which term decided — the run file's numbers.
 */
export function Inspector() {
  const selectedId = useArbor((s) => s.selectedId);
  const tree = useArbor((s) => s.tree);
  const trace = useArbor((s) => s.trace);
  const cursor = useArbor((s) => s.cursor);
  const search = useArbor((s) => s.settings.search);
  const node = selectedId === null ? null : (tree.nodes[selectedId] ?? null);
  const beam = tree.algorithm === 'beam';
  const sampled = tree.algorithm === 'best-of-n';
  const table = useMemo(
    () => (node && !beam && !sampled ? siblingTable(node, tree, trace.all, cursor, search) : null),
    [node, beam, sampled, tree, trace, cursor, search],
  );
  const verdict = useMemo(
    () => (node && beam ? beamVerdict(trace.all, cursor, node.id) : null),
    [node, beam, trace, cursor],
  );

  if (selectedId === null || !node) {
    return (
      <section aria-labelledby="inspector-heading" className={PANEL}>
        <Heading />
        <p className="text-slate-600 dark:text-slate-400">
          {selectedId === null
            ? 'Click a node in the tree to inspect it.'
            : `Node ${selectedId} does not exist yet at event ${cursor}: step forward to see it.`}
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="inspector-heading" className={PANEL}>
      <div className="flex items-baseline justify-between gap-2">
        <Heading />
        <span className="text-xs text-slate-600 dark:text-slate-400">
          <span title={TIPS.id}>node {node.id}</span> ·{' '}
          <span title={TIPS.depth}>depth {node.depth}</span>
        </span>
      </div>
      <div>
        <h3 className="mb-1 text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">
          {node.parent === null ? 'Problem' : 'Step text'}
        </h3>
        <p
          data-testid="inspector-step-text"
          className="max-h-40 overflow-auto rounded border border-slate-200 bg-white p-2 font-mono break-words whitespace-pre-wrap dark:border-slate-700 dark:bg-slate-950"
        >
          {node.text}
        </p>
      </div>
      <NodePath tree={tree} nodeId={node.id} />
      <NodeNumbers tree={tree} node={node} />
      {beam && node.parent !== null ? (
        <BeamVerdictPanel verdict={verdict} />
      ) : sampled && node.parent !== null ? (
        <p data-testid="sample-note" className="text-slate-600 dark:text-slate-400">
          Best-of-N draws each sample on its own from the problem: nothing is selected by UCB. Each
          step has its PRM score; the samples&apos; scores or votes, written on the tree, choose the
          answer.
        </p>
      ) : table ? (
        <SiblingUcbTable table={table} />
      ) : (
        <p className="text-slate-600 dark:text-slate-400">
          The root has no siblings: no selection chooses it.
        </p>
      )}
      <NodeFlags node={node} />
    </section>
  );
}
