import { useId, useState } from 'react';
import type { ServerConnection } from '../../store';
import {
  chooseServerModel,
  connectToServer,
  disconnectFromServer,
  rememberedServer,
  useArbor,
} from '../../store';

const INPUT =
  'min-w-0 rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-2 py-1 text-slate-900 dark:text-slate-100 focus:outline-2 focus:outline-blue-600';
const BUTTON =
  'rounded border border-slate-400 px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** The connected server's models, and the one the search uses. */
function Models({ server }: { server: Extract<ServerConnection, { phase: 'connected' }> }) {
  const id = useId();
  const engine = useArbor((s) => s.settings.engine);
  const inUse = engine.kind === 'server' ? engine.model : null;
  const [model, setModel] = useState(inUse ?? server.models[0]?.id ?? '');
  if (server.models.length === 0) {
    return <p className="text-sm">The server lists no models.</p>;
  }
  const context = server.models.find((m) => m.id === model)?.contextLength ?? null;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p data-testid="server-family">
        <span className="text-slate-600 dark:text-slate-400">Server: </span>
        {server.familyLabel}
        {server.slots !== null ? ` · ${server.slots} parallel slots` : ''}
      </p>
      <label htmlFor={id} className="font-medium text-slate-700 dark:text-slate-300">
        Model
      </label>
      <select id={id} className={INPUT} value={model} onChange={(e) => setModel(e.target.value)}>
        {server.models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.id}
          </option>
        ))}
      </select>
      {context !== null && (
        <span className="text-xs text-slate-600 dark:text-slate-400">
          Context window: {context.toLocaleString('en-US')} tokens
        </span>
      )}
      <button
        type="button"
        className={BUTTON}
        disabled={inUse === model}
        onClick={() => chooseServerModel(model)}
      >
        {inUse === model ? 'In use for the search' : 'Use this model for the search'}
      </button>
    </div>
  );
}

/**
 * The Server panel's contents: the address, the optional key, whether to remember them until
 * the tab closes, Connect / Disconnect, a failed connection's message and the server's
 * models. Loaded when the panel is first opened (ServerPanel.tsx).
 */
export function ServerForm() {
  const server = useArbor((s) => s.server);
  const remembered = rememberedServer();
  const [baseUrl, setBaseUrl] = useState(remembered?.baseUrl ?? 'http://127.0.0.1:8000');
  const [apiKey, setApiKey] = useState(remembered?.apiKey ?? '');
  const [remember, setRemember] = useState(remembered !== null);
  const ids = { url: useId(), key: useId(), remember: useId() };
  const busy = server.phase === 'connecting';
  return (
    <form
      className="flex flex-col gap-3 border-t border-slate-200 p-3 text-sm dark:border-slate-800"
      aria-label="Connect to a server"
      onSubmit={(e) => {
        e.preventDefault();
        void connectToServer(baseUrl, apiKey, remember);
      }}
    >
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Any OpenAI-compatible server: vLLM, SGLang, llama.cpp&apos;s llama-server, Ollama. The
        address and key stay in this tab; a run records only the server family and the model.
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.url} className="font-medium text-slate-700 dark:text-slate-300">
          Address
        </label>
        <input
          id={ids.url}
          className={INPUT}
          type="url"
          required
          spellCheck={false}
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.key} className="font-medium text-slate-700 dark:text-slate-300">
          API key (optional)
        </label>
        <input
          id={ids.key}
          className={INPUT}
          type="password"
          autoComplete="off"
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
        />
      </div>
      <label htmlFor={ids.remember} className="flex items-center gap-2">
        <input
          id={ids.remember}
          type="checkbox"
          checked={remember}
          onChange={(e) => setRemember(e.target.checked)}
        />
        Remember until this tab closes
      </label>
      <div className="flex gap-2">
        <button type="submit" className={BUTTON} disabled={busy}>
          {busy ? 'Connecting…' : server.phase === 'connected' ? 'Reconnect' : 'Connect'}
        </button>
        {server.phase === 'connected' && (
          <button type="button" className={BUTTON} onClick={() => void disconnectFromServer()}>
            Disconnect
          </button>
        )}
      </div>
      {server.phase === 'error' && (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-2 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {server.message}
        </p>
      )}
      {server.phase === 'connected' && <Models server={server} />}
    </form>
  );
}
