/**
 * The prompt text of budget forcing (s1: Simple test-time scaling, arXiv 2501.19393): a
 * thinking model's chat template written out by hand, so a raw text completion can stop the
 * model inside its thinking, append to it and let it continue its own text.
 *
 * Why by hand is the same as web-llm's own template: in @mlc-ai/web-llm 0.2.86 a chat request
 * and a text completion are tokenized by the same call, `this.tokenizer.encode(string)`
 * (`LLMChatPipeline.getInputData`, lib/index.js 13845–13915): the chat path only joins the
 * conversation template's strings first (`Conversation.getPromptArray`), and those strings
 * carry the special tokens as text (`<|im_start|>user`). A text completion gets no template
 * and no `system_prefix_token_ids` (`getPromptArrayTextCompletion`, lib/index.js 10681–10686;
 * Qwen3's template has no prefix tokens either). web-llm's own Qwen3 example shows the reply
 * text carrying `<think>…</think>` (examples/qwen3/src/qwen3_example.ts strips it from the
 * history with a regex), so `</think>` can be a stop string.
 */

/** A thinking model's chat format: where thinking starts and ends, and the turn markers. */
export interface ThinkingTemplate {
  /** A name for messages, e.g. "Qwen3". */
  readonly family: string;
  /** Opens the thinking: the prompt ends with it, so every token generated is thinking. */
  readonly thinkOpen: string;
  /** Ends the thinking: a stop string while thinking, forced by the cap. */
  readonly thinkClose: string;
  /**
   * The whole prompt up to the first thinking token: system turn, user turn, the assistant
   * header and {@link thinkOpen}.
   */
  prompt(system: string, user: string): string;
}

/**
 * Qwen3 (the curated thinking model): ChatML turns as mlc-llm's `qwen2` / `qwen3`
 * conversation templates write them (`<|im_start|>{role}\n{content}<|im_end|>\n`, assistant
 * header `<|im_start|>assistant\n`), and the thinking in `<think>\n…\n</think>\n\n` as Qwen3's
 * own chat template writes it (web-llm's `enable_thinking: false` prefills exactly
 * `<think>\n\n</think>\n\n`, lib/index.js 12361–12367). The prompt ends with `<think>\n`, so
 * the model starts thinking at once (Qwen3 would otherwise write `<think>` itself first). The
 * end of a reply, `<|im_end|>`, is one of the model's stop tokens (its `stop_token_ids`
 * 151643 and 151645), which web-llm applies to text completions too (`setConversation` sets
 * `stopTokens` from the model's template, lib/index.js 12257–12261).
 */
export const QWEN3_TEMPLATE: ThinkingTemplate = {
  family: 'Qwen3',
  thinkOpen: '<think>\n',
  thinkClose: '</think>',
  prompt: (system, user) =>
    `<|im_start|>system\n${system}<|im_end|>\n` +
    `<|im_start|>user\n${user}<|im_end|>\n` +
    `<|im_start|>assistant\n<think>\n`,
};

/**
 * The thinking template of a web-llm model id, or null for a model that does not think in
 * `<think>` blocks (budget forcing needs one). Among the curated models only Qwen3 thinks;
 * a custom Qwen3 build (an id starting "Qwen3-") is recognised too.
 * @example thinkingTemplateFor('Qwen3-0.6B-q4f16_1-MLC')?.family // 'Qwen3'
 * @example thinkingTemplateFor('Qwen2.5-0.5B-Instruct-q4f16_1-MLC') // null
 */
export function thinkingTemplateFor(modelId: string): ThinkingTemplate | null {
  return /^qwen3-/i.test(modelId.trim()) ? QWEN3_TEMPLATE : null;
}

/** Whether budget forcing can run on this model (it has a known thinking template). */
export function supportsBudgetForcing(modelId: string): boolean {
  return thinkingTemplateFor(modelId) !== null;
}

/**
 * What extend appends where the model ended its thinking, as in s1 ("Wait" makes the model
 * go on and often check its answer).
 */
export const WAIT = 'Wait';

/**
 * What follows the end of thinking to get the answer: s1 appends the end-of-thinking
 * delimiter "and optionally 'Final Answer:'". The grader (`extractFinalAnswer`) reads the
 * number after "Answer:".
 */
export const ANSWER_PREFIX = 'Final Answer:';

/** The instructions of a budget-forced word problem. */
export const FORCING_SYSTEM = [
  'You solve math word problems.',
  'Think it through, then give the final answer as a number only.',
].join('\n');

/** The user turn of a budget-forced word problem: the question. */
export function forcingUser(question: string): string {
  return question;
}

/** The text to append after `thinking` to end it (a line break first, unless there is one). */
export function closeThinking(template: ThinkingTemplate, thinking: string): string {
  const gap = thinking === '' || thinking.endsWith('\n') ? '' : '\n';
  return `${gap}${template.thinkClose}\n\n${ANSWER_PREFIX}`;
}

/** The text to append after `thinking` to extend it (a line break first, unless there is one). */
export function waitAfter(thinking: string): string {
  const gap = thinking === '' || thinking.endsWith('\n') ? '' : '\n';
  return `${gap}${WAIT}`;
}
