import { useId } from 'react';
import { ENGINES } from '../engines/registry';
import type { EngineKind, EngineSettings } from '../run/settings';
import { chooseServerModel, setEngineKind, updateEngine, useArbor } from '../store';
import { switchToSimulated } from '../store/modelActions';
import { EngineBadge } from './EngineBadge';
import { SimulatedEngineFields } from './SimulatedEngineFields';
import { LazyServerFields, LazyTinyFields, LazyWebLlmFields } from './lazy/panels';
import { TINY_ENGINE_LABEL, TINY_WORD_PROBLEMS } from '../engines/tiny/labels';

/** Whether an engine can be chosen now, what the choice says, and how to choose it. */
interface Choice {
  label: string;
  /** Why it cannot be chosen yet, or null. */
  disabledWhy: string | null;
  choose: () => void;
}

/** Each engine's choice, given what is loaded or connected (every kind must have one). */
function useChoices(engine: EngineSettings): Record<EngineKind, Choice> {
  const loaded = useArbor((s) => s.loadedModelId);
  const server = useArbor((s) => s.server);
  const task = useArbor((s) => s.settings.task);
  const modelName = engine.kind === 'webllm' ? engine.modelId : loaded;
  const serverModel =
    engine.kind === 'server'
      ? engine.model
      : server.phase === 'connected'
        ? (server.models[0]?.id ?? null)
        : null;
  return {
    simulated: { label: 'Simulated (no model)', disabledWhy: null, choose: switchToSimulated },
    webllm: {
      label: modelName ? `Language model (${modelName})` : 'Language model (web-llm)',
      disabledWhy:
        loaded !== null || engine.kind === 'webllm'
          ? null
          : 'Load a model in the Model (WebGPU) panel first.',
      choose: () => {
        if (loaded !== null) setEngineKind('webllm', loaded);
      },
    },
    server: {
      label: serverModel ? `Server (${serverModel})` : 'Model on a server',
      disabledWhy:
        server.phase === 'connected' || engine.kind === 'server'
          ? null
          : 'Connect a server in the Server panel first.',
      choose: () => {
        if (serverModel !== null) chooseServerModel(serverModel);
      },
    },
    tiny: {
      label: TINY_ENGINE_LABEL,
      disabledWhy: task === 'game24' || engine.kind === 'tiny' ? null : TINY_WORD_PROBLEMS,
      choose: () => setEngineKind('tiny'),
    },
  };
}

/**
 * The engine choice: one click between the built-in simulated engine, a language model loaded
 * in the Model (WebGPU) panel and a model on a server connected in the Server panel. Every
 * engine writes every task.
 */
function EngineChoice({ engine }: { engine: EngineSettings }) {
  const name = useId();
  const choices = useChoices(engine);
  const blocked = ENGINES.map((e) => choices[e.kind]).filter((c) => c.disabledWhy !== null);
  return (
    <div role="radiogroup" aria-label="Engine" className="flex flex-col gap-1">
      {ENGINES.map((e) => {
        const c = choices[e.kind];
        return (
          <label
            key={e.kind}
            className={`flex items-center gap-2 text-sm ${c.disabledWhy ? 'cursor-not-allowed opacity-60' : 'cursor-pointer'}`}
            title={c.disabledWhy ?? undefined}
          >
            <input
              type="radio"
              name={name}
              value={e.kind}
              checked={engine.kind === e.kind}
              disabled={c.disabledWhy !== null}
              onChange={c.choose}
            />
            {c.label}
          </label>
        );
      })}
      {blocked.map((c) => (
        <span key={c.label} className="text-xs text-slate-500 dark:text-slate-400">
          {c.disabledWhy}
        </span>
      ))}
    </div>
  );
}

/** The chosen engine's knobs. */
function Knobs({ engine }: { engine: EngineSettings }) {
  switch (engine.kind) {
    case 'simulated':
      return <SimulatedEngineFields set={updateEngine} engine={engine} />;
    case 'webllm':
      return <LazyWebLlmFields engine={engine} />;
    case 'server':
      return <LazyServerFields engine={engine} />;
    case 'tiny':
      return <LazyTinyFields engine={engine} />;
  }
}

/** Which engine writes and scores the steps, and that engine's knobs. */
export function EngineFields() {
  const engine = useArbor((s) => s.settings.engine);
  const simulated = engine.kind === 'simulated';
  return (
    <fieldset
      className={`min-w-0 flex flex-col gap-3 rounded border p-3 ${
        simulated
          ? 'border-amber-300 dark:border-amber-700'
          : 'border-emerald-300 dark:border-emerald-800'
      }`}
    >
      <legend className="px-1 font-semibold">{simulated ? 'Simulated engine' : 'Engine'}</legend>
      <EngineBadge className="self-start text-xs" />
      <EngineChoice engine={engine} />
      <Knobs engine={engine} />
    </fieldset>
  );
}
