/**
 * How a path is written for a server. Two layouts, both giving siblings one exact shared prefix
 * so a server's prefix cache (vLLM's automatic prefix caching, SGLang's RadixAttention,
 * llama.cpp's `cache_prompt`) serves every sibling after the first:
 *
 * - **Raw completions** (preferred where the route is raw): the chat template written out, the
 *   steps so far as one growing assistant message, one step per paragraph, as search-and-learn
 *   prompts vLLM. A child's prompt is its parent's plus the step and the delimiter, so depth
 *   shares the prefix too.
 * ```
 * <system>instructions</system><user>question</user><assistant>step 1␤␤step 2␤␤
 * ```
 * - **Chat** (the fallback: Ollama, unknown servers, unknown templates): web-llm's
 *   path-as-conversation (engines/webllm/conversation.ts), and the server applies the template.
 *
 * The instructions are the web-llm engine's (one fact, one place).
 */
import type { ChatTurn, TaskPrompts } from '../webllm/conversation';
import { judgeRequest, stepRequest } from '../webllm/conversation';
import type { FamilyAdapter } from './families';

/** A raw prompt template, or the chat route. */
export type PromptFormat = 'chat' | 'plain' | 'chatml' | 'llama3';

/** Where a raw template's turns begin and end. */
interface Template {
  system(text: string): string;
  user(text: string): string;
  /** Opens the assistant's turn. */
  assistant: string;
  /** Closes the assistant's turn (before the judge's question). */
  endAssistant: string;
}

/**
 * The raw templates, written out. No BOS token: vLLM, SGLang and llama.cpp add it to a
 * completions prompt themselves (`add_special_tokens`, the model's `add_bos_token`).
 */
export const TEMPLATES: { readonly [F in Exclude<PromptFormat, 'chat'>]: Template } = {
  // Qwen2/2.5/3, SmolLM2, Hermes and other ChatML models.
  chatml: {
    system: (t) => `<|im_start|>system\n${t}<|im_end|>\n`,
    user: (t) => `<|im_start|>user\n${t}<|im_end|>\n`,
    assistant: '<|im_start|>assistant\n',
    endAssistant: '<|im_end|>\n',
  },
  // Llama 3.x instruct.
  llama3: {
    system: (t) => `<|start_header_id|>system<|end_header_id|>\n\n${t}<|eot_id|>`,
    user: (t) => `<|start_header_id|>user<|end_header_id|>\n\n${t}<|eot_id|>`,
    assistant: '<|start_header_id|>assistant<|end_header_id|>\n\n',
    endAssistant: '<|eot_id|>',
  },
  // No template: base models, or any model read as plain text.
  plain: {
    system: (t) => `${t}\n\n`,
    user: (t) => `${t}\n\n`,
    assistant: 'Solution:\n',
    endAssistant: '\n\n',
  },
};

/** The raw template a model id names, or null when its template is not one Arbor writes. */
export function templateForModel(model: string): Exclude<PromptFormat, 'chat' | 'plain'> | null {
  if (/qwen|smollm|hermes|chatml|yi-|deepseek-r1-distill-qwen/i.test(model)) return 'chatml';
  if (/llama-?3/i.test(model)) return 'llama3';
  return null;
}

/**
 * The layout a run uses: 'auto' means raw completions with the model's template where the
 * family's completions route is raw and the template is known, else chat.
 */
export function resolveFormat(
  format: PromptFormat | 'auto',
  adapter: FamilyAdapter,
  model: string,
): PromptFormat {
  if (format !== 'auto') return adapter.rawCompletions || format === 'chat' ? format : 'chat';
  if (!adapter.rawCompletions) return 'chat';
  return templateForModel(model) ?? 'chat';
}

/** A layout for one task: the prompt of a step request and of a judge request. */
export interface Layout<P> {
  format: PromptFormat;
  /** The request for the step after `steps`. */
  step(problem: P, steps: readonly string[]): { prompt: string } | { messages: ChatTurn[] };
  /** The request judging the last of `steps` (answered with one token). */
  judge(problem: P, steps: readonly string[]): { prompt: string } | { messages: ChatTurn[] };
}

/** The layout of `format` over a task's prompts. */
export function layoutFor<P>(
  format: PromptFormat,
  prompts: TaskPrompts<P>,
  delimiter: string,
): Layout<P> {
  if (format === 'chat') {
    return {
      format,
      step: (problem, steps) => ({ messages: stepRequest(prompts, problem, steps, delimiter) }),
      judge: (problem, steps) => ({ messages: judgeRequest(prompts, problem, steps, delimiter) }),
    };
  }
  const t = TEMPLATES[format];
  const head = (problem: P): string =>
    t.system(prompts.system(delimiter)) + t.user(prompts.firstUser(problem)) + t.assistant;
  const body = (steps: readonly string[]): string => steps.map((s) => `${s}${delimiter}`).join('');
  return {
    format,
    step: (problem, steps) => ({ prompt: head(problem) + body(steps) }),
    judge(problem, steps) {
      if (steps.length === 0) throw new RangeError('the root has no step to judge');
      const written = steps.join(delimiter);
      return {
        prompt: head(problem) + written + t.endAssistant + t.user(prompts.judge) + t.assistant,
      };
    },
  };
}
