import { createRng } from '../../src/core/rng';
import { mcts } from '../../src/core/search/mcts';
import { collectEvents } from '../../src/core/search/program';
import { PAPER_MCTS_SETTINGS, PAPER_MCTS_TREE } from '../../src/core/testing/paperTrees';
import { scriptedJudge, scriptedProposer, scriptedTask } from '../../src/core/testing/scripted';
import type { RunFile } from '../../src/run/runFile';
import { makeRunFile } from '../../src/run/runFile';
import { DEFAULT_SIMULATED_ENGINE } from '../../src/engines/simulated/settings';

/**
 * The bundled course's chapter 2 run: the MCTS tree worked on paper in
 * `src/core/search/mcts.test.ts` (PAPER_MCTS_TREE under PAPER_MCTS_SETTINGS: UCT, c = 1,
 * 4 iterations, PRM step score as value), as an Arbor run file. It is a scripted problem, not
 * a bundled puzzle, so a link cannot re-make it: the lesson opens it as a file. The events are
 * the scripted search's own, computed here; `paperRun.test.ts` fails when the committed file
 * and this function part ways.
 */

/** Where the file is, under `public/` (the lesson's `runs` name it so). */
export const PAPER_RUN_PATH = 'lessons/runs/paper-mcts.json';

/** The root's text: the problem of a scripted tree is its root, R in the test's drawing. */
export const PAPER_ROOT_TEXT = 'R (the tree worked on paper)';

/**
 * The run file. Its settings say what ran (the search's settings exactly; the engine's judge
 * is the rule judge, as the scripted judge reports its evidence); the task and problem fields
 * must name a task the run file knows, so they say Game of 24 with the problem id `paper`,
 * which no bundled puzzle has: the app opens it as a file and never re-runs it.
 */
export function paperRunFile(): RunFile {
  const task = { ...scriptedTask, describe: () => PAPER_ROOT_TEXT };
  const events = collectEvents(
    mcts(
      {
        task,
        problem: PAPER_MCTS_TREE,
        proposer: scriptedProposer,
        judge: scriptedJudge,
        rng: createRng(1),
      },
      PAPER_MCTS_SETTINGS,
    ),
  );
  return makeRunFile(
    {
      task: 'game24',
      problemId: PAPER_MCTS_TREE.id,
      search: PAPER_MCTS_SETTINGS,
      engine: { ...DEFAULT_SIMULATED_ENGINE, judge: 'rule' },
      seed: 1,
    },
    events,
    // A fixed date, so the file is the same each time it is made.
    '2026-12-07T00:00:00.000Z',
    { name: 'The tree worked on paper: UCT, c = 1, 4 iterations, PRM value (mcts.test.ts)' },
  );
}

/** The file's text as committed: two-space JSON and a final newline. */
export function paperRunText(): string {
  return `${JSON.stringify(paperRunFile(), null, 2)}\n`;
}
