/**
 * The words the compare view says about the highlighted node on each side: whether the
 * other run reached the same node (the same step texts from the root, `lab/sameNode.ts`),
 * and if not, how much of the line the two runs share. Plain strings, drawn as text.
 */

/** What one side knows about the node highlighted on either side. */
export interface SideMatch {
  /** This side holds the node the user pointed at. */
  source: boolean;
  /** Nodes of this side reached by the same steps (the source itself included). */
  matches: number;
  /** Of those, how many are drawn (the rest are folded behind "+N more"). */
  drawn: number;
  /** Nodes of the highlighted line, root included, that this side has too. */
  shared: number;
  /** Nodes of the highlighted line, root included. */
  length: number;
}

/** "1 step", "2 steps". */
export function steps(n: number): string {
  return `${n} ${n === 1 ? 'step' : 'steps'}`;
}

/**
 * The status line of one side, or null when nothing is highlighted.
 * @example matchWords({ source: false, matches: 0, drawn: 0, shared: 2, length: 4 })
 *   // 'Not in this run: it shares the first step of that line, then takes other steps.'
 */
export function matchWords(m: SideMatch | null): string | null {
  if (m === null) return null;
  const folded = m.matches - m.drawn;
  const hiddenNote = folded > 0 ? ` (${folded} of them folded behind “+N more”, not drawn)` : '';
  if (m.source) {
    return m.matches > 1
      ? `Highlighted here, with ${m.matches - 1} more ${m.matches === 2 ? 'node' : 'nodes'} writing the same steps${hiddenNote}.`
      : 'Highlighted here.';
  }
  if (m.matches === 0) {
    if (m.shared === 0) return 'Not in this run: the two runs start from different problems.';
    if (m.shared === 1) return 'Not in this run: it never took the first step of that line.';
    return `Not in this run: it shares the first ${steps(m.shared - 1)} of that line, then takes other steps.`;
  }
  if (m.drawn === 0) return 'In this run too, but folded behind “+N more” (not drawn).';
  return m.matches === 1
    ? 'The same node in this run (same steps from the root).'
    : `In this run ${m.matches} times: it wrote the same steps more than once${hiddenNote}.`;
}

/** The note under a side whose tree is folded to fit, or null when every node is drawn. */
export function foldedWords(hidden: number, total: number, topK: number | null): string | null {
  if (hidden <= 0 || topK === null) return null;
  const kids = topK === 1 ? 'child' : 'children';
  return `Showing ${total - hidden} of ${total} nodes: each node keeps its ${topK} ${kids} with the most visits (then the best PRM score); ${hidden} more are behind “+N more”.`;
}
