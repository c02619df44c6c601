import type { ServerRecording } from './recording';

/**
 * The share of prefill the server reported cached: over the replies that reported it; null
 * ("not reported") when none did. Never estimated.
 */
export function cachedShare(recording: ServerRecording): {
  cached: number;
  prompt: number;
  reported: number;
  replies: number;
  share: number | null;
} {
  let cached = 0;
  let prompt = 0;
  let reported = 0;
  for (const r of recording.replies) {
    if (r.usage.cached === null || r.usage.prompt === null) continue;
    reported += 1;
    cached += r.usage.cached;
    prompt += r.usage.prompt;
  }
  return {
    cached,
    prompt,
    reported,
    replies: recording.replies.length,
    share: reported > 0 && prompt > 0 ? cached / prompt : null,
  };
}
