/**
 * The lab worker's message handling, apart from the worker global so that it is tested in
 * Node: it runs one grid at a time through {@link GridLoop} and posts its stages, batched
 * results, progress and end. A new `start` cancels the grid before it.
 */
import type { GridLoopOptions } from '../gridLoop';
import { GridLoop } from '../gridLoop';
import type { LabRequest, LabResponse } from './messages';

/** What the host runs grids with: the executor, the plan and the loop's timing. */
export type LabHostDeps = Omit<GridLoopOptions, 'events'>;

/**
 * Makes the handler for the page's messages.
 * @param post sends a message to the page
 * @returns the handler to call with each message the page sends
 */
export function createLabHost(
  post: (message: LabResponse) => void,
  deps: LabHostDeps,
): (request: LabRequest) => void {
  let loop: GridLoop | null = null;
  return (request) => {
    switch (request.type) {
      case 'start': {
        loop?.cancel();
        const mine = new GridLoop(request.spec, {
          ...deps,
          events: {
            stage: (stage, cells) => post({ type: 'stage', stage, cells }),
            results: (results, progress) => post({ type: 'results', results, progress }),
            progress: (progress) =>
              post({ type: 'progress', progress, paused: mine.status === 'paused' }),
            finished: (status, progress) => post({ type: 'finished', status, progress }),
          },
        });
        loop = mine;
        mine.run().catch((error: unknown) => {
          mine.cancel();
          const message = error instanceof Error ? error.message : String(error);
          post({ type: 'error', message: `The lab worker failed: ${message}` });
        });
        return;
      }
      case 'pause':
        loop?.pause();
        return;
      case 'resume':
        loop?.resume();
        return;
      case 'cancel':
        loop?.cancel();
        return;
    }
  };
}
