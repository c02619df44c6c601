import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregate } from '../core/reward/aggregate';
import { groupAdvantages } from '../core/reward/grpo';
import { loadAllTasks } from '../core/tasks/registry';
import type { SelectEvent, TraceEvent } from '../core/tree/events';
import { reduce } from '../core/tree/reduce';
import type { SearchTree } from '../core/tree/tree';
import { aggregateGrid } from '../lab/aggregate';
import { planGrid } from '../lab/grid';
import { logComputeFit } from '../lab/logFit';
import { getPreset } from '../lab/presets';
import { runCellSync, sumCost } from '../lab/runCell';
import type { CellResult } from '../lab/types';
import { sampleRewards } from '../layout/samples';
import { DEFAULT_ENGINE } from '../run/settings';
import { resolveAnchor } from './anchor';
import { BUNDLED_LESSONS } from './bundled';
import course from './course/mcts-and-prms.json';
import type { Lesson, LessonAnchor, LessonStep } from './lessonSchema';
import { parseLesson } from './parseLesson';
import type { PreparedQuestion } from './questions';
import { checkAnswer, prepareQuestion } from './questions';
import { lessonRunEvents } from './runEvents';

/**
 * The bundled lessons checked against their runs, and the course "MCTS and PRMs" checked
 * against numbers worked out by hand. A lesson's words name numbers on the tree; each number a
 * chapter says is recomputed here from the run the chapter plays, so a change to the search
 * or the simulated engine that moves a number fails this test rather than a class.
 */

const fromPublic = (path: string) =>
  readFile(new URL(`../../public/${path}`, import.meta.url), 'utf8');

/** Every problem of a lesson against its runs, as `chapter.step: what` lines (none: it plays). */
async function lessonProblems(raw: unknown): Promise<string[]> {
  const parsed = parseLesson(raw);
  if (!parsed.ok) return [parsed.error];
  const lesson = parsed.lesson;
  const problems: string[] = [];
  const events = new Map<string, TraceEvent[]>();
  for (const [key, run] of Object.entries(lesson.runs)) {
    const got = await lessonRunEvents(run, fromPublic);
    if (got.ok) events.set(key, got.events);
    else problems.push(`runs.${key}: ${got.error}`);
  }
  lesson.chapters.forEach((chapter, c) =>
    chapter.steps.forEach((step, s) => {
      const where = `chapters.${c}.steps.${s}`;
      const run = events.get(step.run);
      if (!run) return problems.push(`${where}: run ${step.run} has no events`);
      if (step.view.kind === 'compare' && !events.has(step.view.with)) {
        problems.push(`${where}: the compare run ${step.view.with} has no events`);
      }
      const at = resolveAnchor(run, step.at);
      if (!at.ok) return problems.push(`${where}.at: ${at.error}`);
      const tree = reduce(run, at.cursor);
      for (const id of [...step.highlight, ...(step.inspect === undefined ? [] : [step.inspect])]) {
        if (tree.nodes[id] === undefined) {
          problems.push(`${where}: node ${id} is not in the tree at event ${at.cursor}`);
        }
      }
      if (step.question) {
        const q = prepareQuestion(run, at.cursor, step.question);
        if (!q.ok) problems.push(`${where}.question: ${q.error}`);
      }
      return undefined;
    }),
  );
  return problems;
}

beforeAll(async () => {
  await loadAllTasks();
});

describe('every bundled lesson plays on its runs', () => {
  it('lists the course first and keeps the tour', () => {
    expect(BUNDLED_LESSONS.map((l) => l.id)).toEqual(['mcts-and-prms', 'tour']);
  });

  for (const bundled of BUNDLED_LESSONS) {
    it(`${bundled.id}: parses, and every step's anchor, node and question fits its run`, async () => {
      const raw = await bundled.load();
      const parsed = parseLesson(raw);
      expect(parsed.ok && parsed.lesson.id).toBe(bundled.id);
      expect(parsed.ok && parsed.lesson.title).toBe(bundled.title);
      expect(await lessonProblems(raw)).toEqual([]);
    });
  }

  const tiny = (step: Partial<LessonStep> & { at: LessonAnchor }): unknown => ({
    format: 'arbor-lesson',
    version: 1,
    id: 'bad',
    title: 'Bad',
    runs: { paper: { file: 'lessons/runs/paper-mcts.json' } },
    chapters: [{ id: 'c', title: 'C', steps: [{ run: 'paper', say: 'Look.', ...step }] }],
  });

  it('fails a step anchored past its run’s end, a node not yet drawn and a question the run cannot answer', async () => {
    // The paper run has 26 events and 4 iterations.
    expect(await lessonProblems(tiny({ at: 27 }))).toEqual([
      "chapters.0.steps.0.at: event 27 is past the run's end (26 events)",
    ]);
    expect(
      await lessonProblems(tiny({ at: { iteration: 5, phase: 'select', edge: 'after' } })),
    ).toEqual(['chapters.0.steps.0.at: the run has no select phase in iteration 5']);
    // At the start only the root is drawn; A (node 1) comes with iteration 1's expansion.
    expect(await lessonProblems(tiny({ at: 'start', highlight: [1] }))).toEqual([
      'chapters.0.steps.0: node 1 is not in the tree at event 1',
    ]);
    expect(
      await lessonProblems(tiny({ at: 'end', question: { kind: 'select', level: 0 } })),
    ).toEqual(['chapters.0.steps.0.question: no select event after event 26']);
    expect(await lessonProblems(tiny({ at: 'end' }))).toEqual([]);
  });
});

