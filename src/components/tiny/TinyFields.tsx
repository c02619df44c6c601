import { useEffect } from 'react';
import { taskEntry } from '../../core/tasks/registry';
import { tinyEngine } from '../../engines/tiny/definition';
import { TINY_TABLE } from '../../engines/tiny/settings';
import type { TinyEngineSettings } from '../../engines/tiny/settings';
import { loadTinyModel, updateTiny, useArbor } from '../../store';
import { TableFields } from '../TableFields';
import { AboutTinyModel } from './AboutTinyModel';
import { TinyLoadStatus } from './TinyLoadStatus';

/**
 * The tiny model's knobs (its settings table), its loading, and what it measured. Shown once
 * the tiny model is chosen (or a link chose it), which starts loading it.
 */
export function TinyFields({ engine }: { engine: TinyEngineSettings }) {
  const task = useArbor((s) => s.settings.task);
  useEffect(() => {
    void loadTinyModel();
  }, []);
  return (
    <>
      <TinyLoadStatus />
      <TableFields
        table={TINY_TABLE}
        values={engine}
        set={updateTiny}
        available={{ judge: tinyEngine.judgesFor(taskEntry(task)) }}
      />
      <AboutTinyModel />
    </>
  );
}
