import { describe, expect, it } from 'vitest';
import type { SseItem } from './sse';
import { readSse } from './sse';

async function read(...parts: (string | Uint8Array)[]): Promise<SseItem[]> {
  const enc = new TextEncoder();
  async function* chunks() {
    for (const p of parts) yield typeof p === 'string' ? enc.encode(p) : p;
  }
  const out: SseItem[] = [];
  for await (const item of readSse(chunks())) out.push(item);
  return out;
}

describe('readSse', () => {
  it('reads data lines and stops at [DONE], ignoring anything after it', async () => {
    expect(await read('data: {"a":1}\n\ndata: [DONE]\n\ndata: {"late":1}\n\n')).toEqual([
      { data: '{"a":1}' },
      { done: true },
    ]);
  });

  it('joins an event split anywhere across reads, and a UTF-8 character split between bytes', async () => {
    const bytes = new TextEncoder().encode('data: {"t":"½"}\n\n');
    const cut = bytes.indexOf(0xbd); // the second byte of "½"
    expect(
      await read('da', 'ta: {"x"', ':2}\n', '\n', bytes.slice(0, cut), bytes.slice(cut)),
    ).toEqual([{ data: '{"x":2}' }, { data: '{"t":"½"}' }]);
  });

  it('skips comment pings, takes CRLF and CR line ends (a CR split from its LF too)', async () => {
    expect(await read(': ping\r\n\r\ndata: a\r', '\n\r\ndata: b\r\rdata: [DONE]\r\r')).toEqual([
      { data: 'a' },
      { data: 'b' },
      { done: true },
    ]);
  });

  it('joins multi-line data with newlines, ignores other fields and a data line without a space', async () => {
    expect(await read('event: x\nid: 3\ndata: one\ndata:two\n\n')).toEqual([{ data: 'one\ntwo' }]);
  });

  it('gives a last event that lacks its blank line, and no done when [DONE] never came', async () => {
    expect(await read('data: {"a":1}\n\ndata: {"b":2}')).toEqual([
      { data: '{"a":1}' },
      { data: '{"b":2}' },
    ]);
    expect(await read('')).toEqual([]);
  });
});