// ————— The course's numbers, worked by hand —————

const lesson = (() => {
  const parsed = parseLesson(course);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.lesson;
})();

const cache = new Map<string, Promise<TraceEvent[]>>();

/** The events of one of the course's runs. */
function eventsOf(key: string): Promise<TraceEvent[]> {
  let got = cache.get(key);
  if (!got) {
    const run = lesson.runs[key];
    if (!run) throw new Error(`no run ${key}`);
    got = lessonRunEvents(run, fromPublic).then((r) => {
      if (!r.ok) throw new Error(r.error);
      return r.events;
    });
    cache.set(key, got);
  }
  return got;
}

function chapter(id: string): Lesson['chapters'][number] {
  const found = lesson.chapters.find((c) => c.id === id);
  if (!found) throw new Error(`no chapter ${id}`);
  return found;
}

/** A step's run, cursor and tree. */
async function stepAt(
  step: LessonStep,
): Promise<{ events: TraceEvent[]; cursor: number; tree: SearchTree }> {
  const events = await eventsOf(step.run);
  const at = resolveAnchor(events, step.at);
  if (!at.ok) throw new Error(at.error);
  return { events, cursor: at.cursor, tree: reduce(events, at.cursor) };
}

/** The questions of a chapter, prepared on their runs, in order. */
async function questionsOf(id: string): Promise<PreparedQuestion[]> {
  const out: PreparedQuestion[] = [];
  for (const step of chapter(id).steps) {
    if (!step.question) continue;
    const { events, cursor } = await stepAt(step);
    const q = prepareQuestion(events, cursor, step.question);
    if (!q.ok) throw new Error(q.error);
    out.push(q.question);
  }
  return out;
}

const says = (id: string) => chapter(id).steps.map((s) => s.say);
const textOf = (tree: SearchTree, id: number) => tree.nodes[id]?.text ?? '';
const shown = (x: number | null | undefined) => (x ?? Number.NaN).toFixed(2);
const doneOf = (events: readonly TraceEvent[]) => events.find((e) => e.type === 'done');
const selects = (events: readonly TraceEvent[]) =>
  events.filter((e): e is SelectEvent => e.type === 'select');

describe('chapter 1: a search tree over reasoning steps (4 6 8 8, MCTS, 12 iterations)', () => {
  it('three first steps scored 0.77, 0.33, 0.88; node 3 is not a terminal; iteration 4 makes terminals 10 (24), 11, 12', async () => {
    const [, expand, , four] = chapter('search-tree').steps;
    if (!expand || !four) throw new Error('steps');
    const { tree } = await stepAt(expand);
    expect([1, 2, 3].map((id) => shown(tree.nodes[id]?.prm))).toEqual(['0.77', '0.32', '0.88']);
    expect(textOf(tree, 3)).toBe('6 * 4 = 24 (left: 8 8 24)');
    expect(tree.nodes[3]?.terminal).toBeNull();
    const after4 = (await stepAt(four)).tree;
    expect(textOf(after4, 5)).toBe('1 / 4 = 1/4 (left: 6 1/4)');
    expect([10, 11, 12].map((id) => after4.nodes[id]?.terminal?.answer)).toEqual([
      '24',
      '-23/4',
      '1/24',
    ]);
    expect(after4.nodes[10]?.terminal?.kind).toBe('solved');
  });

  it('returns 24 by the most-visited line, through node 2 (N 5)', async () => {
    const events = await eventsOf('first');
    const end = reduce(events);
    expect(doneOf(events)).toMatchObject({ node: 10, answer: '24', reason: 'most-visited' });
    expect(end.nodes[0]?.children.map((id) => end.nodes[id]?.N)).toEqual([3, 5, 4]);
    expect([end.nodes[10]?.parent, end.nodes[5]?.parent]).toEqual([5, 2]);
    expect(textOf(end, 10)).toBe('6 / 1/4 = 24 (left: 24)');
    expect(textOf(end, 0)).toBe('Use 4 6 8 8 with + − × ÷ to make 24.');
    const [q] = await questionsOf('search-tree').then((qs) =>
      qs.filter((x) => x.kind === 'result'),
    );
    expect(q).toMatchObject({ answer: '24' });
    const solved = end.nodes.filter((n) => n.terminal?.kind === 'solved').map((n) => n.id);
    expect(solved).toEqual([10, 13, 30]);
    expect(says('search-tree')[4]).toContain('nodes 10, 13 and 30');
  });
});

