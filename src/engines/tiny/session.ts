import type { TinyModel } from './engine';

/** Where loading the tiny model stands, as the Engine settings show it. */
export type TinyLoadState =
  | { phase: 'idle' }
  | {
      phase: 'loading';
      /** Bytes of the model file fetched so far, and its size (from the manifest). */
      fetched: number;
      total: number | null;
    }
  | { phase: 'ready'; name: string; sha256: string; backend: string }
  | { phase: 'error'; message: string };

/** Loads the model in this page (the browser loader: a worker running onnxruntime-web). */
export type TinyLoader = (progress: (fetched: number, total: number | null) => void) => Promise<{
  model: TinyModel;
  backend: string;
}>;

/** The browser loader, fetched with the first load so that nothing of it is in the first paint. */
const browserLoader: TinyLoader = async (progress) => {
  const { loadTinyInBrowser } = await import('./browser/load');
  return loadTinyInBrowser(progress);
};

/**
 * The tiny model the page loaded, held outside the store like web-llm's model session: a
 * live forward pass (a worker in the browser, onnxruntime-node in tests), not state to copy.
 * The model ships with the app, so it loads on demand: when the tiny engine is chosen, or when
 * a run with it takes its first step. Listeners (the store) hear every change of the state.
 */
class TinySession {
  private loaded: TinyModel | null = null;
  private pending: Promise<TinyModel> | null = null;
  private state: TinyLoadState = { phase: 'idle' };
  private readonly listeners = new Set<(state: TinyLoadState) => void>();
  private loader: TinyLoader = browserLoader;

  /** The loaded tiny model, or null. */
  current(): TinyModel | null {
    return this.loaded;
  }

  /** Where loading stands. */
  status(): TinyLoadState {
    return this.state;
  }

  /** Sets (or clears) the loaded tiny model: tests and benches load it in Node. */
  set(model: TinyModel | null, backend = 'onnxruntime-node'): void {
    this.loaded = model;
    this.pending = null;
    this.publish(
      model
        ? { phase: 'ready', name: model.manifest.name, sha256: model.manifest.sha256, backend }
        : { phase: 'idle' },
    );
  }

  /** Replaces how the model loads (null: the browser loader again); for tests. */
  useLoader(loader: TinyLoader | null): void {
    this.loader = loader ?? browserLoader;
  }

  /**
   * The model, loading it the first time (later calls join the same load). A failed load
   * rejects with its reason and may be tried again.
   */
  load(): Promise<TinyModel> {
    if (this.loaded) return Promise.resolve(this.loaded);
    this.pending ??= this.start();
    return this.pending;
  }

  private async start(): Promise<TinyModel> {
    this.publish({ phase: 'loading', fetched: 0, total: null });
    try {
      const { model, backend } = await this.loader((fetched, total) => {
        if (this.state.phase === 'loading') this.publish({ phase: 'loading', fetched, total });
      });
      this.set(model, backend);
      return model;
    } catch (error) {
      this.pending = null;
      const message = error instanceof Error ? error.message : String(error);
      this.publish({ phase: 'error', message: `The tiny model did not load: ${message}` });
      throw new Error(`The tiny model did not load: ${message}`, { cause: error });
    }
  }

  /** Calls `listener` on every change; returns the unsubscribe. */
  subscribe(listener: (state: TinyLoadState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(state: TinyLoadState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

/** The page's one tiny model session. */
export const tinySession = new TinySession();
