import type { EngineSettings } from '../run/settings';
import { useId } from 'react';
import { setEngineKind, updateEngine, useArbor } from '../store';
import { switchToSimulated } from '../store/modelActions';
import { EngineBadge } from './EngineBadge';
import { SimulatedEngineFields } from './SimulatedEngineFields';
import { WebLlmFields } from './model/WebLlmFields';

/**
 * The engine choice and its knobs: one click between the built-in simulated engine and a
 * loaded language model (web-llm). The model choice is offered once a model is loaded in the
 * Model (WebGPU) panel. Both engines write both tasks.
 */
function EngineChoice({ engine }: { engine: EngineSettings }) {
  const ready = useArbor((s) => s.loadedModelId);
  const name = useId();
  const modelOk = ready !== null || engine.kind === 'webllm';
  const modelName = engine.kind === 'webllm' ? engine.modelId : ready;
  const choose = (kind: EngineSettings['kind']) => {
    if (kind === 'simulated') switchToSimulated();
    else if (ready !== null) setEngineKind('webllm', ready);
  };
  const option = (kind: EngineSettings['kind'], label: string, disabledWhy: string | null) => (
    <label
      className={`flex items-center gap-2 text-sm ${disabledWhy ? 'cursor-not-allowed opacity-60' : 'cursor-pointer'}`}
      title={disabledWhy ?? undefined}
    >
      <input
        type="radio"
        name={name}
        value={kind}
        checked={engine.kind === kind}
        disabled={disabledWhy !== null}
        onChange={() => choose(kind)}
      />
      {label}
    </label>
  );
  return (
    <div role="radiogroup" aria-label="Engine" className="flex flex-col gap-1">
      {option('simulated', 'Simulated (no model)', null)}
      {option(
        'webllm',
        modelName ? `Language model (${modelName})` : 'Language model (web-llm)',
        modelOk ? null : 'Load a model in the Model (WebGPU) panel first.',
      )}
      {!modelOk && (
        <span className="text-xs text-slate-500 dark:text-slate-400">
          Load a model in the Model (WebGPU) panel to use it here.
        </span>
      )}
    </div>
  );
}

/** Which engine writes and scores the steps, and that engine's knobs. */
export function EngineFields() {
  const engine = useArbor((s) => s.settings.engine);
  const simulated = engine.kind === 'simulated';
  return (
    <fieldset
      className={`min-w-0 flex flex-col gap-3 rounded border p-3 ${
        simulated
          ? 'border-amber-300 dark:border-amber-700'
          : 'border-emerald-300 dark:border-emerald-800'
      }`}
    >
      <legend className="px-1 font-semibold">{simulated ? 'Simulated engine' : 'Engine'}</legend>
      <EngineBadge className="self-start text-xs" />
      <EngineChoice engine={engine} />
      {engine.kind === 'simulated' ? (
        <SimulatedEngineFields set={updateEngine} engine={engine} />
      ) : (
        <WebLlmFields engine={engine} />
      )}
    </fieldset>
  );
}
