/**
 * Where the test server's text comes from: a {@link TextSource}. Today the simulated engine's
 * proposer writes the steps and the simulated truth answers the judge (it is labelled as such:
 * the test server is no model); the tiny model of issue 9 can stand behind the same interface.
 * A reply depends only on the request and its seed, as a seeded model's does.
 */
import { createRng, hashString } from '../../../core/rng';
import type { Game24State } from '../../../core/tasks/game24';
import { game24Task } from '../../../core/tasks/game24';
import type { WordProblemState } from '../../../core/tasks/wordProblems';
import { wordProblemTask } from '../../../core/tasks/wordProblems';
import { createGame24Proposer, stepTruth } from '../../simulated';
import { wordStepTruth } from '../../simulated/wordJudges';
import { createWordProposer } from '../../simulated/wordProposer';
import type { ReadRequest } from './readRequest';

/** One generated token with its log-probability. */
export interface SourceToken {
  token: string;
  logprob: number;
}

/** What writes the test server's replies. */
export interface TextSource {
  readonly label: string;
  /** The next step for a step request ('' when the line is over), as tokens. */
  step(req: ReadRequest, seed: number): SourceToken[];
  /** p(Yes) for a judge request. */
  pYes(req: ReadRequest, seed: number): number;
}

/** Splits text the way the simulated engine counts tokens (digit runs, words, symbols, spaces). */
export function tokenize(text: string): string[] {
  return text.match(/\d+|[A-Za-z]+|\s+|[^\sA-Za-z\d]/g) ?? [];
}

/** The simulated engine as a text source (skill 0.7, slips 5%: the app's defaults). */
export function simulatedTextSource(policy = { skill: 0.7, slipRate: 0.05 }): TextSource {
  const g24 = createGame24Proposer(policy);
  const word = createWordProposer(policy);
  function state(req: ReadRequest): Game24State | WordProblemState | null {
    const task = req.task === 'game24' ? game24Task : wordProblemTask;
    let s = (task.initial as (p: unknown) => unknown)(req.problem);
    for (const text of req.steps) {
      const check = (
        task.applyStep as (
          st: unknown,
          t: string,
          p: unknown,
        ) => { valid: boolean; state?: unknown }
      )(s, text, req.problem);
      if (!check.valid) return null;
      s = check.state;
    }
    return s as Game24State | WordProblemState;
  }
  return {
    label: 'simulated engine (no language model)',
    step(req, seed) {
      const s = state(req);
      if (s === null) return [];
      const rng = createRng(seed);
      const ctx = { problem: req.problem, state: s, steps: req.steps, rng } as never;
      const proposal = req.task === 'game24' ? g24.propose(ctx, 1) : word.propose(ctx, 1);
      const step = (proposal as { steps: { text: string; logProb: number }[] }).steps[0];
      if (!step) return [];
      const tokens = tokenize(step.text);
      const each = step.logProb / Math.max(1, tokens.length);
      return tokens.map((token) => ({ token, logprob: each }));
    },
    pYes(req, seed) {
      const before = state({ ...req, steps: req.steps.slice(0, -1) } as ReadRequest);
      const after = state(req);
      const ctx = {
        problem: req.problem,
        parentState: before,
        state: after,
        steps: req.steps,
        rng: createRng(seed),
      } as never;
      const good =
        req.task === 'game24'
          ? (() => {
              const t = stepTruth(ctx);
              return t.valid && t.solvable;
            })()
          : wordStepTruth(ctx) === 1;
      const wobble = (hashString(`${seed}`) / 4294967296 - 0.5) * 0.1;
      return (good ? 0.8 : 0.2) + wobble;
    },
  };
}
