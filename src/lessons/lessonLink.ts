/**
 * A lesson's place in the page's link (issue 11): `?lesson=mcts-and-prms&chapter=3&step=2`
 * opens a bundled lesson at chapter 3, step 2 (1-based, as a teacher counts them);
 * `?lessonUrl=lessons/mine.json&chapter=…` a lesson file on this site. A lesson opened from a
 * file on the user's disk has no link (share the file instead).
 */

/** What a lesson link asks for, chapter and step 0-based. */
export interface LessonLink {
  source: { kind: 'bundled'; id: string } | { kind: 'link'; url: string };
  chapter: number;
  step: number;
}

/** A 1-based count in a link, 0-based; a missing or unreadable one is the first. */
function place(raw: string | null): number {
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 1 ? n - 1 : 0;
}

/** The lesson a page link names, or null when it names none. */
export function parseLessonLink(query: string | URLSearchParams): LessonLink | null {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const id = params.get('lesson');
  const url = params.get('lessonUrl');
  const source =
    id !== null && id !== ''
      ? { kind: 'bundled' as const, id }
      : url !== null && url !== ''
        ? { kind: 'link' as const, url }
        : null;
  if (source === null) return null;
  return { source, chapter: place(params.get('chapter')), step: place(params.get('step')) };
}

/** The link query of a lesson at a place (chapter and step 0-based). */
export function lessonLinkQuery(link: LessonLink): string {
  const params = new URLSearchParams();
  if (link.source.kind === 'bundled') params.set('lesson', link.source.id);
  else params.set('lessonUrl', link.source.url);
  params.set('chapter', String(link.chapter + 1));
  params.set('step', String(link.step + 1));
  return params.toString();
}
