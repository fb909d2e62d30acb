import { type Gazetteer, lookupPlace } from '../../knowledge/gazetteer/gazetteer.js';
import { placeKey } from '../../knowledge/gazetteer/place-name.js';
import type { ToponymWords } from '../../knowledge/gazetteer/toponym-words.js';
import { leadingUsState, usStateByAbbreviation } from '../../knowledge/gazetteer/us-state-abbreviations.js';
import type { Span } from '../../text/document.js';
import type { EntityMention } from '../ner/recognize.js';
import { placeNameStrength, recognizePlaceNames } from './place-recognizer.js';
import { classifyPlaceType } from './place-type.js';
import type { PlaceMention } from './resolve-places.js';

/**
 * Place mentions from the statistical tagger's entities, in the text they were tagged on:
 * - every LOC span;
 * - any other span that is itself a well-known place ("Richmond" read as an organisation),
 *   a curated site ("Camp Taji"), or, for MISC, a demonym ("Iraqi"), unless the document
 *   shows it is a person ("Nelson" after "Dewly Nelson", "coach Ripley");
 * - a name the gazetteer knows after a preposition of place ("in Tyler");
 * - any span whose first or last word makes it a place ("Butler County", "Swan Street");
 * - the places an organisation is named after ("Oakdale" in "Oakdale Fire Department");
 * - a US state abbreviation after a place and a comma ("Alexandria, La.");
 * - the curated sites the tagger missed altogether.
 * The bounds then follow the name as written: the period of "U.S." and "W.Va.", the unit word
 * of "Orange County", not the school of "Ohio State".
 */
export function placeMentionsFromEntities(
  gazetteer: Gazetteer,
  text: string,
  entities: readonly EntityMention[],
  words: ToponymWords,
): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  const typed = (start: number, end: number, fallback: string): PlaceMention => ({
    start,
    end,
    type: classifyPlaceType(gazetteer, text.slice(start, end)) ?? fallback,
  });
  const personWords = wordsOfFullNames(text, entities);
  for (const e of entities) {
    const name = text.slice(e.start, e.end);
    if (e.type === 'PER' && isPersonInDocument(text, e, personWords, words)) continue;
    if (e.type === 'LOC' && isUnknownWord(gazetteer, name, words)) continue;
    if (e.type === 'LOC' || placeNameStrength(gazetteer, name) >= 2) mentions.push(typed(e.start, e.end, 'GPE'));
    else if (isCuratedSite(gazetteer, name)) mentions.push(typed(e.start, e.end, 'FAC'));
    else if (e.type === 'MISC' && gazetteer.demonyms.has(placeKey(name))) mentions.push(typed(e.start, e.end, 'GPE'));
    else if (afterLocativePreposition(text, e.start, words) && lookupPlace(gazetteer, name).some((c) => c.match !== 'demonym')) {
      mentions.push(typed(e.start, e.end, 'GPE'));
    } else if (hasPlaceWord(name, e.type, words)) mentions.push(typed(e.start, e.end, 'GPE'));
    else if (e.type === 'ORG' || e.type === 'MISC') {
      for (const part of placesInsideName(gazetteer, name, words)) mentions.push(typed(e.start + part.start, e.start + part.end, 'GPE'));
    }
  }
  const bounded = mentions.flatMap((m) => splitAtComma(gazetteer, text, m)).map((m) => asWritten(gazetteer, text, m, words));
  bounded.push(...stateAbbreviationsAfter(text, bounded));
  const taken: Span[] = [...entities, ...bounded];
  for (const hit of recognizePlaceNames(gazetteer, text, { curatedOnly: true })) {
    if (taken.some((s) => s.start < hit.end && hit.start < s.end)) continue;
    bounded.push(hit);
    taken.push(hit);
  }
  return dedupe(bounded);
}

// The words of the document's multi-word person names: "Nelson" once "Dewly Nelson" is named.
function wordsOfFullNames(text: string, entities: readonly EntityMention[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const e of entities) {
    if (e.type !== 'PER') continue;
    const parts = text.slice(e.start, e.end).split(/\s+/);
    if (parts.length > 1) for (const part of parts) out.add(part);
  }
  return out;
}

