import { setEngineKind, switchEngine } from './settingsActions';
import { useArbor } from './store';

/**
 * Server actions: connect to an OpenAI-compatible server, choose its model for the search,
 * disconnect. The address and the API key go to the connection and nowhere else; "remember
 * until this tab closes" keeps them in this tab's sessionStorage, which the browser deletes
 * with the tab, and nothing else of Arbor ever reads.
 */

const set = useArbor.setState;
const get = useArbor.getState;

/** The sessionStorage key of a remembered connection. */
export const REMEMBERED_KEY = 'arbor.server.connection';

/** A connection the user asked this tab to remember. */
export interface RememberedServer {
  baseUrl: string;
  apiKey: string;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage denied
  }
}

/** The connection remembered in this tab, or null. */
export function rememberedServer(): RememberedServer | null {
  try {
    const raw = storage()?.getItem(REMEMBERED_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<RememberedServer>;
    return typeof v.baseUrl === 'string' && typeof v.apiKey === 'string'
      ? { baseUrl: v.baseUrl, apiKey: v.apiKey }
      : null;
  } catch {
    return null;
  }
}

/** Counts connects, so the answer of an older one is dropped. */
let attempt = 0;

/**
 * Connects to the server at `baseUrl` (GET /v1/models, the family probes). The run is
 * untouched whatever happens; on success the panel offers the server's models.
 * @param remember keep address and key in this tab's sessionStorage until it closes
 * @returns whether the server answered
 */
export async function connectToServer(
  baseUrl: string,
  apiKey: string,
  remember: boolean,
): Promise<boolean> {
  const mine = ++attempt;
  set({ server: { phase: 'connecting' } });
  const store = storage();
  if (remember) store?.setItem(REMEMBERED_KEY, JSON.stringify({ baseUrl, apiKey }));
  else store?.removeItem(REMEMBERED_KEY);
  try {
    const { connectServer } = await import('../engines/server/connect');
    const found = await connectServer({
      baseUrl,
      ...(apiKey !== '' ? { apiKey } : {}),
      ...(typeof location !== 'undefined' ? { origin: location.origin } : {}),
    });
    if (mine !== attempt) return false;
    set({
      server: {
        phase: 'connected',
        family: found.family,
        familyLabel: found.familyLabel,
        models: found.models.map((m) => ({ id: m.id, contextLength: m.contextLength })),
        slots: found.slots,
      },
    });
    return true;
  } catch (error) {
    if (mine !== attempt) return false;
    const message = error instanceof Error ? error.message : String(error);
    set({ server: { phase: 'error', message } });
    return false;
  }
}

/** Uses one of the connected server's models for the search (resets the run). */
export function chooseServerModel(model: string): void {
  const s = get().server;
  if (s.phase !== 'connected') return;
  switchEngine({ kind: 'server', family: s.family, model });
}

/** Forgets the server (and the key); a search on it goes back to the simulated engine. */
export async function disconnectFromServer(): Promise<void> {
  attempt += 1;
  storage()?.removeItem(REMEMBERED_KEY);
  const { disconnectServer } = await import('../engines/server/connect');
  disconnectServer();
  set({ server: { phase: 'idle' } });
  if (get().settings.engine.kind === 'server') setEngineKind('simulated');
}
