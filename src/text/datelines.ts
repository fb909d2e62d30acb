/**
 * Datelines: where a wire paragraph says where (and sometimes when, and for whom) it was filed,
 * before its own text starts. "KESSOW, Velmaria (Example Wire) — ", "PORT HALVERN (EW) - ",
 * "PORT HALVERN/KESSOW, Velmaria, June 3 (Example Wire) -- ", "June 3 (EW) -- ", "Kessow: ",
 * and the mixed-case forms some papers print, "Port Halvern, Velmaria — ", "Kessow, Oct 27: ".
 *
 * A dateline names a place of filing, never an actor of the story, and it is each outlet's own
 * (a copy drops or rewrites it), so the events stage and the repeated-passage finder both need
 * to know where it ends. This is the one place that decides.
 */
const DATELINES: readonly RegExp[] = [
  // All capitals: "BAGHDAD, March 4 -", "PORT HALVERN (Reuters) -", "KESSOW: ".
  /^\p{Lu}[\p{Lu}\s.'’/-]*(?:\([^)\n]{1,30}\))?(?:,[^\n–—:-]{1,40})?\s*(?:[–—]|-{1,2}|:)\s/u,
  // Anything short before an agency's name in parentheses: "June 3 (EW) -- ".
  /^[\p{L}\p{N}.,\s]{1,30}\([^)\n]{1,30}\)\s*(?:[–—]|-{1,2}|:)\s/u,
  // Mixed case, capitalised words (and a day's number) after commas, closed by a true dash (a
  // hyphen there would too often be a sentence's own aside) or a colon: "Port Halvern, Velmaria — ",
  // "Kessow, Oct 27: ".
  /^\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,2}(?:,\s(?:\p{Lu}[\p{L}'’.-]*|\d{1,2})(?:\s(?:\p{Lu}[\p{L}'’.-]*|\d{1,2})){0,2}){1,2}(?:\s[–—]|:)\s/u,
];

/**
 * A city and a colon: "Kessow: ". Also how a headline names its speaker ("Osk: talks have
 * failed"), so only what is no sentence's own text (a copy's repeated passage) may skip it.
 */
const CITY_COLON = /^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?:\s/u;

/** How far a dateline looks into a paragraph. */
const DATELINE_REACH = 100;

/**
 * The length of the dateline that opens `line` (the text from a paragraph's first character on),
 * or 0 when it opens with none. `cityColon` also takes a bare "Kessow: ", which may be a speaker.
 */
export function datelineLength(line: string, options: { readonly cityColon?: boolean } = {}): number {
  const head = line.slice(0, DATELINE_REACH);
  for (const dateline of options.cityColon ? [...DATELINES, CITY_COLON] : DATELINES) {
    const match = dateline.exec(head);
    if (match) return match[0].length;
  }
  return 0;
}
