/**
 * The lab's Web Worker: runs a grid on the simulated engine off the main thread. Started by
 * labRunner.ts as `new Worker(new URL('./worker/labWorker.ts', import.meta.url), { type:
 * 'module' })`; it imports the search and the simulated engine only (no React, no store).
 */
import { loadAllTasks } from '../../core/tasks/registry';
import { runCellSync } from '../runCell';
import { createLabHost } from './host';
import type { LabRequest, LabResponse } from './messages';
import { LAB_PLAN } from './plan';

const scope = self as unknown as {
  postMessage(message: LabResponse): void;
  onmessage: ((event: MessageEvent<LabRequest>) => void) | null;
};

const handle = createLabHost((message) => scope.postMessage(message), {
  execute: (cell) => runCellSync(cell),
  plan: LAB_PLAN,
});

// A grid may be of any task: every task's entry loads before the first request is handled
// (requests wait for it in order).
const tasksReady = loadAllTasks();
scope.onmessage = (event) => {
  void tasksReady.then(
    () => handle(event.data),
    (error: unknown) =>
      scope.postMessage({
        type: 'error',
        message: `The lab could not load its tasks: ${error instanceof Error ? error.message : String(error)}`,
      }),
  );
};