describe('chapter 2: one MCTS iteration on the paper tree (R 0, A 1, B 2, B1 3, B2 4, A1 5, A2 6)', () => {
  /**
   * The paper values of mcts.test.ts (UCT, c = 1):
   * - iteration 2 at R (N 1): A = 0.6 + √(ln 1 / 1) = 0.6; B unvisited = +∞ → B.
   * - iteration 3 at R (N 2): √(ln 2) = 0.832555; A = 1.432555, B = 1.332555 → A, by exploitation.
   * - iteration 3's backprop: A N 1 → 2, W 0.6 → 0.6 + 0.9 = 1.5, Q = 3/4.
   * - iteration 4 at R (N 3): A = 0.75 + √(ln 3 / 2) = 1.491152; B = 0.5 + √(ln 3) = 1.548147 → B, by exploration.
   */
  it('asks the three selections and the backup in order, answered as on paper', async () => {
    const [s2, s3, backup, s4] = await questionsOf('one-iteration');
    if (s2?.kind !== 'select' || s3?.kind !== 'select' || s4?.kind !== 'select') {
      throw new Error('select questions');
    }
    expect(s2).toMatchObject({ iteration: 2, parentN: 1, winner: 2, decidedBy: 'unvisited' });
    expect(s2.candidates.map((c) => [c.id, c.N, c.total])).toEqual([
      [1, 1, 0.6],
      [2, 0, null],
    ]);

    expect(s3).toMatchObject({ iteration: 3, parentN: 2, winner: 1, decidedBy: 'exploit' });
    expect(s3.candidates[0]?.total).toBeCloseTo(0.6 + Math.sqrt(Math.log(2)), 9);
    expect(s3.candidates[0]?.total).toBeCloseTo(1.432555, 6);
    expect(s3.candidates[1]?.total).toBeCloseTo(1.332555, 6);

    expect(backup).toMatchObject({ kind: 'backup', node: 1, iteration: 3, value: 0.9 });
    if (backup?.kind !== 'backup') throw new Error('backup');
    expect(backup.before).toEqual({ N: 1, W: 0.6 });
    expect(backup.after).toEqual({ N: 2, W: 1.5 });
    expect(backup.q).toEqual({ num: 3n, den: 4n });
    expect(checkAnswer(backup, { kind: 'backup', N: '2', Q: '3/4' })).toMatchObject({
      right: true,
    });

    expect(s4).toMatchObject({ iteration: 4, parentN: 3, winner: 2, decidedBy: 'explore' });
    expect(s4.candidates[0]).toMatchObject({ id: 1, N: 2, W: 1.5, Q: 0.75 });
    expect(s4.candidates[0]?.total).toBeCloseTo(0.75 + Math.sqrt(Math.log(3) / 2), 9);
    expect(s4.candidates[0]?.total).toBeCloseTo(1.491152, 6);
    expect(s4.candidates[1]?.total).toBeCloseTo(1.548147, 6);
    // A class that forgets the exploration term picks A, and is told B.
    expect(checkAnswer(s4, { kind: 'select', id: 1 })).toMatchObject({ right: false });
  });

  it('shows N and W as the words say: iteration 1 (A, R: N 1, W 0.6), 2 (B: N 1, W 0.5; R: N 2, W 1.1), 3 (A: N 2, W 1.5; R: N 3)', async () => {
    const steps = chapter('one-iteration').steps;
    const visits = async (i: number, ids: number[]) => {
      const step = steps[i];
      if (!step) throw new Error(`step ${i}`);
      const { tree } = await stepAt(step);
      return ids.map((id) => [tree.nodes[id]?.N, Number(tree.nodes[id]?.W.toFixed(9))]);
    };
    expect(await visits(0, [0, 1])).toEqual([
      [1, 0.6],
      [1, 0.6],
    ]);
    expect(await visits(2, [0, 2])).toEqual([
      [2, 1.1],
      [1, 0.5],
    ]);
    expect(await visits(5, [0, 1, 2])).toEqual([
      [3, 2],
      [2, 1.5],
      [1, 0.5],
    ]);
    const { tree } = await stepAt(steps[4] as LessonStep);
    expect([1, 2, 3, 4, 5, 6].map((id) => tree.nodes[id]?.prm)).toEqual([
      0.6, 0.4, 0.5, 0.7, 0.9, 0.2,
    ]);
  });

  it('says the numbers the tree shows: 1.43 / 1.33, 1.55 / 1.49, B N 2 W 1.2, R N 4 W 2.7, no answer', async () => {
    const text = says('one-iteration').join(' ');
    for (const n of ['1.43', '1.33', '1.55', '1.49', '0.83']) expect(text).toContain(n);
    const events = await eventsOf('paper');
    const end = reduce(events);
    expect(end.nodes[2]).toMatchObject({ N: 2, W: 1.2 });
    expect(end.nodes[0]).toMatchObject({ N: 4 });
    expect(end.nodes[0]?.W).toBeCloseTo(2.7, 12);
    // B2 is at the maximum depth (2): iteration 4's expansion adds nothing.
    expect(events.find((e) => e.type === 'expand' && e.iteration === 4)).toMatchObject({
      node: 4,
      children: [],
    });
    expect(doneOf(events)).toMatchObject({ answer: null, reason: 'none' });
  });
});

