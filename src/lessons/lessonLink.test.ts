import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lessonLinkQuery, parseLessonLink } from './lessonLink';

describe('lesson links', () => {
  it('reads chapter and step 1-based, as a teacher counts them', () => {
    expect(parseLessonLink('?lesson=mcts-and-prms&chapter=3&step=2')).toEqual({
      source: { kind: 'bundled', id: 'mcts-and-prms' },
      chapter: 2,
      step: 1,
    });
  });

  it('a link to a lesson file on this site, and the first step when the place is missing or bad', () => {
    expect(parseLessonLink('lessonUrl=lessons%2Fmine.json&chapter=0&step=x')).toEqual({
      source: { kind: 'link', url: 'lessons/mine.json' },
      chapter: 0,
      step: 0,
    });
  });

  it('names no lesson without lesson= or lessonUrl=', () => {
    expect(parseLessonLink('task=game24&algo=mcts')).toBeNull();
    expect(parseLessonLink('lesson=')).toBeNull();
  });

  it('writes what it reads, at any place', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({
            kind: fc.constant('bundled' as const),
            id: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
          }),
          fc.record({
            kind: fc.constant('link' as const),
            url: fc.webPath({ size: 'small' }).filter((u) => u !== ''),
          }),
        ),
        fc.nat(40),
        fc.nat(60),
        (source, chapter, step) => {
          const link = { source, chapter, step };
          expect(parseLessonLink(lessonLinkQuery(link))).toEqual(link);
        },
      ),
    );
  });
});
