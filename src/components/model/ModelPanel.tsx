import { useEffect, useState } from 'react';
import { useArbor } from '../../store';
import { detectGpu } from '../../store/modelActions';
import type { ModelLoadState } from '../../store/modelSlice';
import { LazyModelPanelBody, preloadModelPanelBody } from '../lazy/panels';

/** The panel's one-line state, shown on its folded header too. */
function summary(gpuOk: boolean | null, load: ModelLoadState, loaded: boolean): string {
  switch (load.phase) {
    case 'loading':
      return `loading ${Math.round((load.progress?.fraction ?? 0) * 100)}%`;
    case 'ready':
      return 'model loaded';
    case 'error':
      return 'loading failed';
    case 'idle':
      if (loaded) return 'model loaded';
      return gpuOk === null ? 'checking…' : gpuOk ? 'no model loaded' : 'WebGPU unavailable';
  }
}

/**
 * "Model (WebGPU)": what the GPU offers, the models it can run, a custom model, loading with
 * progress and cancel, a failed load's message, and the loaded model. Folded by default: the
 * simulated engine needs none of it; its contents (ModelPanelBody.tsx) load when it is first
 * opened and stay when it is folded again. Outside the run settings form (it has forms of its
 * own).
 */
export function ModelPanel() {
  const gpu = useArbor((s) => s.gpu);
  const load = useArbor((s) => s.modelLoad);
  const loadedId = useArbor((s) => s.loadedModelId);
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    if (useArbor.getState().gpu === null) void detectGpu();
  }, []);

  return (
    <details
      className="rounded border border-slate-200 dark:border-slate-800"
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary
        className="flex cursor-pointer items-baseline justify-between gap-2 px-3 py-2 font-semibold"
        onPointerEnter={preloadModelPanelBody}
        onFocus={preloadModelPanelBody}
      >
        <span className="whitespace-nowrap">Model (WebGPU)</span>
        <span
          className="text-right text-xs font-normal text-slate-600 dark:text-slate-400"
          data-testid="model-panel-state"
        >
          {summary(gpu === null ? null : gpu.ok, load, loadedId !== null)}
        </span>
      </summary>
      {opened && <LazyModelPanelBody />}
    </details>
  );
}
