import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../run/settings';
import type { GridPlan } from '../gridLoop';
import type { CellResult, GridCell, GridSpec } from '../types';
import { createLabHost } from './host';
import type { LabResponse } from './messages';

const SPEC: GridSpec = {
  task: 'game24',
  problemIds: ['g24-001'],
  engine: DEFAULT_SETTINGS.engine,
  strategies: ['bon-majority'],
  budgets: [2],
  seeds: [1],
  experiment: { kind: 'budget' },
};

const cells: GridCell[] = Array.from({ length: 6 }, (_, i) => ({
  id: `c${i}`,
  problemId: 'g24-001',
  strategy: 'bon-majority',
  budget: 2,
  seed: i,
  variant: null,
  arm: '',
  role: 'run',
  settings: DEFAULT_SETTINGS,
}));

const plan: GridPlan = { first: () => cells, second: () => [] };

function result(c: GridCell): CellResult {
  const cost = { generated: 1, prefilled: 0, proposerCalls: 1, judgeCalls: 0 };
  return { cellId: c.id, status: 'wrong', answer: '23', cost, events: 3, ms: 0 };
}

function until(messages: LabResponse[], type: LabResponse['type']): Promise<void> {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const poll = () => {
      if (messages.some((m) => m.type === type)) resolve();
      else if (Date.now() - start > 5000) reject(new Error(`no ${type} message`));
      else setTimeout(poll, 2);
    };
    poll();
  });
}

describe('lab worker host', () => {
  it('answers start with stage, batched results and finished', async () => {
    const messages: LabResponse[] = [];
    const handle = createLabHost((m) => messages.push(m), {
      execute: result,
      plan,
      batchSize: 4,
    });
    handle({ type: 'start', spec: SPEC });
    await until(messages, 'finished');
    expect(messages.map((m) => m.type)).toEqual(['stage', 'results', 'results', 'finished']);
    const results = messages.flatMap((m) => (m.type === 'results' ? m.results : []));
    expect(results.map((r) => r.cellId)).toEqual(cells.map((c) => c.id));
    expect(messages.at(-1)).toMatchObject({ status: 'done', progress: { done: 6, total: 6 } });
  });

  function pausingHost(messages: LabResponse[], ran: string[]) {
    let handle: ReturnType<typeof createLabHost> = () => undefined;
    handle = createLabHost((m) => messages.push(m), {
      execute: (c) => {
        ran.push(c.id);
        if (c.id === 'c1') handle({ type: 'pause' });
        return result(c);
      },
      plan,
      batchSize: 100,
    });
    return handle;
  }

  it('pauses after the run in flight and resumes on the page’s messages', async () => {
    const messages: LabResponse[] = [];
    const ran: string[] = [];
    const handle = pausingHost(messages, ran);
    handle({ type: 'start', spec: SPEC });
    await until(messages, 'progress');
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toEqual(['c0', 'c1']);
    expect(messages.find((m) => m.type === 'progress')).toMatchObject({ paused: true });
    const before = messages.flatMap((m) => (m.type === 'results' ? m.results : []));
    expect(before.map((r) => r.cellId)).toEqual(['c0', 'c1']);
    handle({ type: 'resume' });
    await until(messages, 'finished');
    expect(ran).toEqual(cells.map((c) => c.id));
    expect(messages.at(-1)).toMatchObject({ status: 'done', progress: { done: 6 } });
  });

  it('cancels on the page’s message, keeping the results so far', async () => {
    const messages: LabResponse[] = [];
    const ran: string[] = [];
    const handle = pausingHost(messages, ran);
    handle({ type: 'start', spec: SPEC });
    await until(messages, 'progress');
    handle({ type: 'cancel' });
    await until(messages, 'finished');
    expect(ran).toEqual(['c0', 'c1']);
    const results = messages.flatMap((m) => (m.type === 'results' ? m.results : []));
    expect(results.map((r) => r.cellId)).toEqual(['c0', 'c1']);
    expect(messages.at(-1)).toMatchObject({
      type: 'finished',
      status: 'cancelled',
      progress: { done: 2, total: 6 },
    });
  });

  it('reports a plan that throws as an error message', async () => {
    const messages: LabResponse[] = [];
    const handle = createLabHost((m) => messages.push(m), {
      execute: result,
      plan: {
        first: () => {
          throw new Error('bad spec');
        },
        second: () => [],
      },
    });
    handle({ type: 'start', spec: SPEC });
    await until(messages, 'error');
    expect(messages).toEqual([{ type: 'error', message: 'The lab worker failed: bad spec' }]);
  });
});
