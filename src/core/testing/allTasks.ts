/**
 * Vitest's setup file (vite.config.ts `test.setupFiles`): every task's entry is loaded before
 * a test file runs, as the app has it loaded before it shows a run of that task. The lazy
 * loading itself is tested in core/tasks/registry.test.ts on a fresh copy of the registry.
 */
import { loadAllTasks } from '../tasks/registry';

await loadAllTasks();
