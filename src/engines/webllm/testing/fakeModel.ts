/**
 * The fake model behind {@link FakeEngine}: its tokenizer, its chat template and the few
 * pieces of @mlc-ai/web-llm 0.2.86 (`node_modules/@mlc-ai/web-llm/lib/index.js`) that decide
 * what text a reply and the KV cache hold. Each copies the library's own rule and cites it.
 */

/** The string of the end-of-sequence token. */
export const FAKE_EOS = '</s>';

/** Template tokens the fake adds per prefilled message. */
export const FAKE_TURN_OVERHEAD = 3;

const TOKEN = /\n|[^\S\n]+|[A-Za-z]+|\d|[^\sA-Za-z\d]/gu;

/** The fake's tokenizer: each line break, space run, letter run, digit and other character. */
export function fakeTokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Prompt tokens of a message: its non-space tokens plus the template overhead. */
export function fakePromptTokens(content: string): number {
  return fakeTokenize(content).filter((t) => t.trim() !== '').length + FAKE_TURN_OVERHEAD;
}

/**
 * One sampled token: its text, or its raw bytes when it holds only part of a multi-byte
 * character (byte-level BPE splits `€`, E2 82 AC, across tokens).
 */
export type FakeToken = string | readonly number[];

function bytesOf(token: FakeToken): Uint8Array {
  return typeof token === 'string' ? new TextEncoder().encode(token) : Uint8Array.from(token);
}

/**
 * The text of a list of tokens, decoded together as web-llm decodes `outputIds` after every
 * token (`tokenizer.decode(new Int32Array(this.outputIds))`, lib 12561): bytes joined, an
 * unfinished character at the end read as U+FFFD.
 */
export function decodeTokens(tokens: readonly FakeToken[]): string {
  const parts = tokens.map(bytesOf);
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new TextDecoder().decode(all);
}

/**
 * The message cut before a stop string, as web-llm's `processNextToken` cuts it (lib
 * 12563–12571): for each stop string in turn, its *last* occurrence anywhere in the decoded
 * output (`lastIndexOf`), the first stop string found winning.
 */
export function cutAtStop(
  text: string,
  stops: readonly string[],
): { text: string; stopped: boolean } {
  for (const stop of stops) {
    const at = text.lastIndexOf(stop);
    if (at !== -1) return { text: text.slice(0, at), stopped: true };
  }
  return { text, stopped: false };
}

/**
 * Trailing U+FFFD characters of a message. web-llm streams no chunk while this is not a
 * multiple of 4 (`makeStreamDeltaChunk`, lib 18387–18391, `countTrailingReplacementChar`
 * 18042–18051): a token that ends inside a character sends nothing, its log-probability
 * entry included (each chunk carries only the last entry, `getTokenLogprobArray().slice(-1)`,
 * lib 18399).
 */
export function trailingReplacementChars(message: string): number {
  let count = 0;
  for (let i = message.length - 1; i >= 0 && message.charAt(i) === '\uFFFD'; i--) count++;
  return count;
}

/**
 * web-llm's empty thinking block, copied from the library (lib 12363), with its tokens in
 * Qwen3's tokenizer (`<think>` 151667, `\n\n` 271, `</think>` 151668, `\n\n` 271). With
 * `extra_body.enable_thinking: false` web-llm prefills it as part of the reply header *and*
 * pushes its tokens into the reply's `outputIds` (lib 12361–12367).
 */
export const FAKE_THINKING_BLOCK: readonly string[] = ['<think>', '\n\n', '</think>', '\n\n'];

/**
 * The fake's chat template, ChatML as Qwen's models use it: every message is
 * `<|im_start|>role\ncontent<|im_end|>\n` (web-llm's `getPromptArrayInternal`: role string,
 * `role_content_sep`, message, then `seps[i]`, lib 10494–10501), and a reply starts after
 * the header `<|im_start|>assistant\n` (`appendReplyHeader`, `role_empty_sep`, lib 10418–10428),
 * or after the header and the thinking block (lib 10431–10438).
 */
export const TEMPLATE = {
  turn: (role: string, content: string): string => `<|im_start|>${role}\n${content}<|im_end|>\n`,
  replyHeader: (thinkingOff: boolean): string =>
    `<|im_start|>assistant\n${thinkingOff ? FAKE_THINKING_BLOCK.join('') : ''}`,
};
