import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadTask } from '../core/tasks/registry';
import { lessonRunEvents } from './runEvents';

const fromPublic = (path: string) =>
  readFile(new URL(`../../public/${path}`, import.meta.url), 'utf8');

describe('lessonRunEvents', () => {
  it('searches a settings run to its end: from its start event to its done event', async () => {
    await loadTask('game24');
    const got = await lessonRunEvents(
      { settings: 'task=game24&puzzle=g24-062&algo=best-of-n&n=4' },
      fromPublic,
    );
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.events[0]?.type).toBe('start');
    expect(got.events.at(-1)?.type).toBe('done');
  });

  it('reads a bundled run file: the paper tree starts at its root', async () => {
    const got = await lessonRunEvents({ file: 'lessons/runs/paper-mcts.json' }, fromPublic);
    expect(got.ok && got.events[0]?.type).toBe('start');
  });

  it('says what is wrong with a bad query, a missing file and a file that is not a run', async () => {
    const bad = await lessonRunEvents({ settings: 'algo=mcts&c=101' }, fromPublic);
    expect(bad.ok ? '' : bad.error).toMatch(/c=101/);
    const missing = await lessonRunEvents({ file: 'lessons/runs/none.json' }, fromPublic);
    expect(missing.ok ? '' : missing.error).toMatch(/none\.json could not be read/);
    const notRun = await lessonRunEvents(
      { file: 'x.json' },
      async () => '{"format":"arbor-lesson"}',
    );
    expect(notRun.ok ? '' : notRun.error).toMatch(/^the run file x\.json: /);
  });
});
