import type { SearchProgram } from '../core/search';
import { streamEvents } from '../core/search';
import type { TraceEvent } from '../core/tree/events';
import { isAbortError } from '../engines/webllm/errors';
import type * as ResumeModule from '../run/resume';
import type { StartProgram } from '../run/resume';

/** run/resume.ts, loaded with the first Continue (it is not needed for a new run). */
let resume: typeof ResumeModule | null = null;
import type { RunSettings } from '../run/settings';
import { searchProgram } from '../run/startSearch';

let startProgram: StartProgram = searchProgram;

/**
 * Replaces how runs start (`searchProgram`), for tests that inject faulty engines; `null`
 * restores it. A continued simulated run starts this way too.
 */
export function setStartProgram(start: StartProgram | null): void {
  startProgram = start ?? searchProgram;
}

/** Where a search failed, in words: "after event 12 (expand, iteration 3)". */
function where(count: number, last: TraceEvent | undefined): string {
  if (!last) return `after event ${count}`;
  const unit =
    'iteration' in last
      ? `, iteration ${last.iteration}`
      : last.type === 'prune'
        ? `, depth ${last.depth}`
        : '';
  return `after event ${count} (${last.type}${unit})`;
}

/**
 * The live search behind a run: pulls events from `startSearch` one at a time, on demand, so
 * the search advances only as fast as the user steps or plays. `stop()` aborts it.
 *
 * Given the run's events so far, it continues the run instead (run/resume.ts): the search is
 * re-made over them, checked against them, and only the events after them come out.
 */
export class RunSource {
  private readonly controller = new AbortController();
  private generator: AsyncGenerator<TraceEvent, void, undefined> | null = null;
  private readonly recorded: readonly TraceEvent[];
  /** Events of the run so far: the recorded ones and those this source gave. */
  private count: number;
  private last: TraceEvent | undefined;

  /**
   * @param settings the run's settings
   * @param recorded the run's events so far, to continue it (none: a new run)
   */
  constructor(
    private readonly settings: RunSettings,
    recorded: readonly TraceEvent[] = [],
  ) {
    this.recorded = recorded.slice();
    this.count = recorded.length;
    this.last = recorded.at(-1);
  }

  private async program(): Promise<SearchProgram> {
    const { settings, recorded } = this;
    const signal = this.controller.signal;
    if (recorded.length === 0) return startProgram(settings, signal);
    resume ??= await import('../run/resume');
    const { afterRecorded, resumeProgram } = resume;
    return afterRecorded(resumeProgram(settings, recorded, signal, startProgram), recorded);
  }

  /**
   * The next event, or `null` when the search has finished. Rejects if the search fails: after
   * the first event, with a message that says where ("… after event 12 (expand, iteration 3)").
   */
  async next(): Promise<TraceEvent | null> {
    // Created on the first pull, so that a settings error surfaces as a failed step.
    this.generator ??= streamEvents(await this.program());
    let result: IteratorResult<TraceEvent, void>;
    try {
      result = await this.generator.next();
    } catch (error) {
      throw this.explain(error);
    }
    if (result.done) return null;
    this.count += 1;
    this.last = result.value;
    return result.value;
  }

  /** A mid-run engine failure, saying where the run stopped; other errors as they are. */
  private explain(error: unknown): unknown {
    if (
      this.count === 0 ||
      isAbortError(error) ||
      (resume !== null && error instanceof resume.ResumeMismatchError)
    ) {
      return error;
    }
    const message = error instanceof Error ? error.message : String(error);
    return new Error(`${message} — ${where(this.count, this.last)}`, { cause: error });
  }

  /** Aborts the search; a pending `next()` may still settle and is ignored by the caller. */
  stop(): void {
    this.controller.abort();
    this.generator?.return(undefined).catch(() => undefined);
  }
}

let tail: Promise<void> = Promise.resolve();

/**
 * Runs async tasks one after another, so that a step pressed during a pull (or a play loop
 * and a key press at once) never pulls two events for one cursor move.
 */
export function serial<T>(task: () => Promise<T>): Promise<T> {
  const result = tail.then(task);
  tail = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}
