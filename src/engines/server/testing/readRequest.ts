/**
 * The test server's reading of Arbor's own requests: which problem, which steps, and whether
 * it is asked for a step or a yes/no judgement. It understands the layouts Arbor sends
 * (prompts.ts: raw templates and the chat conversation), nothing more: it stands in for a
 * model, which reads them as text.
 */
import { JUDGE_QUESTION } from '../../../core/tasks/prompts';
import type { TaskId } from '../../../core/tasks/registry';
import { TASKS, taskEntry } from '../../../core/tasks/registry';
import type { Problem } from '../../../core/tasks/task';
import { TEMPLATES, layoutFor } from '../prompts';

/** What a request asks. */
export interface ReadRequest {
  task: TaskId;
  problem: Problem;
  steps: string[];
  kind: 'step' | 'judge';
}

const DELIMITER = '\n\n';

/** The bundled problem whose first user turn the text holds, with its task. */
function problemIn(text: string): Pick<ReadRequest, 'task' | 'problem'> | null {
  for (const { id } of TASKS) {
    const entry = taskEntry(id);
    for (const listed of entry.problems) {
      const problem = entry.getProblem(listed.id);
      if (problem && text.includes(entry.prompts.firstUser(problem as never))) {
        return { task: id, problem };
      }
    }
  }
  return null;
}

const split = (text: string): string[] =>
  text
    .split(DELIMITER)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function fromPrompt(prompt: string): ReadRequest | null {
  const found = problemIn(prompt);
  if (!found) return null;
  const prompts = taskEntry(found.task).prompts;
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
      };
    }
    return { ...found, steps: split(rest), kind: 'step' };
  }
  return null;
}

function fromMessages(messages: readonly { role: string; content: string }[]): ReadRequest | null {
  const found = problemIn(messages.map((m) => m.content).join('\n'));
  if (!found) return null;
  const steps = messages.filter((m) => m.role === 'assistant').map((m) => m.content.trim());
  const last = messages[messages.length - 1];
  const kind = last?.role === 'user' && last.content === JUDGE_QUESTION ? 'judge' : 'step';
  return { ...found, steps, kind };
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