describe('chapter 3: exploration against exploitation (4 7 12 13, 16 iterations)', () => {
  const rootDecisions = (events: readonly TraceEvent[]) => {
    const count = { exploit: 0, explore: 0, unvisited: 0 };
    for (const s of selects(events)) {
      const level = s.levels[0];
      if (level) count[level.decidedBy] += 1;
    }
    return count;
  };

  it('c = 0.3: node 1 takes 12 of 16 visits, exploitation decides 13 of 15 choices, node 2 stays at N 1', async () => {
    const events = await eventsOf('c-low');
    const end = reduce(events);
    expect([1, 2, 3].map((id) => end.nodes[id]?.N)).toEqual([12, 1, 3]);
    expect(rootDecisions(events)).toEqual({ exploit: 13, explore: 0, unvisited: 2 });
    // Node 2's exploration term at R never reached 0.5 (the choice question's explanation).
    const terms = selects(events).flatMap((s) =>
      (s.levels[0]?.candidates ?? [])
        .filter((c) => c.id === 2 && c.N > 0)
        .map((c) => c.explore ?? 0),
    );
    expect(Math.max(...terms)).toBeLessThan(0.5);
    // Its first visit backed up 0: the first child simulated below it was an invalid step.
    const first = events.find((e) => e.type === 'backprop' && e.iteration === 2);
    expect(first).toMatchObject({ value: 0 });
    expect(events.find((e) => e.type === 'simulate' && e.iteration === 2)).toMatchObject({
      from: 4,
    });
    expect(end.nodes[2]?.children[0]).toBe(4);
    expect(textOf(end, 2)).toBe('7 + 4 = 11 (left: 12 13 11)');
    expect(shown(end.nodes[2]?.prm)).toBe('0.89');
    expect(end.nodes[4]?.terminal?.kind).toBe('invalid-step');
  });

  it('c = 4, iteration 6: node 2 = 4·√(ln 5) = 5.07 beats node 1 = 0.93 + 4·√(ln 5 / 2) = 4.52, by exploration', async () => {
    const [select] = (await questionsOf('exploration')).filter((q) => q.kind === 'select');
    if (select?.kind !== 'select') throw new Error('select');
    expect(select).toMatchObject({
      iteration: 6,
      c: 4,
      parentN: 5,
      winner: 2,
      decidedBy: 'explore',
    });
    const [one, two, three] = select.candidates;
    expect(two?.total).toBeCloseTo(4 * Math.sqrt(Math.log(5)), 9);
    expect(shown(two?.total)).toBe('5.07');
    expect(shown(one?.total)).toBe('4.52');
    expect([one?.N, shown(one?.Q), two?.N, two?.Q, three?.N, shown(three?.Q)]).toEqual([
      2,
      '0.93',
      1,
      0,
      2,
      '0.47',
    ]);
    const end = reduce(await eventsOf('c-high'));
    expect([1, 2, 3].map((id) => end.nodes[id]?.N)).toEqual([6, 5, 5]);
  });

  it('c = 1.41 and c = 4: 7 choices by exploitation, 6 by exploration; all three runs return 24', async () => {
    for (const key of ['c-mid', 'c-high']) {
      expect(rootDecisions(await eventsOf(key))).toEqual({ exploit: 7, explore: 6, unvisited: 2 });
    }
    for (const key of ['c-low', 'c-mid', 'c-high']) {
      expect(doneOf(await eventsOf(key))).toMatchObject({ answer: '24', correct: true });
    }
  });
});

