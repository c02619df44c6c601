import type { OrderingSaving } from '../engines/replay/orderingSaving';
import { onRunLifecycle } from './lifecycle';
import { setPrefillSaved } from './modelStats';
import { useArbor } from './store';

/**
 * After a run ends (finished or stopped): what the cache-aware order saved in it. When the
 * run used a web-llm model with cache-aware ordering and is complete, its search is replayed
 * over its recorded events in both orders (engines/replay/orderingSaving.ts) and the saving
 * goes to the speed readout; otherwise, or when the replay cannot vouch for a number, the
 * readout shows none. The replay's code is loaded only for a run that qualifies. A run on the simulated engine that counted nothing gets no model stats
 * (setting them would make the model readout appear).
 * @returns the estimate, or null when the run does not qualify
 */
export async function updateOrderingSaving(): Promise<OrderingSaving | null> {
  const { settings, trace, complete, modelStats } = useArbor.getState();
  const qualifies = complete && settings.engine.kind === 'webllm' && settings.engine.cacheAware;
  let estimate: OrderingSaving | null = null;
  if (qualifies) {
    // The replay is loaded with the first run that qualifies (only model runs do).
    const { estimateOrderingSaving } = await import('../engines/replay/orderingSaving');
    if (useArbor.getState().trace !== trace) return null; // another run replaced this one
    estimate = estimateOrderingSaving(settings, trace.all);
  }
  const saved = estimate && !('unavailable' in estimate) ? estimate.saved : null;
  if (saved !== null || modelStats !== null) setPrefillSaved(saved);
  return estimate;
}

// A run that finished or was stopped gets its estimate (a failed one keeps what it had).
onRunLifecycle((event) => {
  if (event.type === 'ended' && event.how !== 'failed') void updateOrderingSaving();
});
