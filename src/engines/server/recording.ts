/**
 * Every reply a server run used, recorded so that an exported run replays without the server
 * (issue 13), and so that Continue answers the recorded requests from the record and sends
 * only the rest. Replies are keyed by the request (a hash of everything that decides the
 * answer: route, prompt or messages, limits, temperature, seed, stops, n), never by the order
 * they arrived in, so a recording made at concurrency 8 replays at concurrency 1.
 *
 * Identical requests in one run (best-of-N judging a shared first step twice) are sent once and
 * share the reply, so a run and its replay give every caller the same answer even from a
 * server whose batches are not bit-for-bit deterministic; each caller counts the reply's usage.
 *
 * The recording holds no address and no key: only family, model and replies.
 */
import { z } from 'zod';
import type { ServerFamily } from './families';
import { SERVER_FAMILIES } from './families';
import type { GenerateOptions, ReplySource } from './client';
import type { GenerationRequest, GenerationResult } from './wire';

/** A stable string of a request's deciding fields (`stream` aside). */
export function requestText(req: GenerationRequest): string {
  return JSON.stringify([
    req.route,
    req.prompt ?? null,
    req.messages?.map((m) => [m.role, m.content]) ?? null,
    req.maxTokens,
    req.temperature,
    req.seed,
    req.topLogprobs,
    req.stop,
    req.n,
  ]);
}

/**
 * A 64-bit hash of a request as 16 hex digits (two FNV-1a lanes with different offsets): long
 * enough that a run's few thousand requests do not collide.
 */
export function requestKey(req: GenerationRequest): string {
  const text = requestText(req);
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
    b = (b ^ (b >>> 13)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

const finiteOrNull = z.number().finite().nullable();
const logprob = z.number().max(0).nullable(); // JSON has no −∞: null stands for it

/** One recorded reply. */
export const recordedReplySchema = z.object({
  key: z.string().regex(/^[0-9a-f]{16}$/),
  choices: z
    .array(
      z.object({
        text: z.string().max(100_000),
        finish: z.enum(['stop', 'length', 'other']),
        logprobs: z.array(logprob).max(100_000),
        firstTop: z.array(z.object({ token: z.string().max(1000), logprob })).max(64),
      }),
    )
    .max(64),
  usage: z.object({ prompt: finiteOrNull, completion: finiteOrNull, cached: finiteOrNull }),
});

/** What a run file holds of a server run (an optional field of the run file). */
export const serverRecordingSchema = z.object({
  family: z.enum(SERVER_FAMILIES as [ServerFamily, ...ServerFamily[]]),
  model: z.string().max(300),
  replies: z.array(recordedReplySchema).max(200_000),
});

export type RecordedReply = z.infer<typeof recordedReplySchema>;
export type ServerRecording = z.infer<typeof serverRecordingSchema>;

const toJsonLogprob = (x: number): number | null => (Number.isFinite(x) ? x : null);
const fromJsonLogprob = (x: number | null): number => (x === null ? -Infinity : x);

function toRecorded(key: string, result: GenerationResult): RecordedReply {
  return {
    key,
    choices: result.choices.map((c) => ({
      text: c.text,
      finish: c.finish,
      logprobs: c.logprobs.map(toJsonLogprob),
      firstTop: c.firstTop.map((t) => ({ token: t.token, logprob: toJsonLogprob(t.logprob) })),
    })),
    usage: { ...result.usage },
  };
}

function fromRecorded(reply: RecordedReply): GenerationResult {
  return {
    choices: reply.choices.map((c) => ({
      text: c.text,
      finish: c.finish,
      logprobs: c.logprobs.map(fromJsonLogprob),
      firstTop: c.firstTop.map((t) => ({ token: t.token, logprob: fromJsonLogprob(t.logprob) })),
    })),
    usage: { ...reply.usage },
  };
}

/** A request the recording has no reply for (a replay went past the run). */
export class NotInRecordingError extends Error {
  override name = 'NotInRecordingError';
}

/**
 * Sends each distinct request once through `inner` (identical requests share the reply, in
 * flight or done) and records every reply. Stream drafts go to the first caller only.
 */
export class RecordingSource implements ReplySource {
  private readonly replies = new Map<string, Promise<GenerationResult>>();
  private readonly done = new Map<string, GenerationResult>();
  /** Distinct requests sent, and calls answered by a reply already asked for. */
  sent = 0;
  shared = 0;

  constructor(
    private readonly inner: ReplySource,
    readonly model: string,
  ) {}

  get family(): ServerFamily {
    return this.inner.family;
  }

  generate(req: GenerationRequest, opts: GenerateOptions = {}): Promise<GenerationResult> {
    const key = requestKey(req);
    const known = this.replies.get(key);
    if (known) {
      this.shared += 1;
      return known;
    }
    this.sent += 1;
    const reply = this.inner.generate(req, opts).then((r) => {
      this.done.set(key, r);
      return r;
    });
    // A failed request is not kept: asking again (Continue) sends it again.
    reply.catch(() => this.replies.delete(key));
    this.replies.set(key, reply);
    return reply;
  }

  /** The replies received so far, in key order (the same whatever order they arrived in). */
  recording(): ServerRecording {
    const keys = [...this.done.keys()].sort();
    return {
      family: this.family,
      model: this.model,
      replies: keys.map((k) => toRecorded(k, this.done.get(k) as GenerationResult)),
    };
  }
}

/**
 * Answers from a recording; a request it does not hold goes to `live`, or fails with
 * {@link NotInRecordingError} when there is none (an exported run opened without a server).
 */
export function replaySource(recording: ServerRecording, live?: ReplySource): ReplySource {
  const byKey = new Map(recording.replies.map((r) => [r.key, r]));
  return {
    family: live?.family ?? recording.family,
    generate(req, opts) {
      const reply = byKey.get(requestKey(req));
      if (reply) return Promise.resolve(fromRecorded(reply));
      if (live) return live.generate(req, opts);
      return Promise.reject(
        new NotInRecordingError(
          'This run asks the server for a reply its recording does not hold: connect the server to go on.',
        ),
      );
    },
  };
}
