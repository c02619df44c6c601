/**
 * Text a chat template injects into the model's own reply. With `extra_body.enable_thinking:
 * false` @mlc-ai/web-llm 0.2.86 (`node_modules/@mlc-ai/web-llm/lib/index.js`) prefills an empty
 * thinking block after the reply header *and* pushes its tokens into the reply's output ids
 * (`LLMChatPipeline.forwardPrefill`, lib 12361–12367). Those output ids are what it decodes
 * after every sampled token and searches for stop strings (`lastIndexOf` over the whole text,
 * 12561–12571), what `max_tokens` counts (12575), and what the reply and the held conversation
 * are (`finishReply(outputMessage)`, 12590); `completion_tokens` counts only sampled tokens
 * (12600), and the block is counted as prefilled (it is part of the reply header, 10431–10438).
 */

/** web-llm's empty thinking block (lib 12363). */
export const EMPTY_THINKING_BLOCK = '<think>\n\n</think>\n\n';

/**
 * The block's tokens in Qwen3's tokenizer: `<think>` (151667), `\n\n` (271), `</think>`
 * (151668), `\n\n` (271) — the only model Arbor turns thinking off for. web-llm's `max_tokens`
 * counts them (lib 12575), so a request asks for this many more.
 */
export const EMPTY_THINKING_BLOCK_TOKENS = 4;

/** What web-llm puts into every reply of a model before the model writes a token. */
export interface ReplyShape {
  /** Whether requests carry `extra_body.enable_thinking: false`. */
  thinkingOff: boolean;
  /** The text every reply, and every reply web-llm holds, starts with ('' for most models). */
  prefix: string;
  /** Its tokens, which `max_tokens` counts and `completion_tokens` does not. */
  prefixTokens: number;
  /**
   * What ends every assistant turn sent: the step delimiter when it cannot be a stop string
   * (see {@link withDelimiter}), else ''.
   */
  suffix: string;
}

/** A model whose replies are what it samples. */
export const PLAIN_REPLY: ReplyShape = {
  thinkingOff: false,
  prefix: '',
  prefixTokens: 0,
  suffix: '',
};

/** Qwen3 told not to think: every reply starts with the empty block. */
export const THINKING_OFF_REPLY: ReplyShape = {
  thinkingOff: true,
  prefix: EMPTY_THINKING_BLOCK,
  prefixTokens: EMPTY_THINKING_BLOCK_TOKENS,
  suffix: '',
};

/**
 * Whether web-llm would find `stop` in a reply that starts with `prefix` before the model has
 * written it: inside the prefix, or beginning in it and ending in the reply. Such a stop
 * string is not sent; the adapter cuts the reply there itself.
 * @example
 * stopMeetsPrefix(EMPTY_THINKING_BLOCK, '\n\n'); // true: every reply would end at once
 * stopMeetsPrefix(EMPTY_THINKING_BLOCK, 'Step'); // false
 */
export function stopMeetsPrefix(prefix: string, stop: string): boolean {
  if (stop === '') return false;
  for (let i = 0; i < prefix.length; i++) {
    const tail = prefix.slice(i);
    if (tail.length >= stop.length ? tail.startsWith(stop) : stop.startsWith(tail)) return true;
  }
  return false;
}

/**
 * The shape of a model's turns with step delimiter `delimiter`. A delimiter sent as a stop
 * string is cut off by web-llm, so a held step is the step. One that cannot be sent (it meets
 * the prefix) stays in the reply when the model writes it and then ends its turn, as it is
 * asked to: web-llm holds `prefix + step + delimiter`, so every assistant turn is sent that
 * way, and a step ended so is continued from the cache.
 */
export function withDelimiter(shape: ReplyShape, delimiter: string): ReplyShape {
  return { ...shape, suffix: stopMeetsPrefix(shape.prefix, delimiter) ? delimiter : '' };
}
