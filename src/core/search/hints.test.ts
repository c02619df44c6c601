import { describe, expect, it } from 'vitest';
import type { JudgeContext, ProposerContext, StepJudge, StepProposer } from '../engine';
import { createRng } from '../rng';
import type { Game24Problem, Game24State } from '../tasks/game24';
import { game24Task, getPuzzle, legalMoves, toText } from '../tasks/game24';
import { ZERO_COST } from '../tree/events';
import type { SearchContext } from './book';
import { applyHint, hintedEngine, hintedRootText, withHint, withHintedTask } from './hints';
import { collectEvents } from './program';
import { runSearch } from './index';

const puzzle = getPuzzle('g24-001') as Game24Problem; // 4 6 8 8
// The first two steps of a solution: 6 * 8 = 48, 48 / 8 = 6, then 4 * 6 = 24.
const HINT = ['6 * 8 = 48 (left: 4 8 48)', '48 / 8 = 6 (left: 4 6)'];

/** A proposer that writes the first legal move and remembers every context it saw. */
function recorder() {
  const seen: { propose: string[][]; judge: string[][] } = { propose: [], judge: [] };
  const proposer: StepProposer<Game24State, Game24Problem> = {
    label: 'first legal move',
    simulated: true,
    propose(ctx: ProposerContext<Game24State, Game24Problem>, n) {
      seen.propose.push([...ctx.steps]);
      const steps = legalMoves(ctx.state.numbers)
        .slice(0, n)
        .map((m) => ({ text: m.text, tokens: 5, logProb: -1 }));
      return { steps, cost: ZERO_COST };
    },
    rollout(ctx, maxSteps) {
      seen.propose.push([...ctx.steps]);
      const steps = [];
      let numbers = ctx.state.numbers;
      while (numbers.length > 1 && steps.length < maxSteps) {
        const move = legalMoves(numbers)[0];
        if (!move) break;
        steps.push({ text: move.text, tokens: 5, logProb: -1 });
        numbers = move.left;
      }
      return { steps, cost: ZERO_COST };
    },
  };
  const judge: StepJudge<Game24State, Game24Problem> = {
    kind: 'simulated-prm',
    label: 'constant',
    score(ctx: JudgeContext<Game24State, Game24Problem>) {
      seen.judge.push([...ctx.steps]);
      return {
        score: 0.5,
        evidence: { judge: 'simulated-prm', truth: 0.5, noise: 0 },
        cost: ZERO_COST,
      };
    },
  };
  return { seen, proposer, judge };
}

function context() {
  const r = recorder();
  const ctx: SearchContext<Game24State, Game24Problem> = {
    task: game24Task,
    problem: puzzle,
    proposer: r.proposer,
    judge: r.judge,
    rng: createRng(7),
  };
  return { ctx, seen: r.seen };
}

describe('step hints (StepHint) in the search', () => {
  it('shows the given steps under the problem in the root text', () => {
    expect(hintedRootText('Use 4 6 8 8 with + − × ÷ to make 24.', HINT)).toBe(
      'Use 4 6 8 8 with + − × ÷ to make 24.\nGiven steps (hint):\n1. 6 * 8 = 48 (left: 4 8 48)\n2. 48 / 8 = 6 (left: 4 6)',
    );
    expect(hintedRootText('Q', [])).toBe('Q');
  });

  it('starts the search after the hint: state, root, and what proposer and judge see', () => {
    const { ctx, seen } = context();
    const events = collectEvents(
      runSearch(withHint(ctx, HINT), {
        algorithm: 'best-of-n',
        n: 1,
        maxDepth: 4,
        pick: 'prm',
        aggregation: 'min',
      }),
    );
    expect(events[0]).toEqual({
      type: 'start',
      algorithm: 'best-of-n',
      rootText: hintedRootText(game24Task.describe(puzzle), HINT),
    });
    // The sample starts from 4 6: one step ends the line.
    expect(seen.propose[0]).toEqual(HINT);
    expect(seen.judge[0]).toHaveLength(3);
    expect(seen.judge[0]?.slice(0, 2)).toEqual(HINT);
    const expand = events.find((e) => e.type === 'expand');
    expect(expand?.type === 'expand' && expand.children.length).toBe(1);
    expect(events.filter((e) => e.type === 'terminal')).toHaveLength(1);
  });

  it('leaves a context alone with no hint, and refuses a bad one', () => {
    const { ctx } = context();
    expect(withHint(ctx, [])).toBe(ctx);
    expect(withHintedTask(ctx, [])).toBe(ctx);
    expect(() => withHint(ctx, ['6 * 8 = 49 (left: 4 8 49)'])).toThrow(/Hint step 1 .* is invalid/);
    expect(() => applyHint(game24Task, puzzle, [...HINT, '4 * 6 = 24 (left: 24)'])).toThrow(
      'A hint of 3 steps ends the solution at step 3: nothing is left to search.',
    );
    expect(applyHint(game24Task, puzzle, HINT).numbers.map(toText)).toEqual(['4', '6']);
  });

  it('prefixes the engine only where asked, and strips the hint from the cache probe', () => {
    const { ctx, seen } = context();
    const engine = hintedEngine(ctx, HINT);
    void engine.proposer.propose(
      { problem: puzzle, state: applyHint(game24Task, puzzle, HINT), steps: ['x'], rng: ctx.rng },
      1,
    );
    expect(seen.propose[0]).toEqual([...HINT, 'x']);
    const held = { steps: null as string[] | null };
    const probed = withHintedTask({ ...ctx, cache: { heldSteps: () => held.steps } }, HINT);
    expect(probed.proposer).toBe(ctx.proposer);
    held.steps = [...HINT, 'a'];
    expect(probed.cache?.heldSteps()).toEqual(['a']);
    held.steps = ['a'];
    expect(probed.cache?.heldSteps()).toBeNull();
    held.steps = null;
    expect(probed.cache?.heldSteps()).toBeNull();
  });
});
