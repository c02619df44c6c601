import type { ConnectOptions, ServerModel } from './client';
import { ServerClient } from './client';
import { createServerEngine } from './engine';
import type { ServerFamily } from './families';
import { FAMILIES } from './families';
import { serverSession } from './session';

/** What a successful connection found. */
export interface ServerFound {
  family: ServerFamily;
  familyLabel: string;
  models: ServerModel[];
  /** llama.cpp's parallel slots, where it says. */
  slots: number | null;
}

/**
 * Connects to a server (GET /v1/models and the family probes) and, when it answers, makes it
 * the session's server. Loaded on demand (the Server panel's Connect), so none of the server
 * engine is in the first-paint bundle.
 * @throws ServerError named for what failed (unreachable, CORS with the setting to change, 401)
 */
export async function connectServer(
  options: ConnectOptions,
  signal?: AbortSignal,
): Promise<ServerFound> {
  const client = new ServerClient(options);
  const { family, models } = await client.connect(signal);
  serverSession.set({ client, create: createServerEngine });
  return { family, familyLabel: FAMILIES[family].label, models, slots: client.slots };
}

/** Forgets the connected server (and with it the key it held). */
export function disconnectServer(): void {
  serverSession.set(null);
}
