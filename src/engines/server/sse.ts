/**
 * A server-sent events reader for OpenAI-style streams (the HTML standard's event stream
 * format): `data:` lines, possibly split across reads, joined per event by a blank line;
 * comment lines (`:` pings, llama.cpp sends them while prefilling) and other fields ignored;
 * `data: [DONE]` ends the stream. LF, CRLF and CR line ends all work.
 */

/** What the reader yields: one event's data, or the end marker. */
export type SseItem = { data: string } | { done: true };

/**
 * The events of a byte stream.
 * @param chunks the response body's chunks as they arrive
 * @returns the events' data in order, then `{done: true}` if the stream sent `[DONE]`
 */
export async function* readSse(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<SseItem> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  function* lines(final: boolean): Generator<SseItem> {
    for (;;) {
      const m = /\r\n|\r|\n/.exec(buffer);
      // A lone CR at the end of a chunk may be the first half of CRLF: wait for more.
      if (!m || (m[0] === '\r' && m.index === buffer.length - 1 && !final)) return;
      const line = buffer.slice(0, m.index);
      buffer = buffer.slice(m.index + m[0].length);
      if (line === '') {
        if (data.length > 0) {
          const joined = data.join('\n');
          data = [];
          if (joined.trim() === '[DONE]') {
            yield { done: true };
            return;
          }
          yield { data: joined };
        }
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') data.push(value);
    }
  }
  for await (const chunk of chunks) {
    buffer += decoder.decode(chunk, { stream: true });
    for (const item of lines(false)) {
      yield item;
      if ('done' in item) return;
    }
  }
  buffer += decoder.decode();
  if (buffer !== '' && !/[\r\n]$/.test(buffer)) buffer += '\n';
  buffer += '\n'; // a last event without its blank line still counts
  for (const item of lines(true)) {
    yield item;
    if ('done' in item) return;
  }
}
