import type { TinyModel } from './engine';

/**
 * The tiny model the page loaded, held outside the store like web-llm's model session: a
 * live forward pass (a worker in the browser, onnxruntime-node in tests), not state to copy.
 * The run reads it when a search starts; whoever loads the model sets it.
 */
class TinySession {
  private loaded: TinyModel | null = null;

  /** The loaded tiny model, or null. */
  current(): TinyModel | null {
    return this.loaded;
  }

  /** Sets (or clears) the loaded tiny model. */
  set(model: TinyModel | null): void {
    this.loaded = model;
  }
}

/** The page's one tiny model session. */
export const tinySession = new TinySession();
