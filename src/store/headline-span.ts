import { sql } from 'kysely';

/**
 * Where an article's headline ends in its stored text (`a` is the articles table): its
 * body_start when the headline was put in front of the body; the title's length when the body
 * itself opens with the title (a digest's first line, a page whose text starts with its
 * headline: text/headline.ts leaves those as they are); else 0, no headline in the text.
 * An event mention starting before it is told in the headline. The linker reads it in
 * JavaScript, with the text it reads once per article (article-text-cuts.ts): the two agree.
 */
export const headlineEnd = sql<number>`(CASE WHEN a.body_start > 0 THEN a.body_start WHEN a.title <> '' AND substr(a.text, 1, length(a.title)) = a.title THEN length(a.title) ELSE 0 END)`;
