import type { TraceEvent } from '../core/tree/events';
import type { SearchTree } from '../core/tree/tree';
import { narrateExpand } from './expansion';
import { narrateScore, narrateTerminal } from './judging';
import { narrateDone, narrateStart } from './outcome';
import { narrateBackprop, narrateBacktrack, narrateSimulate } from './phases';
import { narratePrune } from './prune';
import type { NarrationContext, Scene } from './scene';
import { narrateSelect } from './selection';

export type { NarrationContext } from './scene';

/** What the line says before the first event. */
export const NOTHING_YET = 'Nothing has happened yet: press Step (→) or Play (Space) to begin.';

/**
 * What one event did, in plain words and with its numbers, e.g. "Iteration 5 — selection at
 * depth 1: child '8 / 8 = 1 (left: 4 6 1)' wins with UCB 2.46 = 0.79 exploit + 1.67
 * explore; …". Step text is quoted and shortened; numbers have two decimals (∞ for an
 * infinite UCB). The result is plain text: show it as text, never as HTML.
 *
 * @param event the event, or null before the first one
 * @param before the tree before the event (to name what it changed)
 * @param after the tree after the event (holds every node the event names)
 * @param context the run's search settings, for "sample 3 of 8" or "ranked by min score"
 * @returns one to a few sentences, never empty
 */
export function narrate(
  event: TraceEvent | null,
  before: SearchTree,
  after: SearchTree,
  context: NarrationContext = {},
): string {
  if (event === null) return NOTHING_YET;
  const scene: Scene = {
    before,
    after,
    search: context.search ?? null,
    task: context.task ?? null,
  };
  switch (event.type) {
    case 'start':
      return narrateStart(event, scene);
    case 'select':
      return narrateSelect(event, scene);
    case 'expand':
      return narrateExpand(event, scene);
    case 'score':
      return narrateScore(event, scene);
    case 'terminal':
      return narrateTerminal(event, scene);
    case 'simulate':
      return narrateSimulate(event, scene);
    case 'backprop':
      return narrateBackprop(event, scene);
    case 'backtrack':
      return narrateBacktrack(event, scene);
    case 'prune':
      return narratePrune(event, scene);
    case 'done':
      return narrateDone(event, scene);
    default: {
      const unknown: never = event;
      return `Event: ${String((unknown as { type?: unknown }).type)}`;
    }
  }
}
