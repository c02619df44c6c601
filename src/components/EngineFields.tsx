import type { EngineSettings, SimulatedEngineSettings } from '../run/settings';
import { useId } from 'react';
import { setEngineKind, updateEngine, useArbor } from '../store';
import { switchToSimulated } from '../store/modelActions';
import { EngineBadge } from './EngineBadge';
import type { Option } from './fields';
import { NumberField, SelectField } from './fields';
import { WebLlmFields } from './model/WebLlmFields';

const JUDGES: readonly Option<SimulatedEngineSettings['judge']>[] = [
  { value: 'simulated-prm', label: 'Simulated PRM (truth + noise)' },
  { value: 'rule', label: 'Rule verifier (exact)' },
  { value: 'rollout', label: 'Rollout value (k completions)' },
];

/** The simulated engine's knobs: how good the proposer is and how the judge scores steps. */
function SimulatedFields({ engine }: { engine: SimulatedEngineSettings }) {
  return (
    <>
      <NumberField
        label="Skill"
        value={engine.skill}
        min={0}
        max={1}
        step={0.05}
        onCommit={(skill) => updateEngine({ skill })}
        hint="Share of proposed steps that keep the puzzle solvable."
      />
      <NumberField
        label="Slip rate"
        value={engine.slipRate}
        min={0}
        max={1}
        step={0.01}
        onCommit={(slipRate) => updateEngine({ slipRate })}
        hint="Chance of an arithmetic slip in a step."
      />
      <SelectField
        label="Judge (PRM)"
        value={engine.judge}
        options={JUDGES}
        onChange={(judge) => updateEngine({ judge })}
      />
      {engine.judge === 'simulated-prm' && (
        <NumberField
          label="PRM noise"
          value={engine.prmNoise}
          min={0}
          max={1}
          step={0.05}
          onCommit={(prmNoise) => updateEngine({ prmNoise })}
          hint="0 = exact truth, 1 = a coin flip."
        />
      )}
      {engine.judge === 'rollout' && (
        <NumberField
          label="Rollouts per step (k)"
          value={engine.rolloutK}
          min={1}
          max={64}
          integer
          onCommit={(rolloutK) => updateEngine({ rolloutK })}
        />
      )}
    </>
  );
}

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
        <SimulatedFields engine={engine} />
      ) : (
        <WebLlmFields engine={engine} />
      )}
    </fieldset>
  );
}
