import { useId } from 'react';
import type { GridSpec } from '../../../lab/types';
import type { EngineSettings } from '../../../run/settings';
import { DEFAULT_ENGINE, DEFAULT_WEBLLM_ENGINE } from '../../../run/settings';
import { engineFor } from '../../../engines/registry';
import type { ServerFamily } from '../../../engines/server/families';
import { DEFAULT_SERVER_ENGINE } from '../../../engines/server/settings';
import { TINY_ENGINE_LABEL } from '../../../engines/tiny/labels';
import { DEFAULT_TINY_ENGINE } from '../../../engines/tiny/settings';
import { SimulatedEngineFields } from '../../SimulatedEngineFields';

/** Props of {@link LabEngineFields}. */
export interface LabEngineFieldsProps {
  engine: EngineSettings;
  update: (patch: Partial<GridSpec>) => void;
  /** The model loaded in the Model (WebGPU) panel, or null. */
  loadedModelId: string | null;
  /** The visualizer's engine (a loaded model's settings are taken from there). */
  visualizerEngine: EngineSettings;
  /** The connected server's family and first model, or null. */
  server: { family: ServerFamily; model: string } | null;
}

/**
 * The engine every run of the grid uses: the simulated engine with its knobs (judge, PRM
 * noise, skill, slip rate), the language model loaded in the Model (WebGPU) panel, whose
 * runs go one at a time through the GPU, or a model on the connected server, several runs at
 * once.
 */
export function LabEngineFields(props: LabEngineFieldsProps) {
  const { engine, update, loadedModelId, visualizerEngine, server } = props;
  const name = useId();
  const choose = (kind: EngineSettings['kind']) => {
    if (kind === 'simulated') update({ engine: DEFAULT_ENGINE });
    else if (kind === 'tiny') {
      update({ engine: visualizerEngine.kind === 'tiny' ? visualizerEngine : DEFAULT_TINY_ENGINE });
    } else if (kind === 'server') {
      if (visualizerEngine.kind === 'server') update({ engine: visualizerEngine });
      else if (server !== null) update({ engine: { ...DEFAULT_SERVER_ENGINE, ...server } });
    } else if (loadedModelId !== null) {
      update({
        engine:
          visualizerEngine.kind === 'webllm' && visualizerEngine.modelId === loadedModelId
            ? visualizerEngine
            : { ...DEFAULT_WEBLLM_ENGINE, modelId: loadedModelId },
      });
    }
  };
  const noModel = loadedModelId === null && engine.kind !== 'webllm';
  const noServer =
    server === null && engine.kind !== 'server' && visualizerEngine.kind !== 'server';
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded border border-slate-200 p-3 dark:border-slate-800">
      <legend className="px-1 font-semibold">Engine</legend>
      <p className="text-xs font-medium" data-testid="lab-engine-summary">
        {engineFor(engine).describe(engine)}
      </p>
      <div role="radiogroup" aria-label="Lab engine" className="flex flex-col gap-1 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={name}
            checked={engine.kind === 'simulated'}
            onChange={() => choose('simulated')}
          />
          Simulated (no model; runs in a worker)
        </label>
        <label
          className={`flex items-center gap-2 ${noModel ? 'cursor-not-allowed opacity-60' : ''}`}
          title={noModel ? 'Load a model in the Model (WebGPU) panel first.' : undefined}
        >
          <input
            type="radio"
            name={name}
            checked={engine.kind === 'webllm'}
            disabled={noModel}
            onChange={() => choose('webllm')}
          />
          {loadedModelId ? `Language model (${loadedModelId})` : 'Language model (none loaded)'}
        </label>
        {noModel && (
          <span className="text-xs text-slate-500 dark:text-slate-400">
            Load a model in the visualizer&apos;s Model (WebGPU) panel to run a grid on it.
          </span>
        )}
        <label
          className={`flex items-center gap-2 ${noServer ? 'cursor-not-allowed opacity-60' : ''}`}
          title={noServer ? 'Connect a server in the Server panel first.' : undefined}
        >
          <input
            type="radio"
            name={name}
            checked={engine.kind === 'server'}
            disabled={noServer}
            onChange={() => choose('server')}
          />
          {server ? `Server (${server.model})` : 'Model on a server (none connected)'}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={name}
            checked={engine.kind === 'tiny'}
            onChange={() => choose('tiny')}
          />
          {TINY_ENGINE_LABEL}
        </label>
      </div>
      {engine.kind === 'simulated' ? (
        <SimulatedEngineFields
          engine={engine}
          set={(patch) => update({ engine: { ...engine, ...patch } })}
        />
      ) : engine.kind === 'tiny' ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Runs go one at a time through the tiny model in this page (it loads with the first run),
          with judge {engine.judge} and temperature {engine.temperature} (the visualizer&apos;s when
          it has the tiny model chosen, else its defaults). Game of 24 only.
        </p>
      ) : engine.kind === 'server' ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {engine.concurrency} runs go at once (the server batches their requests), with the judge (
          {engine.judge}) and sampling settings of the visualizer&apos;s engine panel.
        </p>
      ) : (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Runs go one at a time through the GPU, with the judge ({engine.judge}) and sampling
          settings of the visualizer&apos;s engine panel.
        </p>
      )}
    </fieldset>
  );
}
