import type { NodeId } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import type { TreeNode } from '../../core/tree/tree';
import { pathTo, q } from '../../core/tree/tree';
import { shorten } from '../../narration/format';
import { selectNode } from '../../store';

/** Props of {@link NodePath}. */
export interface NodePathProps {
  tree: SearchTree;
  nodeId: NodeId;
}

/**
 * A path entry's numbers, so a path reads at once: the PRM score where the step was scored,
 * and Q where the search visits (MCTS) and the node was visited.
 * @example stepNumbers({ prm: 0.82, N: 2, W: 1 }, 'mcts') // 'PRM 0.82 · Q 0.50'
 */
export function stepNumbers(
  node: Pick<TreeNode, 'prm' | 'N' | 'W'>,
  algorithm: SearchTree['algorithm'],
): string {
  const parts: string[] = [];
  if (node.prm !== null) parts.push(`PRM ${node.prm.toFixed(2)}`);
  if (algorithm === 'mcts' && node.N > 0) parts.push(`Q ${q(node).toFixed(2)}`);
  return parts.join(' · ');
}

/**
 * The path from the root to the node, one entry per step with its PRM score and Q; clicking
 * an entry inspects that node. Step text is shortened here (the full text is the entry's tooltip) and shown as text.
 */
export function NodePath({ tree, nodeId }: NodePathProps) {
  const path = pathTo(tree, nodeId);
  return (
    <nav aria-label="Path from the root">
      <h3 className="mb-1 text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">
        Path from the root
      </h3>
      <ol className="flex flex-col gap-0.5">
        {path.map((id, i) => {
          const node = tree.nodes[id];
          const current = id === nodeId;
          const label = i === 0 ? 'root' : shorten(node?.text ?? `node ${id}`, 36);
          return (
            <li
              key={id}
              className="flex items-baseline gap-1"
              style={{ paddingLeft: `${i * 0.5}rem` }}
            >
              <span aria-hidden="true" className="text-slate-400">
                {i === 0 ? '●' : '└'}
              </span>
              <button
                type="button"
                title={node?.text ?? ''}
                aria-current={current ? 'step' : undefined}
                onClick={() => selectNode(id)}
                className={`rounded px-1 text-left font-mono text-xs hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-800 ${
                  current
                    ? 'font-semibold text-blue-700 dark:text-blue-300'
                    : 'text-slate-700 dark:text-slate-300'
                }`}
              >
                {label}
              </button>
              {node && i > 0 && (
                <span className="font-mono text-xs whitespace-nowrap text-slate-600 tabular-nums dark:text-slate-400">
                  {stepNumbers(node, tree.algorithm)}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
