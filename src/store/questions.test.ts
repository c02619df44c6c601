import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MCTS } from '../core/search/settings';
import type { SelectEvent } from '../core/tree/events';
import type { RunSettings } from '../run/settings';
import { DEFAULT_SETTINGS } from '../run/settings';
import {
  answerQuestion,
  chapterScore,
  clearQuestion,
  poseQuestion,
  revealAnswer,
  setClassMode,
} from './questionActions';
import { pickCandidate, pickNode, runToEnd, seek, setSettings, step, useArbor } from './index';
import type { KeptAnswer } from './questionSlice';
import { keepAnswer, scoreOf } from './questionSlice';

const MCTS_12: RunSettings = { ...DEFAULT_SETTINGS, search: { ...DEFAULT_MCTS, iterations: 12 } };
const get = useArbor.getState;

/** The cursor just before the first select event whose root level has two or more candidates. */
async function beforeAChoice(): Promise<{ cursor: number; event: SelectEvent }> {
  await runToEnd();
  const events = get().trace.all;
  const index = events.findIndex(
    (e) => e.type === 'select' && (e.levels[0]?.candidates.length ?? 0) >= 2,
  );
  const event = events[index];
  if (event?.type !== 'select') throw new Error('no select with a choice');
  seek(index);
  return { cursor: index, event };
}

beforeEach(() => {
  setSettings(MCTS_12);
  setClassMode(false);
  useArbor.setState({ answers: {} });
});

describe('questions in the store', () => {
  it('poses a select question on a live run, searching it far enough, the cursor left where it was', async () => {
    for (let k = 0; k < 3; k++) await step();
    expect(get().complete).toBe(false);
    const posed = await poseQuestion({ kind: 'select', level: 0 }, '1.0');
    expect(posed.ok).toBe(true);
    expect(get().cursor).toBe(3);
    expect(get().question).toMatchObject({ key: '1.0', cursor: 3, answer: null, revealed: false });
    expect(get().question?.question.eventIndex).toBeGreaterThanOrEqual(3);
  });

  it('answers at once without class mode, and moves the cursor past the asked event', async () => {
    const { cursor, event } = await beforeAChoice();
    await poseQuestion({ kind: 'select', level: 0 }, '0.0');
    const level = event.levels[0];
    const loser = level?.candidates.find((c) => c.id !== level.winner);
    if (!level || !loser) throw new Error('no loser');
    // A click on a node that is not a candidate is taken, answers nothing and says why.
    expect(pickNode(0)).toBe(true);
    expect(get().question).toMatchObject({
      answer: null,
      hint: 'Pick one of the highlighted children.',
    });
    expect(get().cursor).toBe(cursor);
    expect(pickNode(loser.id)).toBe(true);
    expect(get().question?.answer?.result).toMatchObject({ right: false });
    expect(get().question?.revealed).toBe(true);
    expect(get().cursor).toBe(cursor + 1);
    expect(get().trace.all[get().cursor - 1]).toBe(event);
    // Answered: the tree's clicks are its own again, and a second answer is refused.
    expect(pickNode(level.winner)).toBe(false);
    expect(answerQuestion({ kind: 'select', id: level.winner })).toBe(false);
    expect(chapterScore(['0.0'])).toEqual({ right: 0, answered: 1, total: 1 });
  });

  it('class mode hides the verdict until Reveal, which then moves the cursor', async () => {
    const { cursor, event } = await beforeAChoice();
    setClassMode(true);
    await poseQuestion({ kind: 'select', level: 0 }, '0.1');
    const winner = event.levels[0]?.winner ?? -1;
    const index = (event.levels[0]?.candidates.findIndex((c) => c.id === winner) ?? -1) + 1;
    expect(pickCandidate(index)).toBe(true);
    expect(get().question).toMatchObject({ revealed: false });
    expect(get().question?.answer?.result.right).toBe(true);
    expect(get().cursor).toBe(cursor);
    revealAnswer();
    expect(get().question?.revealed).toBe(true);
    expect(get().cursor).toBe(cursor + 1);
    expect(chapterScore(['0.1', '0.2'])).toEqual({ right: 1, answered: 1, total: 2 });
  });

  it('keeps the first try for the score when a question is posed again', async () => {
    const { event } = await beforeAChoice();
    const level = event.levels[0];
    const loser = level?.candidates.find((c) => c.id !== level.winner)?.id ?? -1;
    const cursor = get().cursor;
    await poseQuestion({ kind: 'select', level: 0 }, '2.0');
    pickNode(loser);
    seek(cursor);
    await poseQuestion({ kind: 'select', level: 0 }, '2.0');
    pickNode(level?.winner ?? -1);
    expect(get().answers['2.0']).toEqual({ firstRight: false, lastRight: true, tries: 2 });
    expect(chapterScore(['2.0'])).toEqual({ right: 0, answered: 1, total: 1 });
  });

  it('a question the run cannot answer says so; a new run closes an open question', async () => {
    await runToEnd();
    const end = get().cursor;
    const posed = await poseQuestion({ kind: 'select', level: 0 }, '0.0');
    expect(posed).toEqual({ ok: false, error: `no select event after event ${end}` });
    expect(get().question).toBeNull();
    expect(get().questionError).toBe(`no select event after event ${end}`);
    seek(0);
    await poseQuestion({ kind: 'backup', node: 0 }, '0.0');
    expect(get().question?.question.kind).toBe('backup');
    setSettings({ ...MCTS_12, seed: 7 });
    expect(get().question).toBeNull();
    await poseQuestion({ kind: 'result' }, '0.0');
    clearQuestion();
    expect(get().question).toBeNull();
  });

  it('a backup answer that is not a number sets the hint and keeps the question open', async () => {
    await poseQuestion({ kind: 'backup', node: 0 }, '3.0');
    expect(answerQuestion({ kind: 'backup', N: '1', Q: 'half' })).toBe(false);
    expect(get().question).toMatchObject({
      answer: null,
      hint: 'Q is not a number: “half” (fractions accepted: 3/4).',
    });
    expect(get().answers['3.0']).toBeUndefined();
  });
});

describe('the answers reducer', () => {
  it('scores each key by its first try, counts every try, remembers the last', () => {
    const keys = fc.constantFrom('0.0', '0.1', '1.0', '1.2');
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, fc.boolean()), { maxLength: 30 }), (tries) => {
        const answers = tries.reduce<Record<string, KeptAnswer>>(
          (a, [k, right]) => keepAnswer(a, k, right),
          {},
        );
        const all = ['0.0', '0.1', '1.0', '1.2'];
        const first = new Map<string, boolean>();
        for (const [k, right] of tries) if (!first.has(k)) first.set(k, right);
        expect(scoreOf(answers, all)).toEqual({
          right: [...first.values()].filter(Boolean).length,
          answered: first.size,
          total: 4,
        });
        for (const k of all) {
          const mine = tries.filter(([key]) => key === k);
          expect(answers[k]?.tries ?? 0).toBe(mine.length);
          expect(answers[k]?.lastRight).toBe(mine.at(-1)?.[1]);
        }
      }),
    );
  });
});
