import { useArbor } from '../../store';
import { DraftLine } from './DraftLine';
import { SpeedReadout } from './SpeedReadout';

/**
 * The model at work: its speed and token counts, and the step it is writing. Loaded with the
 * first model run (ModelActivity.tsx shows it), not with the first paint.
 */
export function ModelActivityBody() {
  const stats = useArbor((s) => s.modelStats);
  const cacheAware = useArbor(
    (s) => s.settings.engine.kind === 'webllm' && s.settings.engine.cacheAware,
  );
  const draft = useArbor((s) => s.draft);
  return (
    <>
      <SpeedReadout stats={stats} cacheAware={cacheAware} />
      <DraftLine draft={draft} />
    </>
  );
}
