/**
 * What happens to a run, as events that other parts of the store subscribe to: the run
 * library saves a run that ended or was imported, and the model readout estimates what the
 * cache-aware order saved when a model run ends. The run actions only announce; they import
 * none of their listeners, so the store's actions form a graph without cycles (issue 14) and
 * nothing depends on the order in which promises settle.
 */

/** Where an imported run came from: a file (or the test hook), or the run library. */
export type ImportOrigin = { kind: 'file' } | { kind: 'library'; id: string; createdAt: string };

/** A moment in a run's life. */
export type RunLifecycleEvent =
  | { type: 'ended'; how: 'finished' | 'stopped' | 'failed' }
  | { type: 'imported'; origin: ImportOrigin };

type Listener = (event: RunLifecycleEvent) => void;

const listeners = new Set<Listener>();

/**
 * Calls `listener` at every lifecycle event, in the order listeners subscribed.
 * @returns a function that unsubscribes
 */
export function onRunLifecycle(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Announces a lifecycle event to every listener (a listener that throws does not stop the rest). */
export function announce(event: RunLifecycleEvent): void {
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch (error) {
      console.error('A run lifecycle listener failed', error);
    }
  }
}
