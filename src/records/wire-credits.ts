/**
 * Wire credits: the marks by which an article says its text (or part of it) came from a news
 * agency. Two reports crediting the same agency are one witness, and so are an agency's own
 * report and another outlet's copy of it. Pure: text and byline in, credits out.
 *
 * Only credits count, not citations: "BAGHDAD (Reuters) -", "— AFP", "Reporting by … for
 * Reuters", "Agence France-Presse contributed to this report", a byline "Reuters staff", a
 * "Source: Xinhua" line. "According to Reuters" or "told AFP" cite an agency inside one's own
 * reporting and are left alone.
 */

export interface WireCredit {
  /** The agency, named as the outlet registry names it; null for "with agency reports". */
  readonly wire: string | null;
  /** How the credit was found: dateline, signoff, contributed, byline, source line, agency reports. */
  readonly kind: 'dateline' | 'signoff' | 'contributed' | 'byline' | 'source' | 'agency reports';
  /** The matched words, as written. */
  readonly text: string;
}

/** Agencies and the spellings that credit them; names are the outlet registry's. */
const WIRES: ReadonlyArray<{ name: string; spellings: string }> = [
  { name: 'Reuters', spellings: 'Thomson Reuters|Reuters' },
  { name: 'Associated Press', spellings: 'The Associated Press|Associated Press|AP' },
  { name: 'Agence France-Presse', spellings: 'Agence France[- ]Presse|AFP' },
  { name: 'Xinhua News Agency', spellings: 'Xinhua News Agency|Xinhua' },
  { name: 'TASS', spellings: 'ITAR-TASS|TASS' },
  { name: 'Anadolu Agency', spellings: 'Anadolu Agency|Anadolu' },
  { name: 'Islamic Republic News Agency', spellings: 'IRNA' },
  { name: 'dpa', spellings: 'Deutsche Presse-Agentur|dpa' },
  { name: 'Bloomberg', spellings: 'Bloomberg News|Bloomberg' },
];

const ANY_WIRE = WIRES.map((w) => w.spellings).join('|');

/** The registry name for a wire spelling ("AFP" → "Agence France-Presse"). */
export function wireName(spelling: string): string | null {
  const s = spelling.trim();
  for (const w of WIRES) if (new RegExp(`^(?:${w.spellings})$`, 'i').test(s)) return w.name;
  return null;
}

/** The wire an outlet is, when it is one ("Reuters", "AFP", "The Associated Press"). */
export const outletAsWire = (outlet: string | null): string | null => (outlet === null ? null : wireName(outlet));

const DASH = '[-\u2013\u2014]';

/**
 * Patterns and the capture group holding the agency. Case matters for the short forms: "AP"
 * and "dpa" are credits, "ap" inside a word is not (the word boundaries see to that).
 */
const PATTERNS: ReadonlyArray<{ kind: WireCredit['kind']; re: RegExp }> = [
  // "BAGHDAD (Reuters) -", "(AP) —", "Tehran, Jan 5 (IRNA) -".
  { kind: 'dateline', re: new RegExp(`\\((${ANY_WIRE})\\)\\s*${DASH}`, 'g') },
  // "… the base. — AFP" or a closing line "(AFP)" / "- Reuters" at the end of a paragraph.
  { kind: 'signoff', re: new RegExp(`(?:^|[.!?”"]\\s*)(?:${DASH}{1,2}|\\()\\s*(${ANY_WIRE})\\)?\\s*$`, 'gm') },
  // "Reporting by Jane Doe in Baghdad; Editing by …" with the agency on the line, or "… for Reuters".
  { kind: 'signoff', re: new RegExp(`Reporting by [^\\n]{0,200}?\\b(?:for|by)\\s+(${ANY_WIRE})\\b`, 'g') },
  // "Agence France-Presse contributed to this report", "Associated Press writer Jo Roe contributed".
  { kind: 'contributed', re: new RegExp(`\\b(${ANY_WIRE})\\b(?: (?:writers?|reporters?|correspondents?) [^\\n.]{0,80}?)? contributed\\b`, 'g') },
  // "Source: Xinhua", "Copyright 2020 The Associated Press".
  { kind: 'source', re: new RegExp(`(?:^|\\n)\\s*(?:Source|Credit)s?:\\s*(${ANY_WIRE})\\b`, 'g') },
  { kind: 'source', re: new RegExp(`(?:Copyright|©)\\s*(?:\\d{4}\\s+)?(${ANY_WIRE})\\b`, 'g') },
];

const AGENCY_REPORTS = /\b(?:with|from|based on)\s+(?:news\s+)?(?:agency|agencies|wire)\s+(?:reports|services|copy)\b|\bagencies contributed\b/gi;

/** "AP Photo/Jo Roe" credits a picture, not the text. */
const isPhotoCredit = (text: string, end: number): boolean => /^\s*(?:Photo|Images?|Video)\b/i.test(text.slice(end, end + 12));

/**
 * The wire credits in an article: its text (only the first and last lines are looked at by
 * callers that pass a head and a tail) and its byline ("Reuters Staff", "By AFP").
 */
export function detectWireCredits(text: string, byline: string | null = null): WireCredit[] {
  const out: WireCredit[] = [];
  const add = (wire: string | null, kind: WireCredit['kind'], matched: string): void => {
    if (!out.some((c) => c.wire === wire && c.kind === kind)) out.push({ wire, kind, text: matched.trim() });
  };
  for (const { kind, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const spelling = m[1];
      if (spelling === undefined || isPhotoCredit(text, (m.index ?? 0) + m[0].length)) continue;
      const wire = wireName(spelling);
      if (wire !== null) add(wire, kind, m[0]);
    }
  }
  for (const m of text.matchAll(AGENCY_REPORTS)) add(null, 'agency reports', m[0]);
  if (byline) {
    const by = new RegExp(`^(?:By\\s+)?(${ANY_WIRE})(?:\\s+(?:staff|reporters?|news desk|wire))?$`, 'i').exec(byline.trim());
    const also = new RegExp(`\\b(?:and|&|,)\\s*(${ANY_WIRE})$`).exec(byline.trim());
    for (const m of [by, also]) {
      const wire = m?.[1] === undefined ? null : wireName(m[1]);
      if (wire !== null) add(wire, 'byline', byline);
    }
  }
  return out;
}

/** The named wires an article credits, each once, in order of first credit. */
export const creditedWires = (credits: readonly WireCredit[]): string[] => [...new Set(credits.map((c) => c.wire).filter((w): w is string => w !== null))];
