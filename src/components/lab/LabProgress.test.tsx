import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LabProgressViewProps } from './LabProgress';
import { LabProgressView } from './LabProgress';

const noop = () => {};

function render(patch: Partial<LabProgressViewProps>): string {
  return renderToStaticMarkup(
    <LabProgressView
      status="running"
      progress={{ done: 30, total: 120, failed: 2, elapsedMs: 15_000, etaMs: 45_000 }}
      error={null}
      onPause={noop}
      onResume={noop}
      onCancel={noop}
      {...patch}
    />,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('LabProgressView', () => {
  it('shows runs done of planned, failed runs, time spent and left, and a quarter-full bar', () => {
    const html = render({});
    expect(text(html)).toContain('Running 30 of 120 runs 2 failed 15 s spent about 45 s left');
    expect(html).toContain('aria-valuenow="30"');
    expect(html).toContain('aria-valuemax="120"');
    expect(html).toContain('width:25%');
    expect(text(html)).toContain('Pause');
    expect(text(html)).not.toContain('Resume');
  });

  it('offers Resume when paused, and no estimate before there is a basis', () => {
    const html = render({
      status: 'paused',
      progress: { done: 0, total: 8, failed: 0, elapsedMs: 0, etaMs: null },
    });
    expect(text(html)).toContain('Resume');
    expect(text(html)).toContain('estimating time left…');
  });

  it('says a cancelled grid keeps its runs, disables Cancel, and shows an error as text', () => {
    const cancelled = render({ status: 'cancelled' });
    expect(text(cancelled)).toContain('Cancelled — the finished runs are kept');
    expect(cancelled).not.toContain('left');
    expect(cancelled).toMatch(/<button type="button"[^>]*disabled=""[^>]*>Cancel<\/button>/);
    const failed = render({ status: 'failed', error: '<img src=x>' });
    expect(failed).toContain('&lt;img src=x&gt;');
    expect(failed).not.toContain('<img');
  });
});
