import { taskEntry } from '../../core/tasks/registry';
import { webLlmEngine } from '../../engines/webllm/definition';
import { WEBLLM_TABLE } from '../../engines/webllm/settings';
import type { WebLlmEngineSettings } from '../../run/settings';
import { updateWebLlm, useArbor } from '../../store';
import { TableFields } from '../TableFields';
import { DelimiterField } from './DelimiterField';

/**
 * The web-llm engine's knobs, from its settings table: judge (those the task allows),
 * temperature, step length and end, rollouts, ordering.
 */
export function WebLlmFields({ engine }: { engine: WebLlmEngineSettings }) {
  const task = useArbor((s) => s.settings.task);
  const loaded = useArbor((s) => s.loadedModelId === engine.modelId);
  return (
    <>
      <p className="text-sm break-words">
        <span className="text-slate-500 dark:text-slate-400">Model: </span>
        {engine.modelId || 'none'}
      </p>
      {!loaded && (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-300">
          This model is not loaded: load it in the Model (WebGPU) panel to run a new search. A
          finished or imported run still replays.
        </p>
      )}
      <TableFields
        table={WEBLLM_TABLE}
        values={engine}
        set={updateWebLlm}
        available={{ judge: webLlmEngine.judgesFor(taskEntry(task)) }}
        custom={{
          delimiter: () => (
            <DelimiterField
              value={engine.delimiter}
              onCommit={(delimiter) => updateWebLlm({ delimiter })}
            />
          ),
        }}
      />
    </>
  );
}
