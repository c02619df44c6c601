/**
 * Where the test server's text comes from: a {@link TextSource}. Today the simulated engine's
 * proposer writes the steps and the simulated truth answers the judge (it is labelled as such:
 * the test server is no model); the tiny model of issue 9 can stand behind the same interface.
 * A reply depends only on the request and its seed, as a seeded model's does.
 */
import { createRng, hashString } from '../../../core/rng';
import { taskEntry } from '../../../core/tasks/registry';
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
  /** The task's state after the request's steps, or null after an invalid one. */
  function state(req: ReadRequest): unknown {
    const { task } = taskEntry(req.task);
    let s = task.initial(req.problem);
    for (const text of req.steps) {
      const check = task.applyStep(s, text, req.problem);
      if (!check.valid) return null;
      s = check.state;
    }
    return s;
  }
  return {
    label: 'simulated engine (no language model)',
    step(req, seed) {
      const s = state(req);
      if (s === null) return [];
      const rng = createRng(seed);
      const ctx = { problem: req.problem, state: s, steps: req.steps, rng };
      const [step] = taskEntry(req.task).simulated.propose(ctx, 1, policy).steps;
      if (!step) return [];
      const tokens = tokenize(step.text);
      const each = step.logProb / Math.max(1, tokens.length);
      return tokens.map((token) => ({ token, logprob: each }));
    },
    pYes(req, seed) {
      const ctx = {
        problem: req.problem,
        parentState: state({ ...req, steps: req.steps.slice(0, -1) }),
        state: state(req),
        steps: req.steps,
        rng: createRng(seed),
      };
      const good = taskEntry(req.task).simulated.prmTruth(ctx) === 1;
      const wobble = (hashString(`${seed}`) / 4294967296 - 0.5) * 0.1;
      return (good ? 0.8 : 0.2) + wobble;
    },
  };
}
