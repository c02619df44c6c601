import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NodeId } from '../../core/tree/events';
import type { FindQuery, FindResult } from '../../layout/find';
import { NO_QUERY, findNodes, stepMatch } from '../../layout/find';
import { selectNode } from '../../store';
import type { TreeModel } from './useTreeModel';

/** The find box's state and what it found. */
export interface Find {
  query: FindQuery;
  setQuery: (query: FindQuery) => void;
  result: FindResult;
  /** The match last moved to (inspected), while it still matches. */
  currentId: NodeId | null;
  /** Its place among the matches (0-based), or null. */
  currentIndex: number | null;
  /** Moves to the next (+1) or previous (−1) match: inspects it and centres it. */
  step: (by: 1 | -1) => void;
  /** Empties the query: no highlights. */
  clear: () => void;
}

/**
 * Finding nodes in the tree view: the query (view state, never recorded), its matches in the
 * tree at the cursor (layout/find.ts; the card titles are searched too), and moving through
 * them. `centre` is called with a match once it is laid out (a match folded away by top-k is
 * pinned by inspecting it, and centred after the next layout).
 */
export function useFind(model: TreeModel, centre: (id: NodeId) => boolean): Find {
  const [query, setQuery] = useState<FindQuery>(NO_QUERY);
  const [currentId, setCurrentId] = useState<NodeId | null>(null);
  // The match to centre once it is laid out; `moves` re-runs the effect for each move.
  const pending = useRef<NodeId | null>(null);
  const [moves, setMoves] = useState(0);
  const { tree, cards } = model;
  const result = useMemo(
    () => findNodes(tree, query, (n) => cards.title(n).title),
    [tree, query, cards],
  );
  const found = currentId === null ? -1 : result.matches.indexOf(currentId);
  const currentIndex = found < 0 ? null : found;

  const step = useCallback(
    (by: 1 | -1) => {
      const next = stepMatch(result.matches.length, currentIndex, by);
      if (next === null) return;
      const id = result.matches[next] ?? null;
      if (id === null) return;
      setCurrentId(id);
      selectNode(id);
      pending.current = id;
      setMoves((n) => n + 1);
    },
    [result.matches, currentIndex],
  );
  useEffect(() => {
    if (pending.current !== null && centre(pending.current)) pending.current = null;
  }, [moves, centre]);

  const clear = useCallback(() => {
    setQuery(NO_QUERY);
    setCurrentId(null);
    pending.current = null;
  }, []);
  const update = useCallback((q: FindQuery) => setQuery(q), []);
  return { query, setQuery: update, result, currentId, currentIndex, step, clear };
}
