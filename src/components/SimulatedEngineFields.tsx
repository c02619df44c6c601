import type { SimulatedEngineSettings } from '../run/settings';
import type { Option } from './fields';
import { NumberField, SelectField } from './fields';

const JUDGES: readonly Option<SimulatedEngineSettings['judge']>[] = [
  { value: 'simulated-prm', label: 'Simulated PRM (truth + noise)' },
  { value: 'rule', label: 'Rule verifier (exact)' },
  { value: 'rollout', label: 'Rollout value (k completions)' },
];

/**
 * The simulated engine's knobs: how good the proposer is and how the judge scores steps.
 * The visualizer's settings and the effort lab's engine both show these.
 * @param set applies a change of some knobs
 */
export function SimulatedEngineFields({
  engine,
  set,
}: {
  engine: SimulatedEngineSettings;
  set: (patch: Partial<SimulatedEngineSettings>) => void;
}) {
  return (
    <>
      <NumberField
        label="Skill"
        value={engine.skill}
        min={0}
        max={1}
        step={0.05}
        onCommit={(skill) => set({ skill })}
        hint="Share of proposed steps that keep the problem solvable."
      />
      <NumberField
        label="Slip rate"
        value={engine.slipRate}
        min={0}
        max={1}
        step={0.01}
        onCommit={(slipRate) => set({ slipRate })}
        hint="Chance of an arithmetic slip in a step."
      />
      <SelectField
        label="Judge (PRM)"
        value={engine.judge}
        options={JUDGES}
        onChange={(judge) => set({ judge })}
      />
      {engine.judge === 'simulated-prm' && (
        <NumberField
          label="PRM noise"
          value={engine.prmNoise}
          min={0}
          max={1}
          step={0.05}
          onCommit={(prmNoise) => set({ prmNoise })}
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
          onCommit={(rolloutK) => set({ rolloutK })}
        />
      )}
    </>
  );
}
