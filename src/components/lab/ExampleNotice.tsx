import { getPreset } from '../../lab/presets';
import { useArbor } from '../../store';

/**
 * Says that the curve on show is the example the lab computed when it opened — the quick
 * demo on the simulated engine, no language model — and how to run one's own. Nothing once
 * the user has started a grid.
 */
export function ExampleNotice() {
  const example = useArbor((s) => s.lab.grid?.example ?? false);
  if (!example) return null;
  return (
    <p
      data-testid="lab-example"
      className="rounded border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-950 dark:border-blue-900 dark:bg-blue-950 dark:text-blue-100"
    >
      <strong>Example, computed when the lab opened:</strong> {getPreset('quick-demo').note}, on the
      simulated engine — no language model. Run a preset or your own grid on the left to replace it.
    </p>
  );
}
