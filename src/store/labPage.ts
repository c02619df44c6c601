import type { LabPage, LabState } from './labSlice';
import { useArbor } from './store';

/**
 * Which page shows, visualizer or effort lab: the one lab action the first screen needs (the
 * page tabs and the L key). The rest of the lab's actions (`./labActions`, with the grid
 * planning and checks) load with the lab page, not before the first paint.
 */

/** Whether the draft's engine was chosen in the lab (else it follows the visualizer's). */
let engineChosen = false;

/** Remembers that the lab's draft has an engine of its own (`updateLabDraft`). */
export function chooseLabEngine(): void {
  engineChosen = true;
}

function setLab(patch: Partial<LabState>): void {
  useArbor.setState((s) => ({ lab: { ...s.lab, ...patch } }));
}

/**
 * Shows the visualizer or the lab. Until the lab's engine is changed in the lab, its draft
 * takes the visualizer's simulated engine (its skill, slip, judge and noise).
 */
export function setLabPage(page: LabPage): void {
  const { settings, lab } = useArbor.getState();
  if (page === 'lab' && !engineChosen && settings.engine.kind === 'simulated') {
    setLab({ page, draft: { ...lab.draft, engine: settings.engine } });
  } else setLab({ page });
}
