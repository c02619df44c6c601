import type { Pending, SearchStep } from './program';
import type { ScheduledWork } from './schedule';

/**
 * Order-free work in flight together (issue 13: a server batches requests that web-llm would
 * take one at a time). The engine calls of several items — the beams of one depth, the
 * children of one expansion being judged, the samples of best-of-N — run at once, up to
 * `limit`, while the events still come out in canonical order: item i's `emit` runs only
 * once every earlier item has been emitted, whatever order the answers arrive in.
 *
 * It stays a synchronous program (program.ts): when every running item waits on a promise,
 * the driver yields one {@link Pending} that settles with the first answer, feeds it to its
 * item and goes on. With an engine that answers at once no promise is ever made: the runs go
 * one after another in canonical order and then the emits, which make no engine calls (they
 * allocate node ids and yield events), so the engine sees the calls of the plain loop in the
 * plain loop's order and a run draws the same randomness.
 *
 * Items start in canonical order (an engine that numbers samples by call order still numbers
 * them the same way); an item that fails stops new items from starting and its error is thrown
 * when its turn to emit comes, after every earlier item has been emitted, so the events kept
 * are the same canonical prefix whichever request failed first.
 */

type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** One generator the driver advances: an item's `run`, or the `emit` in progress. */
interface Task {
  gen: Generator<SearchStep, unknown, unknown>;
  /** What to resume it with next, or null while it waits on `waiting`. */
  input: { value: unknown } | { error: unknown } | null;
  /** Its pending answer, wrapped so that it always resolves, tagged with the task. */
  waiting: Promise<Settled> | null;
}

interface Settled {
  task: Task;
  outcome: { value: unknown } | { error: unknown };
}

function isPending(step: SearchStep): step is Pending {
  return 'pending' in step;
}

function wait(task: Task, pending: Pending): Promise<Settled> {
  return Promise.resolve(pending.pending).then(
    (value) => ({ task, outcome: { value } }),
    (error: unknown) => ({ task, outcome: { error } }),
  );
}

/**
 * Runs `work.run` for every item, up to `limit` at once, and `work.before` / `work.emit` in
 * canonical order (each item's `before` as soon as it is the next to emit, its `emit` once its
 * run is done). With `limit` 1 it is a plain loop.
 * @param limit how many items' runs may be in flight together (at least 1)
 * @throws whatever an item's run or emit threw, at that item's turn
 */
export function* inFlight<T, R>(
  items: readonly T[],
  work: ScheduledWork<T, R>,
  limit: number,
): Generator<SearchStep, void, unknown> {
  const cap = Math.max(1, Math.floor(limit));
  const results: (Outcome<R> | undefined)[] = items.map(() => undefined);
  const running = new Map<number, Task>();
  let started = 0;
  let failedAt = Infinity;
  let next = 0; // the first item not yet emitted
  let opened = false; // whether its `before` events are out
  let emitting: Task | null = null;

  /** Advances a task to its next wait, or to its end (then returns its outcome). */
  function advance(task: Task): Outcome<unknown> | null {
    const input = task.input ?? { value: undefined };
    task.input = null;
    let r: IteratorResult<SearchStep, unknown>;
    try {
      r = 'error' in input ? task.gen.throw(input.error) : task.gen.next(input.value);
    } catch (error) {
      return { ok: false, error };
    }
    if (r.done) return { ok: true, value: r.value };
    if (!isPending(r.value)) {
      return {
        ok: false,
        error: new TypeError('inFlight: a run yielded an event; runs only call'),
      };
    }
    task.waiting = wait(task, r.value);
    return null;
  }

  try {
    for (;;) {
      // Start items in canonical order while there is room, none failed before them.
      while (running.size < cap && started < items.length && started < failedAt) {
        const i = started++;
        const task: Task = {
          gen: work.run(items[i] as T),
          input: { value: undefined },
          waiting: null,
        };
        running.set(i, task);
      }
      // Advance every running item that has an answer to go on with, in canonical order.
      let progressed = false;
      for (const [i, task] of [...running]) {
        if (task.input === null) continue;
        const outcome = advance(task);
        progressed = true;
        if (outcome) {
          running.delete(i);
          results[i] = outcome as Outcome<R>;
          if (!outcome.ok) failedAt = Math.min(failedAt, i);
        }
      }
      if (progressed) continue; // room may have opened: start more before emitting
      // Emit in canonical order.
      if (emitting === null && next < items.length) {
        if (!opened && work.before) yield* work.before(items[next] as T);
        opened = true;
        const done = results[next];
        if (done) {
          if (!done.ok) throw done.error;
          emitting = {
            gen: work.emit(items[next] as T, done.value),
            input: { value: undefined },
            waiting: null,
          };
        }
      }
      if (emitting !== null && emitting.input !== null) {
        const input: { value: unknown } | { error: unknown } = emitting.input;
        emitting.input = null;
        const r =
          'error' in input ? emitting.gen.throw(input.error) : emitting.gen.next(input.value);
        if (r.done) {
          emitting = null;
          next += 1;
          opened = false;
        } else if (isPending(r.value)) {
          emitting.waiting = wait(emitting, r.value);
        } else {
          emitting.input = { value: undefined };
          yield r.value;
        }
        continue;
      }
      if (next >= items.length) return;
      // Everything waits: hand the driver one promise, the first answer to arrive.
      const waits = [...running.values(), ...(emitting ? [emitting] : [])]
        .map((t) => t.waiting)
        .filter((w): w is Promise<Settled> => w !== null);
      if (waits.length === 0) throw new Error('inFlight: nothing to wait for (a bug)');
      const settled = (yield { pending: Promise.race(waits) }) as Settled;
      settled.task.waiting = null;
      settled.task.input = settled.outcome;
    }
  } finally {
    for (const task of running.values()) task.gen.return(undefined);
    emitting?.gen.return(undefined);
  }
}

/**
 * The results of several engine-call generators, run up to `limit` at once and returned in
 * the order given (the nested form of {@link inFlight}: the judge calls inside one item).
 */
export function* allInFlight<R>(
  calls: readonly (() => Generator<Pending, R, unknown>)[],
  limit: number,
): Generator<Pending, R[], unknown> {
  const out: R[] = [];
  // No `before`, and an `emit` that yields nothing: only Pendings come out, so the cast holds.
  yield* inFlight(
    calls,
    {
      path: () => [],
      run: (call) => call(),
      // eslint-disable-next-line require-yield
      *emit(_call, value) {
        out.push(value);
      },
    },
    limit,
  ) as Generator<Pending, void, unknown>;
  return out;
}
