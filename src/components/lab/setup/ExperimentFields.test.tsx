import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { GridSpec } from '../../../lab/types';
import { DEFAULT_ENGINE, DEFAULT_WEBLLM_ENGINE } from '../../../run/settings';
import { ExperimentFields } from './ExperimentFields';

const DRAFT: GridSpec = {
  task: 'game24',
  problemIds: ['g24-001'],
  engine: DEFAULT_ENGINE,
  strategies: ['beam-min'],
  budgets: [2],
  seeds: [1],
  experiment: { kind: 'budget' },
};

function render(patch: Partial<GridSpec>): string {
  return renderToStaticMarkup(
    <ExperimentFields draft={{ ...DRAFT, ...patch }} update={() => {}} />,
  );
}

/** The radio input of an experiment, by the label that follows it. */
function radio(html: string, label: string): string {
  const at = html.indexOf(`>${label}</span>`);
  const start = html.lastIndexOf('<input', at);
  return html.slice(start, html.indexOf('/>', start));
}

describe('ExperimentFields', () => {
  it('offers budget forcing only with a language model, and says why not otherwise', () => {
    const simulated = render({});
    expect(radio(simulated, 'Budget forcing')).toContain('disabled');
    expect(simulated).toContain('Needs a language model');
    expect(radio(simulated, 'PRM quality')).not.toContain('disabled');
    const model = render({ engine: { ...DEFAULT_WEBLLM_ENGINE, modelId: 'm' } });
    expect(radio(model, 'Budget forcing')).not.toContain('disabled');
    expect(model).not.toContain('Needs a language model');
  });

  it('shows the variable’s values of the chosen experiment', () => {
    const noise = render({ experiment: { kind: 'prm-noise', noises: [0, 0.3] } });
    expect(noise).toContain('PRM noise values');
    expect(noise).toContain('value="0, 0.3"');
    const hints = render({ experiment: { kind: 'step-hints', levels: [0, 2] } });
    expect(hints).toContain('Hint levels j');
    expect(hints).toContain('value="0, 2"');
    const plain = render({});
    expect(plain).not.toContain('values');
  });
});
