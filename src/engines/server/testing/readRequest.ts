/**
 * The test server's reading of Arbor's own requests: which problem, which steps, and whether
 * it is asked for a step or a yes/no judgement. It understands the layouts Arbor sends
 * (prompts.ts: raw templates and the chat conversation), nothing more: it stands in for a
 * model, which reads them as text.
 */
import type { Game24Problem } from '../../../core/tasks/game24';
import { PUZZLES } from '../../../core/tasks/game24';
import type { WordProblem } from '../../../core/tasks/wordProblems';
import { WORD_PROBLEMS } from '../../../core/tasks/wordProblems';
import type { TaskPrompts } from '../../webllm/conversation';
import { GAME24_PROMPTS, WORD_PROBLEM_PROMPTS } from '../../webllm/conversation';
import { TEMPLATES, layoutFor } from '../prompts';

/** What a request asks. */
export type ReadRequest =
  | { task: 'game24'; problem: Game24Problem; steps: string[]; kind: 'step' | 'judge' }
  | { task: 'word-problems'; problem: WordProblem; steps: string[]; kind: 'step' | 'judge' };

const DELIMITER = '\n\n';

function problemIn(text: string): Pick<ReadRequest, 'task' | 'problem'> | null {
  const input = /Input: (\d+) (\d+) (\d+) (\d+)/.exec(text);
  if (input) {
    const numbers = input.slice(1, 5).map(Number).join(' ');
    const puzzle = PUZZLES.find((p) => p.numbers.join(' ') === numbers);
    if (puzzle) return { task: 'game24', problem: puzzle };
  }
  const word = WORD_PROBLEMS.find((p) => text.includes(p.question));
  return word ? { task: 'word-problems', problem: word } : null;
}

const split = (text: string): string[] =>
  text
    .split(DELIMITER)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function fromPrompt(prompt: string): ReadRequest | null {
  const found = problemIn(prompt);
  if (!found) return null;
  const prompts = (
    found.task === 'game24' ? GAME24_PROMPTS : WORD_PROBLEM_PROMPTS
  ) as TaskPrompts<unknown>;
  for (const format of Object.keys(TEMPLATES) as (keyof typeof TEMPLATES)[]) {
    const layout = layoutFor(format, prompts, DELIMITER);
    const head = (layout.step(found.problem, []) as { prompt: string }).prompt;
    if (!prompt.startsWith(head)) continue;
    const rest = prompt.slice(head.length);
    const t = TEMPLATES[format];
    const judgeTail = t.endAssistant + t.user(prompts.judge) + t.assistant;
    if (rest.endsWith(judgeTail)) {
      return {
        ...found,
        steps: split(rest.slice(0, -judgeTail.length)),
        kind: 'judge',
      } as ReadRequest;
    }
    return { ...found, steps: split(rest), kind: 'step' } as ReadRequest;
  }
  return null;
}

function fromMessages(messages: readonly { role: string; content: string }[]): ReadRequest | null {
  const found = problemIn(messages.map((m) => m.content).join('\n'));
  if (!found) return null;
  const steps = messages.filter((m) => m.role === 'assistant').map((m) => m.content.trim());
  const last = messages[messages.length - 1];
  const kind = last?.role === 'user' && last.content === GAME24_PROMPTS.judge ? 'judge' : 'step';
  return { ...found, steps, kind } as ReadRequest;
}

/** The request a body carries, or null when it is not one of Arbor's. */
export function readRequest(body: { prompt?: unknown; messages?: unknown }): ReadRequest | null {
  if (typeof body.prompt === 'string') return fromPrompt(body.prompt);
  if (Array.isArray(body.messages)) {
    const messages = body.messages.filter(
      (m): m is { role: string; content: string } =>
        typeof m === 'object' &&
        m !== null &&
        typeof (m as { content?: unknown }).content === 'string',
    );
    return fromMessages(messages);
  }
  return null;
}
