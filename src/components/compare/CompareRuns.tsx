import type { KeyboardEvent } from 'react';
import { useMemo, useState } from 'react';
import { taskEntry } from '../../core/tasks/registry';
import { createCardBook } from '../../layout/card';
import { DEFAULT_SETTINGS } from '../../run/settings';
import type { ComparedRun, Theme } from '../../store';
import { useArbor } from '../../store';
import { textWidth } from '../tree/encodings';
import { PALETTES } from '../tree/palette';
import { TreeLegend } from '../tree/TreeLegend';
import type { CompareFocus, Side } from './compareModel';
import { compareKeyAction, foldRun } from './compareModel';
import { ComparePath } from './ComparePath';
import { CompareSide } from './CompareSide';
import type { Both } from './compareState';
import { highlightFor, pinsFor, readySide, revealFor, tabStopFor } from './compareState';

/** The card titles of a run of `task` (the default task when unknown), measured on the page. */
function cardsFor(run: ComparedRun) {
  return createCardBook(taskEntry(run.task ?? DEFAULT_SETTINGS.task).shortStep, textWidth);
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
 * clears the selection (and, with none, is left to the dialog around, which closes).
 */
export function CompareRuns({ left, right, initialSelected = null, theme }: CompareRunsProps) {
  const pageTheme = useArbor((s) => s.theme);
  const presenting = useArbor((s) => s.presenting);
  const palette = PALETTES[theme ?? pageTheme];
  const leftRun = useMemo(() => foldRun(left.events), [left.events]);
  const rightRun = useMemo(() => foldRun(right.events), [right.events]);
  const leftCards = useMemo(() => cardsFor(left), [left]);
  const rightCards = useMemo(() => cardsFor(right), [right]);
  const [selected, setSelected] = useState<CompareFocus | null>(initialSelected);
  const [preview, setPreview] = useState<CompareFocus | null>(null);

  const sides = useMemo(() => {
    const runs = { left: leftRun, right: rightRun };
    return {
      left: readySide(leftRun, rightRun, pinsFor('left', selected, runs), leftCards),
      right: readySide(rightRun, leftRun, pinsFor('right', selected, runs), rightCards),
    };
  }, [leftRun, rightRun, selected, leftCards, rightCards]);

  const titles: Both<string> = { left: left.title, right: right.title };
  const active = preview ?? selected;
  const highlight = highlightFor(active, sides, titles);
  const reveal = revealFor(selected, sides, highlightFor(selected, sides, titles).lit);

  const select = (focus: CompareFocus) =>
    setSelected((s) => (s?.side === focus.side && s.id === focus.id ? null : focus));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (compareKeyAction(e.key) !== 'clear' || selected === null) return;
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
      <div className="grid grid-cols-1 gap-2 md:h-[var(--compare-row-height,auto)] md:grid-cols-2">
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
            readable={presenting}
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
