import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBLLM_ENGINE } from '../../run/settings';
import { WebLlmFields } from './WebLlmFields';

describe('WebLlmFields', () => {
  const html = renderToStaticMarkup(<WebLlmFields engine={DEFAULT_WEBLLM_ENGINE} />);
  const shown = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');

  it('does not promise that the cache-aware order leaves the answers alone (issue 17, item 2)', () => {
    expect(shown).not.toContain('same choices');
    expect(html).not.toContain('The search picks the same nodes either way');
    expect(shown).toContain("may change the model's answers");
  });

  it('offers top-p and the three penalties (issue 17, item 4)', () => {
    for (const label of ['Top-p', 'Repetition penalty', 'Presence penalty', 'Frequency penalty']) {
      expect(shown).toContain(label);
    }
  });
});
