import type { ServerClient } from './client';
import type { ServerEngine, ServerHooks, createServerEngine } from './engine';
import type { ServerRecording } from './recording';

/** How engines are made over the connection (the engine module, loaded with the connection). */
export type ServerEngineFactory = typeof createServerEngine;

/**
 * The server the user connected, held outside the store: the client keeps the address and the
 * API key in memory (never in the store, a link, a run file or the library). The run reads it
 * when a search starts; the Server panel sets it when a connection succeeds. The hooks carry
 * streamed drafts to the store; the last engine made keeps the run's recording for its file.
 */
class ServerSession {
  private client: ServerClient | null = null;
  private factory: ServerEngineFactory | null = null;
  private engine: ServerEngine<unknown, unknown> | null = null;
  hooks: ServerHooks = {};

  /** The connected server, or null. */
  current(): ServerClient | null {
    return this.client;
  }

  /**
   * Sets (or clears) the connected server and the engine factory that came with it (the
   * server engine's code loads when a server is first connected, not before first paint).
   */
  set(connection: { client: ServerClient; create: ServerEngineFactory } | null): void {
    this.client = connection?.client ?? null;
    this.factory = connection?.create ?? null;
  }

  /** The engine factory of the connection, or null when none is connected. */
  create(): ServerEngineFactory | null {
    return this.factory;
  }

  /** Remembers the engine of the run just started (its replies go into the run's file). */
  started(engine: ServerEngine<unknown, unknown>): void {
    this.engine = engine;
  }

  /** Every reply the last run used, or null when no server run started since the page loaded. */
  recording(): ServerRecording | null {
    return this.engine?.recording() ?? null;
  }
}

/** The page's one server session. */
export const serverSession = new ServerSession();