describe('chapter 4: PUCT and priors (the same puzzle, c = 1.41)', () => {
  it('iteration 2: node 1 = 0.97 + 1.41·0.34·√1/2 = 1.21 beats unvisited node 2 = 1.41·0.33 = 0.47, by exploitation', async () => {
    const [select] = await questionsOf('puct');
    if (select?.kind !== 'select') throw new Error('select');
    expect(select).toMatchObject({ rule: 'puct', iteration: 2, winner: 1, decidedBy: 'exploit' });
    const [one, two] = select.candidates;
    expect(one?.total).toBeCloseTo((one?.Q ?? 0) + (1.41 * (one?.P ?? 0) * Math.sqrt(1)) / 2, 9);
    expect(two?.total).toBeCloseTo(1.41 * (two?.P ?? 0), 9);
    expect([shown(one?.P), shown(one?.total), shown(two?.P), shown(two?.total)]).toEqual([
      '0.34',
      '1.21',
      '0.33',
      '0.47',
    ]);
  });

  it('priors below node 1 are 0.27 / 0.41 / 0.32; nodes 2 and 3 tie at 1.14 in iteration 7 and node 2, the first, wins', async () => {
    const events = await eventsOf('puct');
    const tree = reduce(events);
    expect([4, 5, 6].map((id) => shown(tree.nodes[id]?.prior))).toEqual(['0.27', '0.41', '0.32']);
    expect([4, 5].map((id) => shown(tree.nodes[id]?.logProb))).toEqual(['-7.09', '-0.38']);
    expect(tree.nodes[4]?.valid).toBe(false);
    expect([textOf(tree, 4), textOf(tree, 5)]).toEqual([
      '4 / 12 = 4/3 (left: -6 4/3)',
      '12 + -6 = 6 (left: 4 6)',
    ]);
    expect([1, 2, 3].map((id) => shown(tree.nodes[id]?.prior))).toEqual(['0.34', '0.33', '0.33']);
    expect(selects(events).find((s) => s.iteration === 3)?.levels[1]?.winner).toBe(5);
    const seven = selects(events).find((s) => s.iteration === 7)?.levels[0];
    expect(seven?.candidates.map((c) => shown(c.total))).toEqual(['1.13', '1.14', '1.14']);
    expect(seven).toMatchObject({ winner: 2, decidedBy: 'explore' });
    expect([seven?.candidates[0]?.N, shown(seven?.candidates[0]?.explore)]).toEqual([6, '0.17']);
    // The first selection of node 2 or node 3 at the root is iteration 7's.
    const firstOther = selects(events).find(
      (s) => s.levels.length > 0 && s.levels[0]?.winner !== 1,
    );
    expect(firstOther?.iteration).toBe(7);
  });

  it('PUCT generates 267 tokens, UCT 490; both return 24', async () => {
    const puct = await eventsOf('puct');
    const uct = await eventsOf('c-mid');
    expect([sumCost(puct).generated, sumCost(uct).generated]).toEqual([267, 490]);
    expect(doneOf(puct)).toMatchObject({ answer: '24' });
    expect(says('puct')[5]).toContain('267 tokens');
  });
});

