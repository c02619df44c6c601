import { describe, expect, it } from 'vitest';
import { collectEvents } from '../core/search';
import type { ServerRecording } from '../engines/server';
import { makeRunFile } from './runFile';
import { parseRunFile } from './parseRunFile';
import { DEFAULT_SETTINGS } from './settings';
import { searchProgram } from './startSearch';

/** The optional `server` field: a server run's replies (engines/server/recording.ts). */
const events = collectEvents(searchProgram(DEFAULT_SETTINGS));
const recording: ServerRecording = {
  family: 'vllm',
  model: 'Qwen/Qwen2.5-7B-Instruct',
  replies: [
    {
      key: '0123456789abcdef',
      choices: [
        {
          text: '4 + 8 = 12 (left: 6 12 13)',
          finish: 'stop',
          logprobs: [-0.5, null],
          firstTop: [{ token: ' Yes', logprob: -0.1 }],
        },
      ],
      usage: { prompt: 120, completion: 9, cached: null },
    },
  ],
};

describe('run file: a server recording', () => {
  it('round-trips through JSON text (−∞ as null, "not reported" as null)', () => {
    const file = { ...makeRunFile(DEFAULT_SETTINGS, events, new Date(0)), server: recording };
    const parsed = parseRunFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.file.server).toEqual(recording);
  });

  it('a malformed recording is refused with the field path', () => {
    const bad = {
      ...makeRunFile(DEFAULT_SETTINGS, events, new Date(0)),
      server: { ...recording, family: 'tgi' },
    };
    const parsed = parseRunFile(JSON.stringify(bad));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/server\.family/);
    const key = {
      ...recording,
      replies: [{ ...recording.replies[0], key: 'http://10.0.0.5:8000' }],
    };
    const parsedKey = parseRunFile(
      JSON.stringify({ ...makeRunFile(DEFAULT_SETTINGS, events, new Date(0)), server: key }),
    );
    expect(parsedKey.ok).toBe(false);
  });
});
