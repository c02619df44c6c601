/**
 * The errors a server request fails with, each named, each saying what to do. No message ever
 * holds the API key or the server's address (a message can end up in a saved run or a log):
 * they say "the server", and {@link scrub} removes a key a server might echo back.
 */

/** Base of every server engine error. */
export class ServerError extends Error {
  override name = 'ServerError';
}

/** The server answered with an HTTP error (other than 429/503 once retries ran out). */
export class ServerHttpError extends ServerError {
  override name = 'ServerHttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** 429 or 503 after every retry. */
export class ServerBusyError extends ServerHttpError {
  override name = 'ServerBusyError';
}

/** No answer at all: nothing listens there, or the connection was refused or dropped. */
export class ServerUnreachableError extends ServerError {
  override name = 'ServerUnreachableError';
}

/** The browser blocked the request: the server does not let this page's origin through. */
export class CorsBlockedError extends ServerError {
  override name = 'CorsBlockedError';
}

/** Nothing arrived for the request timeout. */
export class ServerTimeoutError extends ServerError {
  override name = 'ServerTimeoutError';
}

/** The stream ended before the reply did (the connection was cut mid-stream). */
export class ServerStreamCutError extends ServerError {
  override name = 'ServerStreamCutError';
}

/** The server's answer is not in any shape Arbor reads. */
export class ServerResponseError extends ServerError {
  override name = 'ServerResponseError';
}

/** A judge or prior asked for log-probabilities and got none: a setup error, never 0.5. */
export class ServerLogprobsError extends ServerError {
  override name = 'ServerLogprobsError';
  constructor(what: string) {
    super(
      `The server returned no log-probabilities for ${what}. Arbor asks for logprobs on every ` +
        'request; use a server version that returns them (Ollama added them in late 2025).',
    );
  }
}

/** `text` with every occurrence of `secret` replaced, and cut to `max` characters. */
export function scrub(text: string, secret: string | null, max = 300): string {
  let out = text;
  if (secret) out = out.split(secret).join('[API key]');
  out = out.replace(/Bearer\s+\S+/gi, 'Bearer [API key]');
  return out.length > max ? `${out.slice(0, max)}…` : out;
}
