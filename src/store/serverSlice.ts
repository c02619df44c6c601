import type { ServerFamily } from '../engines/server/families';

/**
 * The connection to a server as the Server panel shows it. Never the address or the API key:
 * those stay in the connected client (engines/server/session.ts) and the panel's own fields.
 */
export type ServerConnection =
  | { phase: 'idle' }
  | { phase: 'connecting' }
  | {
      phase: 'connected';
      family: ServerFamily;
      familyLabel: string;
      models: { id: string; contextLength: number | null }[];
      slots: number | null;
    }
  | { phase: 'error'; message: string };

/** The server slice: no server until the user connects one. */
export interface ServerSlice {
  server: ServerConnection;
}

export const createServerSlice = (): ServerSlice => ({ server: { phase: 'idle' } });
