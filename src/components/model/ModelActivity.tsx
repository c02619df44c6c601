import { useArbor } from '../../store';
import { LazyModelActivityBody } from '../lazy/panels';

/**
 * The model at work, under the narration: its speed and token counts, and the step it is
 * writing. Shown while the run's engine is a language model (or it has counted something).
 */
export function ModelActivity() {
  const onModel = useArbor((s) => s.settings.engine.kind === 'webllm');
  const stats = useArbor((s) => s.modelStats);
  if (!onModel && stats === null) return null;
  return (
    <section
      aria-label="Model activity"
      className="flex flex-col gap-2 rounded border border-emerald-200 bg-emerald-50/40 px-3 py-2 dark:border-emerald-900 dark:bg-emerald-950/30"
    >
      <LazyModelActivityBody />
    </section>
  );
}
