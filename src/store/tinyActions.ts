import { tinySession } from '../engines/tiny/session';
import { useArbor } from './store';

// The store mirrors the session's loading state, so the form shows bytes fetched and errors.
tinySession.subscribe((tinyLoad) => useArbor.setState({ tinyLoad }));

/**
 * Starts loading the tiny model (the Engine settings call it when the tiny model is chosen,
 * so it is usually there by the first step; a run's first call would load it too). Resolves
 * once loaded or failed: the failure is in `tinyLoad`, not thrown.
 */
export async function loadTinyModel(): Promise<void> {
  await tinySession.load().catch(() => undefined);
}