describe('chapter 5: process reward models (5 9 12 13, best-of-4)', () => {
  it('the rule verifier scores sample 1 1, 1, 1 and picks 24; the noisy PRM scores its last step 0.05 and picks 11', async () => {
    const rule = await eventsOf('judge-rule');
    const ruleTree = reduce(rule);
    expect([1, 2, 3].map((id) => ruleTree.nodes[id]?.prm)).toEqual([1, 1, 1]);
    expect(doneOf(rule)).toMatchObject({ node: 3, answer: '24' });
    const prm = await eventsOf('judge-prm');
    const tree = reduce(prm);
    expect([1, 2, 3].map((id) => textOf(tree, id).split(' (')[0])).toEqual([
      '12 / 9 = 4/3',
      '13 + 5 = 18',
      '18 * 4/3 = 24',
    ]);
    expect(shown(tree.nodes[3]?.prm)).toBe('0.05');
    expect(textOf(tree, 6)).toBe('8 + 3 = 11 (left: 11)');
    expect(shown(tree.nodes[6]?.prm)).toBe('0.76');
    const result = (await questionsOf('prms')).find((q) => q.kind === 'result');
    expect(result).toMatchObject({ answer: '11', correct: false });
  });

  it('rollout value: 2 of 4 finishes reach 24 from node 1, 4 of 4 from node 2; it picks 24 for 776 tokens against 170', async () => {
    const rollout = await eventsOf('judge-rollout');
    const tree = reduce(rollout);
    expect([tree.nodes[1]?.prm, tree.nodes[2]?.prm]).toEqual([0.5, 1]);
    expect(tree.nodes[1]?.evidence).toMatchObject({ judge: 'rollout', k: 4, reached: 2 });
    expect(doneOf(rollout)).toMatchObject({ answer: '24' });
    expect(sumCost(rollout).generated).toBe(776);
    expect(sumCost(await eventsOf('judge-prm')).generated).toBe(170);
  });

  it('aggregation by hand: sample 1 (0.784, 0.81, 0.05) mean 0.55, geomean 0.32, min 0.05, product 0.03; sample 2 min 0.76, geomean 0.82', async () => {
    const tree = reduce(await eventsOf('judge-prm'));
    const scores = (ids: number[]) => ids.map((id) => tree.nodes[id]?.prm ?? Number.NaN);
    const one = scores([1, 2, 3]);
    const two = scores([4, 5, 6]);
    expect(one.map(shown)).toEqual(['0.78', '0.81', '0.05']);
    expect(two.map(shown)).toEqual(['0.76', '0.96', '0.76']);
    // To three places: 0.784 + 0.81 + 0.05 = 1.644, / 3 = 0.548; 0.784 · 0.81 · 0.05 =
    // 0.0318, ∛ = 0.317 (0.316 from the run's unrounded scores); min 0.05. Sample 2: min 0.757;
    // 0.757 · 0.958 · 0.76 = 0.551, ∛ = 0.820.
    expect(aggregate(one, 'mean')).toBeCloseTo(0.548, 3);
    expect(aggregate(one, 'product')).toBeCloseTo(0.0318, 3);
    expect(aggregate(one, 'geomean')).toBeCloseTo(0.317, 2);
    expect(aggregate(two, 'geomean')).toBeCloseTo(0.82, 3);
    expect(
      ['mean', 'geomean', 'min', 'product'].map((a) => shown(aggregate(one, a as 'min'))),
    ).toEqual(['0.55', '0.32', '0.05', '0.03']);
    expect([shown(aggregate(two, 'min')), shown(aggregate(two, 'geomean'))]).toEqual([
      '0.76',
      '0.82',
    ]);
    const choice = (await questionsOf('prms')).find((q) => q.kind === 'choice');
    expect(choice?.kind === 'choice' && choice.options[choice.answer]).toBe('the arithmetic mean');
    // Every aggregation the chapter names returns 11 on this run.
    for (const agg of ['min', 'product', 'geomean']) {
      const got = await lessonRunEvents(
        { settings: `task=game24&puzzle=g24-062&seed=1&algo=best-of-n&n=4&agg=${agg}` },
        fromPublic,
      );
      expect(got.ok && doneOf(got.events)).toMatchObject({ answer: '11' });
    }
  });
});

describe('chapter 6: a bad PRM (3 4 4 8, beam search width 3, min)', () => {
  it('the beam is width 3, 3 expansions, scored by its lowest step', async () => {
    const run = lesson.runs['noise-0'];
    const got = run && (await lessonRunEvents(run, fromPublic));
    expect(got && got.ok && got.settings?.search).toMatchObject({
      algorithm: 'beam',
      beamWidth: 3,
      expansionsPerBeam: 3,
      aggregation: 'min',
    });
  });

  it('noise 0 / 0.3 / 0.6 return 24 / 24 / −16/5', async () => {
    const answers = [];
    for (const key of ['noise-0', 'noise-3', 'noise-6']) answers.push(doneOf(await eventsOf(key)));
    expect(answers.map((d) => d?.type === 'done' && d.answer)).toEqual(['24', '24', '-16/5']);
    const result = (await questionsOf('bad-prm')).find((q) => q.kind === 'result');
    expect(result).toMatchObject({ answer: '-16/5' });
    expect(result?.kind === 'result' && result.options).toContain('24');
  });

  it('at noise 0.6 node 2 scores 0.28 (0.82 exact); depth 2 keeps 4, 5, 6 and drops node 8; depth 3 drops solved node 15 at 0.13', async () => {
    const exact = reduce(await eventsOf('noise-0'));
    const events = await eventsOf('noise-6');
    const noisy = reduce(events);
    expect([shown(noisy.nodes[2]?.prm), shown(exact.nodes[2]?.prm)]).toEqual(['0.28', '0.82']);
    expect(textOf(noisy, 8)).toBe('4 - -4 = 8 (left: 3 8)');
    expect(exact.nodes[16]).toMatchObject({ parent: 8, text: '8 * 3 = 24 (left: 24)' });
    const prunes = events.filter((e) => e.type === 'prune');
    expect(prunes[1]?.kept.map((k) => k.id)).toEqual([4, 5, 6]);
    expect(prunes[1]?.dropped.map((k) => k.id)).toContain(8);
    expect(shown(prunes[1]?.dropped.find((k) => k.id === 8)?.score)).toBe('0.28');
    expect([4, 5, 6].map((id) => noisy.nodes[id]?.parent)).toEqual([1, 1, 1]);
    expect(textOf(noisy, 1)).toBe('8 - 3 = 5 (left: 4 4 5)');
    expect(textOf(noisy, 15)).toBe('20 + 4 = 24 (left: 24)');
    expect(noisy.nodes.filter((n) => n.depth === 3 && n.terminal).length).toBe(9);
    const dropped15 = prunes[2]?.dropped.find((k) => k.id === 15);
    expect(shown(dropped15?.score)).toBe('0.13');
    expect(noisy.nodes[15]?.terminal?.kind).toBe('solved');
    expect(prunes[2]?.kept.map((k) => shown(k.score))).toEqual(['0.33', '0.33', '0.33']);
    const mild = await eventsOf('noise-3');
    expect(doneOf(mild)).toMatchObject({ node: 19 });
    expect(textOf(reduce(mild), 19)).toBe('20 + 4 = 24 (left: 24)');
    const lastMild = mild.filter((e) => e.type === 'prune').at(-1);
    expect(shown(lastMild?.kept.find((k) => k.id === 19)?.score)).toBe('0.42');
  });
});

