import { describe, expect, it } from 'vitest';
import { DEFAULT_BEAM, DEFAULT_BEST_OF_N } from '../core/search/settings';
import type { TraceEvent } from '../core/tree/events';
import { child, cost, narrateLast, rootExpanded, start } from './testRuns';

/** Narration of score, terminal, prune and done events. */

const BEAM = { search: DEFAULT_BEAM };
const BON = { search: DEFAULT_BEST_OF_N };

describe('narrate: score', () => {
  const scored = (evidence: Extract<TraceEvent, { type: 'score' }>['evidence'], score: number) =>
    narrateLast([...rootExpanded(), { type: 'score', node: 2, score, evidence, cost: cost() }]);

  it('gives the judge, the score and its evidence', () => {
    expect(scored({ judge: 'simulated-prm', truth: 1, noise: 0.2 }, 0.8123)).toBe(
      "PRM score of '8 * 3 = 24 (left: 3 8 24)': 0.81 from the simulated PRM — a good step (truth 1), blurred by noise 0.20.",
    );
    expect(scored({ judge: 'rule', valid: true, solvable: true }, 1)).toBe(
      "PRM score of '8 * 3 = 24 (left: 3 8 24)': 1 from the rule verifier — the step is valid and the puzzle is still solvable.",
    );
    expect(scored({ judge: 'rollout', k: 4, reached: 3 }, 0.75)).toBe(
      "PRM score of '8 * 3 = 24 (left: 3 8 24)': 0.75 from rollout value — 3 of 4 rollouts from this step reached a correct answer.",
    );
    expect(scored({ judge: 'self', pYes: 0.8, pNo: 0.1 }, 0.888)).toBe(
      "PRM score of '8 * 3 = 24 (left: 3 8 24)': 0.89 from the self-judge — p(Yes) 0.80, p(No) 0.10; score = p(Yes) / (p(Yes) + p(No)).",
    );
  });

  it('on word problems says what the rule check and the rollouts can and cannot see', () => {
    const words = (evidence: Extract<TraceEvent, { type: 'score' }>['evidence'], score: number) =>
      narrateLast([...rootExpanded(), { type: 'score', node: 2, score, evidence, cost: cost() }], {
        task: 'word-problems',
      });
    expect(words({ judge: 'rule', valid: true, solvable: true }, 1)).toContain(
      '— the arithmetic in the step is right (the check cannot see whether the reasoning is).',
    );
    expect(words({ judge: 'rule', valid: false, solvable: false }, 0)).toContain(
      '— the arithmetic in the step is wrong.',
    );
    expect(words({ judge: 'rollout', k: 4, reached: 3 }, 0.75)).toContain(
      '— 3 of 4 rollouts from this step agreed with their majority answer.',
    );
  });

  it('adds the line’s aggregated score in beam search', () => {
    const events: TraceEvent[] = [
      ...rootExpanded('beam'),
      {
        type: 'score',
        node: 2,
        score: 0.9,
        evidence: { judge: 'rule', valid: true, solvable: true },
        cost: cost(),
      },
    ];
    expect(narrateLast(events, BEAM)).toBe(
      "PRM score of '8 * 3 = 24 (left: 3 8 24)': 0.90 from the rule verifier — the step is valid and the puzzle is still solvable. The line's min score is now 0.90.",
    );
  });
});

