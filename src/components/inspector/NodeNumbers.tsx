import type { SearchTree, TreeNode } from '../../core/tree/tree';
import { pathTo, q } from '../../core/tree/tree';
import { evidenceWords, JUDGE_NAME } from '../../narration/judging';
import { useArbor } from '../../store';
import { Stat } from './Stat';
import { TIPS, fixed, withExact } from './tips';

/** Props of {@link NodeNumbers}. */
export interface NodeNumbersProps {
  tree: SearchTree;
  node: TreeNode;
}

/**
 * The node's numbers — N, W, Q, PRM score with its judge and evidence, tokens, prior,
 * log-probability, backtracks. Each has a tooltip saying what it is, with the run file's
 * exact value.
 */
export function NodeNumbers({ tree, node }: NodeNumbersProps) {
  const task = useArbor((s) => s.settings.task);
  const Q = q(node);
  const pathTokens = pathTo(tree, node.id).reduce(
    (sum, id) => sum + (tree.nodes[id]?.tokens ?? 0),
    0,
  );
  const root = node.parent === null;
  const visits = tree.algorithm === 'mcts' || tree.algorithm === null;
  return (
    <div className="flex flex-col gap-2">
      <dl className="grid grid-cols-3 gap-x-3 gap-y-2" aria-label="Node numbers">
        {/* Beam search and best-of-N visit nothing: no N, W or Q to show. */}
        {visits && (
          <>
            <Stat term="N" title={withExact(TIPS.N, node.N)}>
              {node.N}
            </Stat>
            <Stat term="W" title={withExact(TIPS.W, node.W)}>
              {fixed(node.W)}
            </Stat>
            <Stat term="Q = W / N" title={withExact(TIPS.Q, Q)}>
              {fixed(Q)}
            </Stat>
          </>
        )}
        <Stat term="PRM score" title={node.prm === null ? TIPS.prm : withExact(TIPS.prm, node.prm)}>
          {node.prm === null ? '—' : fixed(node.prm)}
        </Stat>
        {!root && (
          <>
            <Stat term="Prior P" title={withExact(TIPS.prior, node.prior)}>
              {fixed(node.prior)}
            </Stat>
            <Stat term="log-prob" title={withExact(TIPS.logProb, node.logProb)}>
              {fixed(node.logProb)}
            </Stat>
          </>
        )}
        <Stat term="Tokens" title={TIPS.tokens}>
          {node.tokens}
        </Stat>
        <Stat term="Path tokens" title={TIPS.pathTokens}>
          {pathTokens}
        </Stat>
        <Stat term="Backtracks here" title={TIPS.backtracks}>
          {node.backtracks}
        </Stat>
      </dl>
      <dl aria-label="PRM evidence">
        <Stat term="Judge" title={TIPS.evidence} words>
          {node.evidence
            ? `${JUDGE_NAME[node.evidence.judge]}: ${evidenceWords(node.evidence, task)}`
            : 'not scored'}
        </Stat>
      </dl>
    </div>
  );
}