describe('chapter 7: beam search and best-of-N against MCTS (5 9 12 13), and a vote', () => {
  it('the beam keeps nodes 2 (0.81) and 1 (0.78) of 4 at depth 1; best-of-8 picks 11 with 2 right samples; beam and MCTS return 24', async () => {
    const [prune] = await questionsOf('equal-compute');
    expect(prune).toMatchObject({ kind: 'prune', depth: 1, kept: [2, 1], dropped: [4, 3] });
    if (prune?.kind !== 'prune') throw new Error('prune');
    expect(prune.options.map((o) => shown(o.score))).toEqual(['0.78', '0.81', '0.05', '0.76']);
    const bo8 = await eventsOf('best-of-8');
    const solved = reduce(bo8).nodes.filter((n) => n.terminal?.kind === 'solved');
    expect(solved.map((n) => n.id)).toEqual([3, 15]);
    expect(doneOf(bo8)).toMatchObject({ answer: '11' });
    expect(doneOf(await eventsOf('beam-2x4'))).toMatchObject({ answer: '24' });
    expect(doneOf(await eventsOf('mcts-16'))).toMatchObject({ answer: '24' });
    const tokens = [];
    for (const key of ['best-of-8', 'beam-2x4', 'mcts-16']) {
      tokens.push(sumCost(await eventsOf(key)).generated);
    }
    expect(tokens).toEqual([344, 288, 591]);
  });

  it('the word problem: majority vote returns 8 (3 votes to 2 for 6), the PRM pick returns 6', async () => {
    const vote = doneOf(await eventsOf('words-vote'));
    expect(vote).toMatchObject({ answer: '8', votes: { '8': 3, '6': 2 } });
    expect(doneOf(await eventsOf('words-prm'))).toMatchObject({ answer: '6', correct: true });
    const result = (await questionsOf('equal-compute')).find((q) => q.kind === 'result');
    expect(result).toMatchObject({ answer: '8' });
  });
});

describe('chapter 8: effort (the lab’s quick demo on the simulated engine)', () => {
  it('best-of-N solves 8 / 11 / 12 of 12 at k = 2 / 8 / 32, +8.4 points per doubling of tokens; beam 10 / 11 / 10; MCTS 2 / 12 / 12', () => {
    const preset = chapter('effort').steps[0]?.view;
    expect(preset).toEqual({ kind: 'lab', preset: 'quick-demo' });
    const spec = { ...getPreset('quick-demo').spec('game24'), engine: DEFAULT_ENGINE };
    const cells = planGrid(spec);
    const results = new Map<string, CellResult>();
    for (const cell of cells) results.set(cell.id, runCellSync(cell));
    const points = aggregateGrid(spec, cells, results);
    const line = (strategy: string) =>
      points.filter((p) => p.series.strategy === strategy).sort((a, b) => a.budget - b.budget);
    expect(spec.budgets).toEqual([2, 8, 32]);
    expect(line('bon-prm-geomean').map((p) => `${p.solved}/${p.runs}`)).toEqual([
      '8/12',
      '11/12',
      '12/12',
    ]);
    expect(line('beam-min').map((p) => p.solved)).toEqual([10, 11, 10]);
    expect(line('mcts-prm').map((p) => p.solved)).toEqual([2, 12, 12]);
    const fit = logComputeFit(
      line('bon-prm-geomean').map((p) => ({ x: p.generated, y: p.accuracy, n: p.runs })),
    );
    expect(fit && (fit.slope * 100).toFixed(1)).toBe('8.4');
    expect(says('effort')[1]).toContain('8.4 points per doubling');
  });
});

