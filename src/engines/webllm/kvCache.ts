/**
 * What web-llm's KV cache holds, tracked outside the engine so the search can count prefilled
 * tokens and prefer requests that extend the cache (contracts, `KvCacheProbe`).
 *
 * The rule, as @mlc-ai/web-llm 0.2.86 applies it (lib/index.js):
 * - `MLCEngine.preparePrefillInput` builds a `Conversation` from the request's messages *but
 *   the last* (`getConversationFromChatCompletionRequest`) and compares it with the one the
 *   pipeline holds (`compareConversationObject`: the system message and every message's role
 *   and content, exactly). Equal → "Multiround chatting, reuse KVCache" and only the last
 *   round is prefilled (`Conversation.getPromptArrayLastRound`); otherwise, or when that
 *   conversation has no messages besides the system one, `pipeline.resetChat()` and the whole
 *   prompt is prefilled.
 * - It also resets when the previous reply ended with finish reason `length` or `abort` (its
 *   last sampled token is in the text but not in the KV cache).
 * - After a reply, the pipeline's conversation is the request plus the reply as returned
 *   (`LLMChatPipeline.processNextToken` → `Conversation.finishReply(outputMessage)`, the text
 *   cut before the stop string).
 * - `usage.prompt_tokens` is `pipeline.getCurRoundPrefillTotalTokens()`: only the tokens
 *   prefilled this round, not the whole conversation.
 *
 * What a reused cache holds is not what a fresh prefill of the same messages reads
 * (testing/fakeEngine.ts copies both rules, cacheReuse.test.ts shows them):
 * - the last round is prefilled from the new user turn (`getPromptArrayLastRound`, lib
 *   10558–10566, called at 13873), so the previous reply's end-of-turn separator
 *   (`seps[i]`, 10501; `<|im_end|>\n` for ChatML models) is never in the cache;
 * - a sampled token enters the cache only when the next one is decoded (`sampleDecodeStep`
 *   feeds `outputIds.at(-1)`, 12468), so the token that ended the reply is not in it — with
 *   a `"\n\n"` stop, often a token that also carries the step's last character.
 * Neither gap can be closed by how turns are laid out (the separator lies between the reply
 * and the next turn's header, where no message text goes), so "reuse" here means fewer tokens
 * prefilled, not the same context: the cache-aware order may change the model's answers.
 */
import type { ChatTurn } from './conversation';

/** Chat-template tokens around each turn (role header and end-of-turn marks), approximately. */
export const TURN_OVERHEAD = 4;

/** Why a reply ended, as web-llm reports it (`ChatCompletionFinishReason`). */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'abort';

function sameTurn(a: ChatTurn, b: ChatTurn): boolean {
  return a.role === b.role && a.content === b.content;
}

/** Mirrors web-llm 0.2.86: reuse iff request.slice(0,-1) equals the held conversation. */
export class ConversationCache {
  private held: readonly ChatTurn[] | null = null;
  private steps: readonly string[] | null = null;

  /**
   * Whether `request` extends the held conversation: everything but its last turn equals it
   * exactly. (web-llm also resets when that history is only a system message; a held
   * conversation always ends with the reply, so that cannot happen here.)
   */
  extendsHeld(request: readonly ChatTurn[]): boolean {
    const held = this.held;
    if (held === null || request.length - 1 !== held.length) return false;
    return held.every((turn, i) => {
      const other = request[i];
      return other !== undefined && sameTurn(turn, other);
    });
  }

  /**
   * Tokens this request must prefill: the last turn's (+ per-turn template overhead) when it
   * extends, else every turn's.
   * @example
   * // held = [system, user, assistant]; request = held + [user('Write the next step.')]
   * cache.prefillTokens(request, approxTokens); // approxTokens('Write the next step.') + 4
   */
  prefillTokens(request: readonly ChatTurn[], countTokens: (text: string) => number): number {
    const turns = this.extendsHeld(request) ? request.slice(-1) : request;
    return turns.reduce((sum, t) => sum + countTokens(t.content) + TURN_OVERHEAD, 0);
  }

  /**
   * After a request finished: held = request + assistant(reply). `pathAfter` = the step path
   * the held conversation now is (P+[s] after a step request), or null (judge/rollout/unknown).
   * A reply that ended on `length` or `abort` leaves nothing web-llm will reuse.
   */
  commit(
    request: readonly ChatTurn[],
    reply: string,
    pathAfter: readonly string[] | null,
    finishReason: FinishReason = 'stop',
  ): void {
    if (finishReason === 'length' || finishReason === 'abort') {
      this.reset();
      return;
    }
    this.held = Object.freeze([
      ...request.map((t) => ({ role: t.role, content: t.content })),
      { role: 'assistant', content: reply },
    ]);
    this.steps = pathAfter === null ? null : Object.freeze([...pathAfter]);
  }

  /** After an error, interrupt, resetChat or model load: nothing is held. */
  reset(): void {
    this.held = null;
    this.steps = null;
  }

  /** The path whose conversation the cache ends with, or null. */
  heldSteps(): readonly string[] | null {
    return this.steps;
  }

  /** The conversation held, or null (for tests and the inspector). */
  heldConversation(): readonly ChatTurn[] | null {
    return this.held;
  }
}

const TOKEN = /[A-Za-z]+|\d+|[^\sA-Za-z\d]/g;

/**
 * Approximate token count (no tokenizer offline): a run of letters is one token per 8 letters
 * (rounded up), a run of digits one per 3 digits (BPE vocabularies split long numbers), and
 * every other character that is not a space one token.
 * @example approxTokens('4 + 8 = 12 (left: 6 12 13)') // 12
 */
export function approxTokens(text: string): number {
  let total = 0;
  for (const m of text.matchAll(TOKEN)) {
    const run = m[0];
    if (/^[A-Za-z]/.test(run)) total += Math.ceil(run.length / 8);
    else if (/^\d/.test(run)) total += Math.ceil(run.length / 3);
    else total += 1;
  }
  return total;
}
