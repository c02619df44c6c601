import type { DoneEvent, NodeId, TraceEvent } from '../../core/tree/events';
import { reduce } from '../../core/tree/reduce';
import type { SearchTree } from '../../core/tree/tree';
import type { LessonQuestion } from '../lessonSchema';
import { divide, fromFloat, rational } from './exact';
import type { PreparedQuestion, Visits } from './types';

/** A question ready to ask, or why the run cannot answer it. */
export type PrepareResult = { ok: true; question: PreparedQuestion } | { ok: false; error: string };

type EventOf<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

/** The first event of `type` at or after index `from` that `accept` takes, with its index. */
function nextOf<T extends TraceEvent['type']>(
  events: readonly TraceEvent[],
  from: number,
  type: T,
  accept: (e: EventOf<T>) => boolean = () => true,
): { index: number; event: EventOf<T> } | null {
  for (let i = from; i < events.length; i++) {
    const e = events[i];
    if (e?.type === type && accept(e as EventOf<T>)) return { index: i, event: e as EventOf<T> };
  }
  return null;
}

const textOf = (tree: SearchTree, id: NodeId): string => tree.nodes[id]?.text ?? `node ${id}`;

/** How a node is named in a prompt: its step text, quoted, or "the root". */
function named(tree: SearchTree, id: NodeId): string {
  return id === 0 ? 'the root' : `“${textOf(tree, id)}” (node ${id})`;
}

/** N and W of `node` before event `index`: its last backprop update before it, else 0, 0. */
function visitsBefore(events: readonly TraceEvent[], index: number, node: NodeId): Visits {
  for (let i = index - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.type !== 'backprop') continue;
    const u = e.updates.find((x) => x.id === node);
    if (u) return { N: u.N, W: u.W };
  }
  return { N: 0, W: 0 };
}

/** The answer as the options list it: `''` (no answer) for a search that returned none. */
const answerOf = (done: DoneEvent): string => done.answer ?? '';

/**
 * Prepares a lesson's question on a run: reads its answer off the run's next event of its
 * kind after `cursor` (events applied), so the class predicts what the search does next.
 * - `select`: the candidates at `level` of the next select event, each with N, W, Q, P,
 *   exploit, explore and total, the parent's N and the winner.
 * - `backup`: `node`'s N and W before and after the next backprop that updates it; Q = W/N
 *   exactly (W read as the decimal it stands for, {@link fromFloat}).
 * - `prune`: the candidates the next prune keeps and drops.
 * - `result`: the done event's answer; the options are the distinct answers the tree's
 *   terminals reached (and the search's own).
 * - `choice`: the author's options and answer.
 * @returns the question, or an error naming what is missing ("no select event after event 41")
 */
export function prepareQuestion(
  events: readonly TraceEvent[],
  cursor: number,
  question: LessonQuestion,
): PrepareResult {
  const from = Math.max(0, Math.min(Math.floor(cursor), events.length));
  const none = (what: string): PrepareResult => ({
    ok: false,
    error: `no ${what} after event ${from}`,
  });
  switch (question.kind) {
    case 'choice':
      return {
        ok: true,
        question: {
          kind: 'choice',
          prompt: question.prompt,
          eventIndex: -1,
          options: question.options,
          answer: question.answer,
          ...(question.explain === undefined ? {} : { explain: question.explain }),
        },
      };
    case 'select': {
      const found = nextOf(events, from, 'select');
      if (!found) return none('select event');
      const { index, event } = found;
      const level = event.levels[question.level];
      if (!level) {
        const n = event.levels.length;
        return {
          ok: false,
          error: `the select event after event ${from} (event ${index + 1}) has no level ${question.level}: it chose at ${n} level${n === 1 ? '' : 's'}`,
        };
      }
      const tree = reduce(events, index);
      return {
        ok: true,
        question: {
          kind: 'select',
          prompt:
            question.prompt ??
            `Which child of ${named(tree, level.parent)} does the selection rule pick next?`,
          eventIndex: index,
          level: question.level,
          iteration: event.iteration,
          rule: event.rule,
          c: event.c,
          parent: level.parent,
          parentN: level.parentN,
          candidates: level.candidates.map((c) => ({ ...c, text: textOf(tree, c.id) })),
          winner: level.winner,
          decidedBy: level.decidedBy,
        },
      };
    }
    case 'backup': {
      const node = question.node;
      const found = nextOf(events, from, 'backprop', (e) => e.updates.some((u) => u.id === node));
      if (!found) return none(`backprop that updates node ${node}`);
      const { index, event } = found;
      const update = event.updates.find((u) => u.id === node);
      if (!update) return none(`backprop that updates node ${node}`);
      const tree = reduce(events, index);
      return {
        ok: true,
        question: {
          kind: 'backup',
          prompt:
            question.prompt ??
            `After the next backpropagation, what are N and Q of ${named(tree, node)}?`,
          eventIndex: index,
          node,
          text: textOf(tree, node),
          iteration: event.iteration,
          value: event.value,
          before: visitsBefore(events, index, node),
          after: { N: update.N, W: update.W },
          q: divide(fromFloat(update.W), rational(BigInt(update.N))),
        },
      };
    }
    case 'prune': {
      const found = nextOf(events, from, 'prune');
      if (!found) return none('prune event');
      const { index, event } = found;
      const tree = reduce(events, index);
      const options = [...event.kept, ...event.dropped]
        .map((c) => ({ id: c.id, text: textOf(tree, c.id), score: c.score }))
        .sort((a, b) => a.id - b.id);
      return {
        ok: true,
        question: {
          kind: 'prune',
          prompt: question.prompt ?? `Which candidates does the beam keep at depth ${event.depth}?`,
          eventIndex: index,
          depth: event.depth,
          options,
          kept: event.kept.map((c) => c.id),
          dropped: event.dropped.map((c) => c.id),
        },
      };
    }
    case 'result': {
      const found = nextOf(events, from, 'done');
      if (!found) return none('done event');
      const { index, event } = found;
      const seen = new Set<string>();
      for (let i = 0; i < index; i++) {
        const e = events[i];
        if (e?.type === 'terminal') seen.add(e.answer);
      }
      seen.add(answerOf(event));
      const options = [...seen].sort((a, b) =>
        a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }),
      );
      return {
        ok: true,
        question: {
          kind: 'result',
          prompt: question.prompt ?? 'Which answer does the search return?',
          eventIndex: index,
          options,
          answer: answerOf(event),
          reason: event.reason,
          correct: event.correct,
          ...(event.votes === undefined ? {} : { votes: event.votes }),
        },
      };
    }
  }
}
