import { useArbor } from '../../store';
import { CustomModelForm } from './CustomModelForm';
import { GpuPanel } from './GpuPanel';
import { LoadProgress } from './LoadProgress';
import { ModelError } from './ModelError';
import { ModelPicker } from './ModelPicker';
import { ModelReady } from './ModelReady';

/**
 * The Model (WebGPU) panel's contents: what the GPU offers, the models it can run, a custom
 * model, loading with progress and cancel, a failed load's message, and the loaded model.
 * Loaded when the panel is first opened (ModelPanel.tsx).
 */
export function ModelPanelBody() {
  const gpu = useArbor((s) => s.gpu);
  const load = useArbor((s) => s.modelLoad);
  const loadedId = useArbor((s) => s.loadedModelId);
  return (
    <div className="flex flex-col gap-3 border-t border-slate-200 p-3 dark:border-slate-800">
      <GpuPanel gpu={gpu} />
      {load.phase === 'loading' && (
        <LoadProgress modelId={load.modelId} startedAt={load.startedAt} progress={load.progress} />
      )}
      {load.phase === 'error' && (
        <ModelError modelId={load.modelId} error={load.error} custom={load.custom} />
      )}
      {loadedId !== null && <ModelReady modelId={loadedId} />}
      {/* Hidden, not unmounted, while loading: the choice and the custom form's text stay. */}
      <div hidden={load.phase === 'loading'} className="flex flex-col gap-3">
        {gpu !== null && <ModelPicker gpu={gpu} />}
        {gpu?.ok && (
          <details className="rounded border border-slate-200 dark:border-slate-800">
            <summary className="cursor-pointer px-2 py-1 text-sm font-medium">Custom model</summary>
            <div className="border-t border-slate-200 p-2 dark:border-slate-800">
              <CustomModelForm />
            </div>
          </details>
        )}
      </div>
    </div>
  );
}