/**
 * A one-word person name that is also a town's: the document names the person in full
 * elsewhere, or a title stands before it. Towns named after people are common (Nelson,
 * Henderson, Tyler); the tagger's PER alone does not tell them apart, the document does.
 */
function isPersonInDocument(text: string, e: Span, personWords: ReadonlySet<string>, words: ToponymWords): boolean {
  const name = text.slice(e.start, e.end);
  if (/\s/.test(name)) return false;
  if (personWords.has(name)) return true;
  const before = /(\p{L}+)\.?\s+$/u.exec(text.slice(Math.max(0, e.start - 20), e.start));
  return before !== null && words.personTitles.has(before[1]!.toLowerCase());
}

/**
 * The places an organisation or other name holds, as spans of the name: a well-known place in
 * it ("Ohio" in "Ohio State University"), a county ("Butler County" in "Butler County
 * Auditor"), a known town before a local institution ("Slidell" in "Slidell PD"), and the
 * places a hyphen joins ("India-Pakistan", "Logan-Rogersville", "R-Westfield").
 */
function placesInsideName(gazetteer: Gazetteer, name: string, words: ToponymWords): Span[] {
  const found: Span[] = [];
  for (const hit of recognizePlaceNames(gazetteer, name)) {
    // Only a name part that is not the whole entity, and not the institution: "Police" is a
    // Polish town, not in "Swanton Police".
    if (hit.end - hit.start < name.length && !words.localInstitutionWords.has(name.slice(hit.start, hit.end))) found.push(hit);
  }
  for (const m of name.matchAll(/\s(\p{Lu}\p{Ll}+)\b/gu)) {
    if (!words.unitWords.has(m[1]!)) continue;
    // One or two capitalized words before the unit: "Vanderburgh County" of "Vanderburgh County Sheriff".
    const before = /(?:\p{Lu}[\p{L}.'’]*\s){0,1}\p{Lu}[\p{L}.'’]*$/u.exec(name.slice(0, m.index));
    if (before === null) continue;
    const start = before.index + (/^(?:The|A)\s/.exec(before[0])?.[0].length ?? 0);
    const end = m.index + m[0].length;
    if (end - start < name.length) found.push({ start, end });
  }
  const lead = /^(\p{Lu}[\p{L}.'’]*(?:\s\p{Lu}[\p{L}.'’]*)?)\s(\p{Lu}[\p{L}'’]*)/u.exec(name);
  if (lead !== null && words.localInstitutionWords.has(lead[2]!) && placeNameStrength(gazetteer, lead[1]!) >= 1) {
    found.push({ start: 0, end: lead[1]!.length });
  }
  const parts = name.split(/(-)/);
  if (parts.length > 1 && !/\s/.test(name)) {
    // Either side of "X-Y" when both are places, or after a party's letter.
    const known = parts.map((p, i) => i % 2 === 0 && placeNameStrength(gazetteer, p) >= 1);
    let at = 0;
    parts.forEach((p, i) => {
      const peers = parts.filter((_, k) => k % 2 === 0 && k !== i);
      const party = i > 0 && words.partyPrefixes.has(parts[i - 2] ?? '');
      if (known[i] && (party || peers.every((q) => placeNameStrength(gazetteer, q) >= 1))) found.push({ start: at, end: at + p.length });
      at += p.length;
    });
  }
  // The longest of overlapping finds: "Butler County" over "Butler".
  return found
    .sort((a, b) => b.end - b.start - (a.end - a.start))
    .filter((s, i, all) => !all.slice(0, i).some((o) => o.start < s.end && s.start < o.end));
}

// "in Tyler", "from Lanexa": a name the gazetteer knows, after a preposition of place.
function afterLocativePreposition(text: string, start: number, words: ToponymWords): boolean {
  const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, start - 16), start));
  return before !== null && words.locativePrepositions.has(before[1]!.toLowerCase());
}

/**
 * A one-word LOC the gazetteer does not know that is an acronym ("TB", "NASA") or an ordinary
 * word capitalized ("Section", "Health", "Park"). The tagger's LOC alone is weak evidence for
 * it; a place the gazetteer knows, or a longer name, keeps the tagger's word.
 */
