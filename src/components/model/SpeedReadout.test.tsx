import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SpeedReadout } from './SpeedReadout';

const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');

describe('SpeedReadout (issue 17, item 2)', () => {
  it('says that the cache-aware order may change the answers on web-llm, and where the naive order is', () => {
    const shown = text(renderToStaticMarkup(<SpeedReadout stats={null} cacheAware />));
    expect(shown).toContain("Cache-aware order may change the model's answers on web-llm");
    expect(shown).toContain('Cache-aware ordering');
  });

  it('says nothing of it in the naive order', () => {
    const shown = text(renderToStaticMarkup(<SpeedReadout stats={null} cacheAware={false} />));
    expect(shown).not.toContain('may change');
  });

  it("says the saving was counted over this run's own answers", () => {
    const shown = text(renderToStaticMarkup(<SpeedReadout stats={null} cacheAware />));
    expect(shown).toContain("replayed over this run's own answers in both orders");
  });
});
