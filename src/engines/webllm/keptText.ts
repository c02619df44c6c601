/**
 * The text web-llm keeps of a streamed reply, which the client must work out from what was
 * streamed. In @mlc-ai/web-llm 0.2.86 (lib/index.js) `LLMChatPipeline.processNextToken`
 * decodes the whole output after every sampled token and cuts it before the *last*
 * occurrence of a stop string (12561–12571); a stop token ends the reply with nothing cut and
 * is not part of it (12544–12550). Each chunk streams what the message grew by since the last
 * chunk (`makeStreamDeltaChunk`, 18387–18393) with the log-probability entry of the token
 * just sampled (18399). So when the token that completes a stop string shortens the message,
 * the streamed text keeps the partial stop string that came before it — and the same streamed
 * text can stand for different kept ones:
 * - `"a\n"` then the token `"\n"`: `"a\n\n"` is cut to `"a"`;
 * - `"a\n"` then an end-of-sequence token: `"a\n"` is kept;
 * - `"a"` then one token `"\n\n\n"`: the last `"\n\n"` starts at 2, `"a\n"` is kept.
 * The last token tells them apart: {@link keptText} replays web-llm's cut with it.
 */
import type { FinishReason } from './kvCache';

/** What the client saw of a streamed reply: enough to replay web-llm's last stop check. */
export interface StreamedReply {
  /** Every delta joined. */
  text: string;
  /** The text before the last chunk that carried a delta. */
  beforeLast: string;
  /** The token of that chunk's log-probability entry (the reply's last token), or null. */
  lastToken: string | null;
}

/**
 * The streamed text with any trailing proper prefix of a stop string removed: right when the
 * last token completed the stop string, wrong when a stop token ended the reply.
 * @example heldText('2 * 12 = 24\n', ['\n\n'], 'stop') // '2 * 12 = 24'
 */
export function heldText(streamed: string, stops: readonly string[], finish: FinishReason): string {
  if (finish !== 'stop') return streamed;
  for (const stop of stops) {
    for (let len = Math.min(stop.length - 1, streamed.length); len > 0; len--) {
      if (streamed.endsWith(stop.slice(0, len))) return streamed.slice(0, -len);
    }
  }
  return streamed;
}

/**
 * The reply as web-llm keeps it. The text before the last chunk plus its token is the output
 * web-llm decoded last; its cut at the last occurrence of the first stop string found is the
 * message, if what was streamed agrees with it (the last delta is what that message grew by).
 * No stop string in it: a stop token or the token limit ended the reply, kept as streamed.
 * Without the last token (no log-probabilities asked for), or when the stream disagrees (a
 * character split across tokens), {@link heldText} guesses.
 * @example
 * keptText({ text: 'a\n', beforeLast: 'a', lastToken: '\n\n\n' }, ['\n\n'], 'stop'); // 'a\n'
 * keptText({ text: 'a\n', beforeLast: 'a\n', lastToken: '</s>' }, ['\n\n'], 'stop'); // 'a\n'
 * keptText({ text: 'a\n', beforeLast: 'a\n', lastToken: '\n' }, ['\n\n'], 'stop'); // 'a'
 */
export function keptText(
  streamed: StreamedReply,
  stops: readonly string[],
  finish: FinishReason,
): string {
  const { text, beforeLast, lastToken } = streamed;
  if (finish === 'abort') return text; // interrupted: no stop string was met
  if (lastToken === null) return heldText(text, stops, finish);
  const decoded = beforeLast + lastToken;
  for (const stop of stops) {
    const at = decoded.lastIndexOf(stop);
    if (at === -1) continue;
    const message = decoded.slice(0, at);
    const shown = message.length >= beforeLast.length ? message : beforeLast;
    return shown === text ? message : heldText(text, stops, finish);
  }
  return text;
}
