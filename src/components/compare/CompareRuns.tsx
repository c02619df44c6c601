import type { KeyboardEvent } from 'react';
import { useMemo, useState } from 'react';
import type { TraceEvent } from '../../core/tree/events';
import type { Theme } from '../../store';
import { useArbor } from '../../store';
import { PALETTES } from '../tree/palette';
import { TreeLegend } from '../tree/TreeLegend';
import type { CompareFocus, Side } from './compareModel';
import { compareKeyAction, foldRun } from './compareModel';
import { ComparePath } from './ComparePath';
import { CompareSide } from './CompareSide';
import type { Both } from './compareState';
import { highlightFor, pinsFor, readySide, revealFor, tabStopFor } from './compareState';

/** One run to compare: a title for its side and its events (a whole run, start to done). */
export interface ComparedRun {
  title: string;
  events: readonly TraceEvent[];
}

/** Props of {@link CompareRuns}. */
export interface CompareRunsProps {
  left: ComparedRun;
  right: ComparedRun;
  /** A node selected from the start (e.g. the left run's answer); none by default. */
  initialSelected?: CompareFocus | null;
  /** The colour theme; the page's theme by default. */
  theme?: Theme;
}

const SIDES: readonly Side[] = ['left', 'right'];

/**
 * Two runs of one problem side by side — say budget k = 2 against k = 32 (MetaStone-S1's
 * low and high effort, arXiv 2507.01951), or an exact PRM against a noisy one — each with
 * its answer, compute and final tree. "The same node" is the node reached by the same step
 * texts (`lab/sameNode.ts`): pointing at a node (hover, focus, click, or Enter / Space)
 * rings it and its counterpart in the other run, or that side says the run never got there;
 * the node's line shows under the trees with the steps both runs share marked. Escape
 * clears the selection.
 */
export function CompareRuns({ left, right, initialSelected = null, theme }: CompareRunsProps) {
  const pageTheme = useArbor((s) => s.theme);
  const palette = PALETTES[theme ?? pageTheme];
  const leftRun = useMemo(() => foldRun(left.events), [left.events]);
  const rightRun = useMemo(() => foldRun(right.events), [right.events]);
  const [selected, setSelected] = useState<CompareFocus | null>(initialSelected);
  const [preview, setPreview] = useState<CompareFocus | null>(null);

  const sides = useMemo(() => {
    const runs = { left: leftRun, right: rightRun };
    return {
      left: readySide(leftRun, rightRun, pinsFor('left', selected, runs)),
      right: readySide(rightRun, leftRun, pinsFor('right', selected, runs)),
    };
  }, [leftRun, rightRun, selected]);

  const titles: Both<string> = { left: left.title, right: right.title };
  const active = preview ?? selected;
  const highlight = highlightFor(active, sides, titles);
  const reveal = revealFor(selected, sides, highlightFor(selected, sides, titles).lit);

  const select = (focus: CompareFocus) =>
    setSelected((s) => (s?.side === focus.side && s.id === focus.id ? null : focus));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (compareKeyAction(e.key) !== 'clear' || (selected === null && preview === null)) return;
    e.preventDefault();
    setSelected(null);
    setPreview(null);
  };

  return (
    <div
      className="flex flex-col gap-3 text-slate-900 dark:text-slate-100"
      data-testid="compare-runs"
      onKeyDown={onKeyDown}
    >
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
        {SIDES.map((side) => (
          <CompareSide
            key={side}
            side={side}
            title={titles[side]}
            run={sides[side]}
            status={highlight.status[side]}
            highlighted={highlight.lit[side]}
            tabStop={tabStopFor(side, active, sides, highlight.lit[side])}
            reveal={reveal[side]}
            palette={palette}
            onPreview={setPreview}
            onSelect={select}
          />
        ))}
      </div>
      <ComparePath shown={highlight.path} />
      <details className="text-xs text-slate-600 dark:text-slate-400">
        <summary className="cursor-pointer">Legend: how the trees are drawn</summary>
        <figure className="mt-1">
          <TreeLegend palette={palette} dots />
        </figure>
      </details>
    </div>
  );
}