describe('narrate: terminal', () => {
  const ended = (kind: 'solved' | 'wrong-answer' | 'invalid-step', node: number, answer: string) =>
    narrateLast([
      ...rootExpanded(),
      { type: 'terminal', node, answer, correct: kind === 'solved', kind },
    ]);

  it('says solved, wrong answer or invalid step with the reason', () => {
    expect(ended('solved', 2, '24')).toBe(
      "Terminal: '8 * 3 = 24 (left: 3 8 24)' solves the puzzle: answer 24, correct.",
    );
    expect(ended('wrong-answer', 1, '8/3')).toBe(
      "Terminal: '8 / 3 = 8/3 (left: 3 8 8/3)' ends the line with the answer 8/3, which is wrong.",
    );
    expect(ended('invalid-step', 3, '')).toBe(
      "Terminal: '3 * 3 = 10 (left: 8 8 10)' is an invalid step (3 * 3 is 9, not 10), so the line ends here.",
    );
  });

  it('says an end of unknown correctness is neither right nor wrong', () => {
    const unknown = (answer: string) =>
      narrateLast([
        ...rootExpanded(),
        { type: 'terminal', node: 2, answer, correct: null, kind: 'unknown' },
      ]);
    expect(unknown('72')).toBe(
      "Terminal: '8 * 3 = 24 (left: 3 8 24)' ends the line with the answer 72; the file does not say whether it is right (correctness unknown).",
    );
    expect(unknown('')).toBe(
      "Terminal: '8 * 3 = 24 (left: 3 8 24)' ends the line; the file does not say whether it is right (correctness unknown).",
    );
  });

  it('gives a best-of-N sample its trajectory score', () => {
    const events: TraceEvent[] = [
      start('best-of-n'),
      {
        type: 'expand',
        iteration: 1,
        node: 0,
        children: [child(1, '8 * 3 = 24 (left: 24)')],
        cost: cost(10),
      },
      {
        type: 'score',
        node: 1,
        score: 0.64,
        evidence: { judge: 'simulated-prm', truth: 1, noise: 0.2 },
        cost: cost(),
      },
      { type: 'terminal', node: 1, answer: '24', correct: true, kind: 'solved' },
    ];
    expect(narrateLast(events, BON)).toBe(
      "Sample 1 of 8 ends: '8 * 3 = 24 (left: 24)' solves the puzzle: answer 24, correct. Its trajectory score (geometric-mean score) is 0.64.",
    );
  });
});

describe('narrate: prune', () => {
  it('lists kept and dropped lines with their scores', () => {
    const events: TraceEvent[] = [
      ...rootExpanded('beam'),
      {
        type: 'prune',
        depth: 1,
        kept: [
          { id: 2, score: 0.9 },
          { id: 1, score: 0.55 },
        ],
        dropped: [{ id: 3, score: 0.05 }],
      },
    ];
    expect(narrateLast(events, { search: { ...DEFAULT_BEAM, beamWidth: 2 } })).toBe(
      "Depth 1 — prune by min score: keeps 2 of 3 lines: '8 * 3 = 24 (left: 3 8 24)' 0.90 and '8 / 3 = 8/3 (left: 3 8 8/3)' 0.55; drops 1: '3 * 3 = 10 (left: 8 8 10)' 0.05.",
    );
  });
});

describe('narrate: done', () => {
  const finished = (
    done: Partial<Extract<TraceEvent, { type: 'done' }>>,
    algorithm: 'mcts' | 'beam' | 'best-of-n' = 'mcts',
    ctx = {},
  ) =>
    narrateLast(
      [
        ...rootExpanded(algorithm),
        { type: 'terminal', node: 2, answer: '24', correct: true, kind: 'solved' },
        { type: 'done', node: 2, answer: '24', correct: true, reason: 'most-visited', ...done },
      ],
      ctx,
    );

  it('gives the answer, whether it is correct and why', () => {
    expect(finished({})).toBe(
      "Done: the answer is 24 (correct) — it ends the most-visited path at '8 * 3 = 24 (left: 3 8 24)'.",
    );
    expect(finished({ reason: 'best-value' })).toBe(
      "Done: the answer is 24 (correct) — the most-visited path ends without an answer, so the search returns the visited final answer with the best Q (0) at '8 * 3 = 24 (left: 3 8 24)'.",
    );
    expect(finished({ node: null, answer: null, correct: false, reason: 'none' })).toBe(
      'Done: no answer — no line reached a final answer.',
    );
  });

  it('explains a beam or best-of-N pick and the votes', () => {
    expect(finished({ reason: 'best-prm' }, 'beam', BEAM)).toBe(
      "Done: the answer is 24 (correct) — it ends the finished line with the best trajectory score (min score 0) at '8 * 3 = 24 (left: 3 8 24)'.",
    );
    expect(finished({ reason: 'majority', votes: { '16': 1, '24': 3 } }, 'best-of-n', BON)).toBe(
      'Done: the answer is 24 (correct) — majority vote over the samples: 24 ×3, 16 ×1.',
    );
    expect(
      finished({ reason: 'weighted-vote', votes: { '16': 0.4, '24': 2.25 } }, 'best-of-n', BON),
    ).toBe(
      "Done: the answer is 24 (correct) — PRM-weighted vote, each sample's trajectory score summed per answer: 24 2.25, 16 0.40.",
    );
  });
});
