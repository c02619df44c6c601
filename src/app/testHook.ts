import type { RunMeta } from '../library/meta';
import type { GridSpec } from '../lab/types';
import type { RunFile } from '../run/runFile';
import type { LessonQuestion } from '../lessons/lessonSchema';
import type { QuestionAnswer } from '../lessons/questions';
import type { LabPage, SettingsPatch } from '../store';

const questions = () => import('../store/questionActions');
import {
  exportRun,
  importRun,
  importRunFile,
  rootN,
  runToEnd,
  seek,
  selectNode,
  setDraft,
  setLabPage,
  step,
  updateSettings,
  useArbor,
} from '../store';

/** A snapshot of the run, as e2e tests and the devtools console read it. */
export interface ArborState {
  /** Events applied. */
  cursor: number;
  /** Events recorded so far. */
  eventCount: number;
  status: string;
  rootN: number;
  /** The search's answer once done, else null. */
  answer: string | null;
  correct: boolean | null;
  nodeCount: number;
  /** The node the inspector shows. */
  selectedId: number | null;
}

/** The effort lab's grid, as e2e tests and the lab benchmark read it. */
export interface ArborLabState {
  /** 'idle' before the first grid; then the grid's status. */
  status: 'idle' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed';
  /** Runs finished, runs planned (upper bound until the second stage is planned), failed. */
  done: number;
  total: number;
  failed: number;
  page: LabPage;
  /** Whether the grid is the example the lab computed when it opened. */
  example: boolean;
}

/**
 * The typed test API on `window.arbor` (STYLE.md §12, after tldraw's e2e fixtures). Installed
 * in every build, so it also serves the devtools console. It calls the same actions as the UI.
 */
export interface ArborTestApi {
  /** Merges settings into the current ones and resets the run. */
  configure(settings: SettingsPatch): void;
  /** Runs the search to its end; resolves when the cursor is on the last event. */
  runToEnd(): Promise<void>;
  /** Sets the cursor to `eventIndex` events applied (clamped). */
  seek(eventIndex: number): void;
  /** Advances one event; resolves once it is applied. */
  step(): Promise<void>;
  exportRun(): RunFile;
  /**
   * Replaces the run with a file's (text in any format Arbor reads, or a parsed Arbor run
   * file); a bad file returns the error and changes nothing.
   */
  importRun(file: unknown, fileName?: string): Promise<{ ok: true } | { ok: false; error: string }>;
  /**
   * Imports text (or a Blob) as a file the user opened (a Blob through the import worker, as the file
   * picker and a drop do); resolves once the run shows or the error does.
   */
  importFile(
    file: string | Blob,
    fileName?: string,
  ): Promise<{ ok: true } | { ok: false; error: string }>;
  /** Selects a node for the inspector (null clears), as a click in the tree does. */
  select(id: number | null): void;
  /**
   * Sets the step a model is writing (its parent's step path and the text so far), as the
   * web-llm adapter's draft hook does while a step streams in; null when none is.
   */
  setDraft(draft: { parentSteps: string[]; text: string } | null): void;
  state(): ArborState;
  /** The run library (IndexedDB) itself, for the library benchmark: save, list, load. */
  library: {
    save(file: RunFile): Promise<RunMeta>;
    list(): Promise<RunMeta[]>;
    load(id: string): Promise<RunFile>;
  };
  /**
   * Questions for the class (issue 11), as the lesson player poses them: pose a lesson
   * question at the current cursor under a step key, answer it, reveal it, class mode.
   */
  questions: {
    /** Resolves to null once posed, or to why the run cannot answer it. */
    pose(question: LessonQuestion, key: string): Promise<string | null>;
    answer(answer: QuestionAnswer): Promise<boolean>;
    reveal(): Promise<void>;
    clear(): Promise<void>;
    setClassMode(on: boolean): Promise<void>;
  };
  /** The effort lab (issue 5): start a grid, read its progress and its runs, switch pages. */
  lab: {
    /**
     * Merges `patch` into the lab's draft and starts it; resolves to its problems ([] =
     * started). The lab's actions load on first use (they are not in the first paint).
     */
    start(patch?: Partial<GridSpec>): Promise<string[]>;
    state(): ArborLabState;
    /** The grid's runs in order, each with its result's status (null: not run yet). */
    cells(): { id: string; status: string | null }[];
    /** Shows the visualizer or the lab page. */
    setPage(page: LabPage): void;
  };
}

declare global {
  interface Window {
    arbor: ArborTestApi;
  }
}

/** The API object (exported for tests that do not have a window). */
export const arborTestApi: ArborTestApi = {
  configure: updateSettings,
  runToEnd,
  seek,
  step: async () => {
    await step();
  },
  exportRun,
  importRun: async (file, fileName) => {
    const result = await importRun(file, fileName);
    return result.ok ? { ok: true } : { ok: false, error: result.error };
  },
  importFile: async (file, fileName = 'run.json') => {
    const blob = typeof file === 'string' ? new Blob([file], { type: 'application/json' }) : file;
    const result = await importRunFile(blob, fileName);
    return result.ok ? { ok: true } : { ok: false, error: result.error };
  },
  select: selectNode,
  setDraft,
  library: {
    save: async (file) => (await import('../library/library')).saveRun(file),
    list: async () => (await import('../library/library')).listRuns(),
    load: async (id) => (await import('../library/library')).loadRun(id),
  },
  questions: {
    // Loaded as the lesson player loads them (not in the first paint).
    pose: async (question, key) => {
      const posed = await (await questions()).poseQuestion(question, key);
      return posed.ok ? null : posed.error;
    },
    answer: async (answer) => (await questions()).answerQuestion(answer),
    reveal: async () => (await questions()).revealAnswer(),
    clear: async () => (await questions()).clearQuestion(),
    setClassMode: async (on) => (await questions()).setClassMode(on),
  },
  lab: {
    start: async (patch) => {
      const { startLab, updateLabDraft } = await import('../store/labActions');
      if (patch) updateLabDraft(patch);
      return startLab();
    },
    state: () => {
      const { grid, page } = useArbor.getState().lab;
      return {
        status: grid?.status ?? 'idle',
        done: grid?.progress.done ?? 0,
        total: grid?.progress.total ?? 0,
        failed: grid?.progress.failed ?? 0,
        page,
        example: grid?.example ?? false,
      };
    },
    cells: () => {
      const grid = useArbor.getState().lab.grid;
      if (!grid) return [];
      return grid.cells.map((c) => ({ id: c.id, status: grid.results[c.id]?.status ?? null }));
    },
    setPage: setLabPage,
  },
  state: () => {
    const s = useArbor.getState();
    return {
      cursor: s.cursor,
      eventCount: s.eventCount,
      status: s.status,
      rootN: rootN(s.tree),
      answer: s.tree.done?.answer ?? null,
      correct: s.tree.done ? s.tree.done.correct : null,
      nodeCount: s.tree.nodes.length,
      selectedId: s.selectedId,
    };
  },
};

/** Puts the test API on `window.arbor`. */
export function installTestHook(win: Window = window): void {
  win.arbor = arborTestApi;
}
