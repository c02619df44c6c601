import { engineFor, engineOf } from '../engines/registry';
import { SOURCE_TOOL } from '../run/importedRun';
import { useArbor } from '../store';

/** The words every view uses for the built-in engine. */
export const SIMULATED_LABEL = engineOf('simulated').describe(engineOf('simulated').defaults);

/**
 * Says plainly which engine writes the steps: the built-in simulated engine (not a language
 * model), which language model on the user's GPU, which model on which server — or, for an
 * imported tree, the tool that grew it. Shown wherever the engine's output appears.
 */
export function EngineBadge({ className = '' }: { className?: string }) {
  const engine = useArbor((s) => s.settings.engine);
  const source = useArbor((s) => s.source);
  const definition = engineFor(engine);
  if (source !== null) {
    // Another tool grew this tree: no Arbor engine wrote a step of it.
    return (
      <span
        className={`inline-flex max-w-full items-center gap-1 rounded-full border border-slate-400 bg-slate-50 px-3 py-0.5 text-sm font-medium text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 ${className}`}
        title="This tree was read from a file another tool wrote; Arbor did not run it"
      >
        <span aria-hidden="true">⇩</span>
        Imported from {SOURCE_TOOL[source.kind]} — not run in Arbor
      </span>
    );
  }
  if (!definition.capabilities.simulated) {
    return (
      <span
        className={`inline-flex max-w-full items-center gap-1 rounded-full border border-emerald-400 bg-emerald-50 px-3 py-0.5 text-sm font-medium wrap-anywhere text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200 ${className}`}
        title={
          engine.kind === 'webllm'
            ? 'Steps are written and judged by this model, running in your browser through WebGPU (web-llm)'
            : engine.kind === 'tiny'
              ? 'Steps are written by Arbor’s own tiny model, running in your browser (onnxruntime-web)'
              : 'Steps are written and judged by this model, on the server you connected'
        }
      >
        <span aria-hidden="true">◆</span>
        {definition.describe(engine)}
      </span>
    );
  }
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border border-amber-400 bg-amber-50 px-3 py-0.5 text-sm font-medium text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200 ${className}`}
    >
      <span aria-hidden="true">⚙</span>
      {SIMULATED_LABEL}
    </span>
  );
}
