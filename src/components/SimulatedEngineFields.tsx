import { SIMULATED_TABLE } from '../engines/simulated/settings';
import type { SimulatedEngineSettings } from '../run/settings';
import { TableFields } from './TableFields';

/**
 * The simulated engine's knobs (its settings table): how good the proposer is and how the
 * judge scores steps. The visualizer's settings and the effort lab's engine both show these.
 * @param set applies a change of some knobs
 */
export function SimulatedEngineFields({
  engine,
  set,
}: {
  engine: SimulatedEngineSettings;
  set: (patch: Partial<SimulatedEngineSettings>) => void;
}) {
  return <TableFields table={SIMULATED_TABLE} values={engine} set={set} />;
}