describe('chapter 9: hints and difficulty (1 5 9 9, skill 0.5, best-of-2)', () => {
  it('no hint: 3/5 and 5; 1 step given: −12 and 21/2; 2 steps given: 24', async () => {
    const answers = async (key: string) =>
      reduce(await eventsOf(key))
        .nodes.filter((n) => n.terminal)
        .map((n) => n.terminal?.answer);
    expect(await answers('hint-0')).toEqual(['3/5', '5']);
    expect(await answers('hint-1')).toEqual(['-12', '21/2']);
    expect(doneOf(await eventsOf('hint-1'))).toMatchObject({ answer: '-12' });
    const two = reduce(await eventsOf('hint-2'));
    expect(textOf(two, 1)).toBe('18 + 6 = 24 (left: 24)');
    expect(doneOf(await eventsOf('hint-2'))).toMatchObject({ answer: '24', correct: true });
    expect(textOf(reduce(await eventsOf('hint-1'), 1), 0)).toContain('1. 5 + 1 = 6 (left: 9 9 6)');
  });

  it('the preview: the strong proposer’s two samples agree on 24 (easy), the weak one’s say 3/5 and 5 (hard)', async () => {
    expect(doneOf(await eventsOf('preview-strong'))).toMatchObject({ votes: { '24': 2 } });
    expect(doneOf(await eventsOf('preview-weak'))).toMatchObject({ votes: { '3/5': 1, '5': 1 } });
  });
});

describe('chapter 10: GRPO advantages', () => {
  it('rule rewards 1, 0, 0, 0: mean 1/4, std √(3/16) = 0.433; A = +√3 = +1.73 and −1/√3 = −0.58', async () => {
    /**
     * On paper: mean = 1/4. Deviations 3/4, −1/4, −1/4, −1/4; squares 9/16, 1/16 × 3; their
     * mean (9 + 3) / 16 / 4 = 3/16, so std = √3 / 4 = 0.4330. A₁ = (3/4) / (√3/4) = √3 = 1.732;
     * the others (−1/4) / (√3/4) = −1/√3 = −0.577. They sum to √3 − 3/√3 = 0.
     */
    const step = chapter('grpo').steps[0];
    if (!step) throw new Error('step');
    expect(step.advantages).toBe(true);
    const { tree } = await stepAt(step);
    const rewards = sampleRewards(tree, 'geomean');
    expect(rewards).toEqual([
      { id: 3, reward: 1 },
      { id: 6, reward: 0 },
      { id: 9, reward: 0 },
      { id: 12, reward: 0 },
    ]);
    const group = groupAdvantages(rewards.map((r) => r.reward));
    expect(group.mean).toBe(0.25);
    expect(group.std).toBeCloseTo(Math.sqrt(3) / 4, 12);
    expect(group.advantages[0]).toBeCloseTo(Math.sqrt(3), 12);
    for (const a of group.advantages.slice(1)) expect(a).toBeCloseTo(-1 / Math.sqrt(3), 12);
    const text = says('grpo').join(' ');
    for (const n of ['+1.73', '−0.58', '0.433', '0.25']) expect(text).toContain(n);
  });

  it('PRM rewards over best-of-8: invalid node 20 (0.96) +1.67, node 6’s 11 (0.82) +1.20, node 3’s 24 (0.32) −0.47', async () => {
    const tree = reduce(await eventsOf('best-of-8'));
    const rewards = sampleRewards(tree, 'geomean');
    expect(rewards.map((r) => r.id)).toEqual([3, 6, 9, 12, 15, 18, 20, 23]);
    const group = groupAdvantages(rewards.map((r) => r.reward));
    const of = (id: number) => {
      const i = rewards.findIndex((r) => r.id === id);
      return [shown(rewards[i]?.reward), shown(group.advantages[i])];
    };
    expect(of(20)).toEqual(['0.96', '1.67']);
    expect(of(6)).toEqual(['0.82', '1.20']);
    expect(of(3)).toEqual(['0.32', '-0.47']);
    expect(tree.nodes[20]?.terminal?.kind).toBe('invalid-step');
    // mean 0.459, population std 0.301: (0.961 − 0.459) / 0.301 = 1.67.
    expect(group.mean).toBeCloseTo(0.4588, 3);
    expect(group.std).toBeCloseTo(0.3008, 3);
    expect(chapter('grpo').steps.every((s) => s.advantages === true)).toBe(true);
  });
});
