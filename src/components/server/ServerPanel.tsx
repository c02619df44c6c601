import { useState } from 'react';
import type { ServerConnection } from '../../store';
import { useArbor } from '../../store';
import { LazyServerForm, preloadServerForm } from '../lazy/panels';

/** The panel's one-line state, shown on its folded header too. */
function summary(server: ServerConnection): string {
  switch (server.phase) {
    case 'idle':
      return 'not connected';
    case 'connecting':
      return 'connecting…';
    case 'connected':
      return `${server.familyLabel} · ${server.models.length} model${server.models.length === 1 ? '' : 's'}`;
    case 'error':
      return 'connection failed';
  }
}

/**
 * "Server": connect to an OpenAI-compatible server (vLLM, SGLang, llama.cpp, Ollama) by its
 * address and an optional API key, see which family it is and its models, and use one for the
 * search. The address and key stay in this tab's memory (or, when asked, its sessionStorage
 * until the tab closes); runs, links and the library record only the family and the model.
 * Folded by default; its form (ServerForm.tsx) loads when the panel is first opened, and stays
 * (with what was typed) when it is folded again.
 */
export function ServerPanel() {
  const server = useArbor((s) => s.server);
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="rounded border border-slate-200 dark:border-slate-800"
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary
        className="flex cursor-pointer items-baseline justify-between gap-2 px-3 py-2 font-semibold"
        onPointerEnter={preloadServerForm}
        onFocus={preloadServerForm}
      >
        <span className="whitespace-nowrap">Server</span>
        <span
          className="text-right text-xs font-normal text-slate-600 dark:text-slate-400"
          data-testid="server-panel-state"
        >
          {summary(server)}
        </span>
      </summary>
      {opened && <LazyServerForm />}
    </details>
  );
}
