import { dayRange } from '../time/day-range.js';

/**
 * Inconsistencies inside one article: an event it tells as past but dates after its own
 * publication, or two of its mentions of one record that give different days or figures.
 * Pure; like contradictions, they are shown, never settled.
 */

export interface ArticleMention {
  readonly eventId: string;
  readonly articleId: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly modality: string;
  readonly date: string | null;
  readonly dateEnd?: string | null;
  readonly datePrecision: string | null;
  readonly magnitudes: ReadonlyArray<{ kind: string; value: number | null; qualifier: string }>;
}

export interface Inconsistency {
  /** 'dated after publication', 'date', or a number's kind prefixed "number:" ("number:killed"). */
  readonly kind: string;
  readonly articleId: string;
  readonly outlet: string | null;
  readonly eventIds: string[];
  /** The values the article gives, in text order (for 'dated after publication': the event's date, then the article's). */
  readonly values: string[];
  readonly note: string;
}

/** Modalities that speak of what has not happened: a date after the article is then expected. */
const FORWARD = new Set(['planned', 'conditional', 'hypothetical', 'negated']);

const DAY_MS = 86_400_000;

function afterPublication(m: ArticleMention): Inconsistency | null {
  if (m.date === null || m.published === null || FORWARD.has(m.modality)) return null;
  const range = dayRange(m.date, m.dateEnd ?? null);
  const published = dayRange(m.published.slice(0, 10), null);
  if (range === null || published === null) return null;
  // The whole of the event's span must fall after the day of publication: "in May" told on 5 May is fine.
  if (range[0] <= published[1]) return null;
  const days = Math.round((range[0] - published[1]) / DAY_MS);
  return {
    kind: 'dated after publication',
    articleId: m.articleId,
    outlet: m.outlet,
    eventIds: [m.eventId],
    values: [m.date, m.published.slice(0, 10)],
    note: `told as ${m.modality} but dated ${m.date}, ${days} day(s) after the article (${m.published.slice(0, 10)})`,
  };
}

function differing(kind: string, stated: ReadonlyArray<{ value: string; m: ArticleMention }>, what: string): Inconsistency | null {
  const values = [...new Set(stated.map((s) => s.value))];
  const first = stated[0];
  if (values.length < 2 || first === undefined) return null;
  return {
    kind,
    articleId: first.m.articleId,
    outlet: first.m.outlet,
    eventIds: [...new Set(stated.map((s) => s.m.eventId))],
    values,
    note: `one article gives ${what} ${values.join(' and ')} for this event`,
  };
}

/**
 * The inconsistencies among one record's mentions, article by article. Mentions are expected
 * in text order within an article.
 */
export function findInconsistencies(mentions: readonly ArticleMention[]): Inconsistency[] {
  const out: Inconsistency[] = [];
  const byArticle = new Map<string, ArticleMention[]>();
  for (const m of mentions) byArticle.set(m.articleId, [...(byArticle.get(m.articleId) ?? []), m]);
  for (const ms of byArticle.values()) {
    for (const m of ms) {
      const late = afterPublication(m);
      if (late) out.push(late);
    }
    // Only day-precise dates can differ on the day; "in January" agrees with any January day.
    const days = ms.filter((m) => m.date !== null && m.datePrecision === 'day').map((m) => ({ value: m.date!.slice(0, 10), m }));
    const date = differing('date', days, 'the dates');
    if (date) out.push(date);
    const kinds = [...new Set(ms.flatMap((m) => m.magnitudes.map((x) => x.kind)))];
    for (const kind of kinds) {
      const exact = ms.flatMap((m) => m.magnitudes.filter((x) => x.kind === kind && x.qualifier === 'exact' && x.value !== null).map((x) => ({ value: String(x.value), m })));
      const n = differing(`number:${kind}`, exact, `${kind} figures`);
      if (n) out.push(n);
    }
  }
  return out;
}
