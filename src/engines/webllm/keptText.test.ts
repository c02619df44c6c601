import { describe, expect, it } from 'vitest';
import { heldText, keptText } from './keptText';

describe("keptText: web-llm's last stop check replayed with the last token (lib/index.js 12561-12571)", () => {
  const stops = ['\n\n'];
  it('tells apart the three replies that all stream "a\\n"', () => {
    expect(keptText({ text: 'a\n', beforeLast: 'a\n', lastToken: '\n' }, stops, 'stop')).toBe('a');
    expect(keptText({ text: 'a\n', beforeLast: 'a\n', lastToken: '</s>' }, stops, 'stop')).toBe(
      'a\n',
    );
    expect(keptText({ text: 'a\n', beforeLast: 'a', lastToken: '\n\n\n' }, stops, 'stop')).toBe(
      'a\n',
    );
  });

  it('keeps a character that came in the token that completed the stop string', () => {
    expect(keptText({ text: 'a.', beforeLast: 'a', lastToken: '.\n\n' }, stops, 'stop')).toBe('a.');
  });

  it('cuts a reply whose token limit came with the stop string (length overrides stop, 12575)', () => {
    expect(keptText({ text: 'a\n', beforeLast: 'a\n', lastToken: '\n' }, stops, 'length')).toBe(
      'a',
    );
  });

  it('guesses as before when the stream disagrees with the replay, or carried no token', () => {
    // a character split across tokens: the last chunk's token is U+FFFD, not its text
    expect(keptText({ text: 'a\n', beforeLast: 'x', lastToken: '\n\n' }, stops, 'stop')).toBe('a');
    expect(keptText({ text: 'a\n', beforeLast: 'a', lastToken: null }, stops, 'stop')).toBe('a');
    expect(heldText('a\n', stops, 'length')).toBe('a\n');
  });

  it('keeps an interrupted reply as streamed', () => {
    expect(keptText({ text: 'a\n', beforeLast: 'a\n', lastToken: '\n' }, stops, 'abort')).toBe(
      'a\n',
    );
  });
});