function isUnknownWord(gazetteer: Gazetteer, name: string, words: ToponymWords): boolean {
  if (/\s/.test(name) || lookupPlace(gazetteer, name).length > 0) return false;
  return /^\p{Lu}[\p{Lu}.&-]{0,5}$/u.test(name) || words.ordinaryWord(name);
}

// An organisation can start with a place's head word ("Mount Pleasant Fire Department"): its
// place is found inside it; only the tail word decides for organisations.
function hasPlaceWord(name: string, type: EntityMention['type'], words: ToponymWords): boolean {
  const parts = name.split(/\s+/);
  if (parts.length < 2) return false;
  if (words.placeTails.has(parts.at(-1)!)) return true;
  return type !== 'ORG' && words.placeHeads.some((head) => name.startsWith(`${head} `));
}

/**
 * The mention's bounds as the name is written: an abbreviation keeps its final period,
 * which the tokenizer gives to the sentence ("U.S.", "W.Va.", "Sask."); a unit word the
 * tagger left out comes back ("Orange" + " County"); "Ohio State" (a school or its team)
 * names Ohio.
 */
function asWritten(gazetteer: Gazetteer, text: string, m: PlaceMention, words: ToponymWords): PlaceMention {
  const name = text.slice(m.start, m.end);
  if (text[m.end] === '.' && isAbbreviation(name, words)) return { ...m, end: m.end + 1 };
  const unit = /^ (\p{Lu}\p{Ll}+)/u.exec(text.slice(m.end, m.end + 12));
  if (unit !== null && words.unitWords.has(unit[1]!)) return { ...m, end: m.end + unit[0].length };
  const parts = name.split(' ');
  if (parts.length === 2 && words.institutionTails.has(parts[1]!) && isStateOrCountry(gazetteer, parts[0]!)) {
    return { ...m, end: m.start + parts[0]!.length };
  }
  return m;
}

// "Washington, D.C." tagged as one name is a place and its container: two mentions.
function splitAtComma(gazetteer: Gazetteer, text: string, m: PlaceMention): PlaceMention[] {
  const name = text.slice(m.start, m.end);
  const comma = name.indexOf(', ');
  if (comma < 0) return [m];
  const first = name.slice(0, comma);
  const second = name.slice(comma + 2);
  if (placeNameStrength(gazetteer, first) === 0 || (placeNameStrength(gazetteer, second) === 0 && usStateByAbbreviation(second) === null)) {
    return [m];
  }
  return [
    { start: m.start, end: m.start + comma, type: classifyPlaceType(gazetteer, first) ?? m.type },
    { start: m.start + comma + 2, end: m.end, type: classifyPlaceType(gazetteer, second) ?? 'GPE' },
  ];
}

function isAbbreviation(name: string, words: ToponymWords): boolean {
  // "U.S", "W.Va", "D.C": a period inside and one to three letters after the last one; "Ft. Lee" has a space and ends no abbreviation.
  if (/\.\p{L}{1,3}$/u.test(name)) return true;
  return usStateByAbbreviation(`${name}.`) !== null || words.provinceAbbreviations.has(`${name}.`);
}

function isStateOrCountry(gazetteer: Gazetteer, name: string): boolean {
  return (gazetteer.byKey.get(placeKey(name)) ?? []).some((at) => {
    const kind = gazetteer.records[at]!.kind;
    return kind === 'admin1' || kind === 'country';
  });
}

// "Alexandria, La." and "Columbus, Ohio": the tagger often leaves the abbreviated state out.
function stateAbbreviationsAfter(text: string, mentions: readonly PlaceMention[]): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const m of mentions) {
    const comma = /^,\s*/.exec(text.slice(m.end, m.end + 3));
    if (comma === null) continue;
    const start = m.end + comma[0].length;
    const state = leadingUsState(text.slice(start, start + 12));
    if (state !== null && !mentions.some((o) => o.start === start)) out.push({ start, end: start + state[1], type: 'GPE' });
  }
  return out;
}

function dedupe(mentions: readonly PlaceMention[]): PlaceMention[] {
  const seen = new Set<string>();
  return [...mentions]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((m) => {
      const key = `${m.start}:${m.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function isCuratedSite(gazetteer: Gazetteer, name: string): boolean {
  return recognizePlaceNames(gazetteer, name, { curatedOnly: true }).some((hit) => hit.start === 0 && hit.end === name.length);
}
