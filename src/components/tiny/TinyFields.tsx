import { useEffect, useState } from 'react';
import { taskEntry } from '../../core/tasks/registry';
import { tinyEngine } from '../../engines/tiny/definition';
import { TINY_TABLE } from '../../engines/tiny/settings';
import type { TinyEngineSettings } from '../../engines/tiny/settings';
import { updateTiny, useArbor } from '../../store';
import { TableFields } from '../TableFields';

/** The manifest's measured numbers the note shows. */
interface MeasuredNumbers {
  heldOut: number;
  greedySolved: number;
  goodStepShare: number;
}

/** Reads the shipped manifest's metrics (fetched only once the tiny model is chosen). */
function useMeasured(): MeasuredNumbers | null {
  const [measured, setMeasured] = useState<MeasuredNumbers | null>(null);
  useEffect(() => {
    let live = true;
    fetch(`${import.meta.env.BASE_URL}models/tiny24/manifest.json`)
      .then((r) => r.json() as Promise<{ metrics: Record<string, number> }>)
      .then(({ metrics }) => {
        if (!live) return;
        setMeasured({
          heldOut: metrics.held_out_puzzles ?? 0,
          greedySolved: metrics.greedy_solved ?? 0,
          goodStepShare: metrics.greedy_good_step_share ?? 0,
        });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return measured;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The tiny model's knobs (its settings table) and a short note on what it measured. */
export function TinyFields({ engine }: { engine: TinyEngineSettings }) {
  const task = useArbor((s) => s.settings.task);
  const measured = useMeasured();
  return (
    <>
      <p className="text-xs text-slate-600 dark:text-slate-300" aria-label="About this model">
        About this model: a 4-layer transformer trained in this repository on Game of 24 solver
        paths.
        {measured !== null &&
          ` Greedy decoding solves ${pct(measured.greedySolved)} of ${String(measured.heldOut)} held-out puzzles; ${pct(measured.goodStepShare)} of its greedy steps are exactly right.`}{' '}
        Its SPRM head collapsed in training: its scores sit near 0 and say little.
      </p>
      <TableFields
        table={TINY_TABLE}
        values={engine}
        set={updateTiny}
        available={{ judge: tinyEngine.judgesFor(taskEntry(task)) }}
      />
    </>
  );
}
