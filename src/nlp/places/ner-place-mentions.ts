import type { Gazetteer } from '../../knowledge/gazetteer/gazetteer.js';
import { placeKey } from '../../knowledge/gazetteer/place-name.js';
import { leadingUsState } from '../../knowledge/gazetteer/us-state-abbreviations.js';
import type { Span } from '../../text/document.js';
import type { EntityMention } from '../ner/recognize.js';
import { placeNameStrength, recognizePlaceNames } from './place-recognizer.js';
import { classifyPlaceType } from './place-type.js';
import type { PlaceMention } from './resolve-places.js';

/**
 * Place mentions from the statistical tagger's entities, in the text they were tagged on:
 * - every LOC span;
 * - any other span that is itself a well-known place ("Richmond" read as an organisation),
 *   a curated site ("Camp Taji"), or, for MISC, a demonym ("Iraqi");
 * - the places an organisation is named after ("Oakdale" in "Oakdale Fire Department");
 * - a US state abbreviation after a place and a comma ("Alexandria, La.");
 * - the curated sites the tagger missed altogether.
 */
export function placeMentionsFromEntities(
  gazetteer: Gazetteer,
  text: string,
  entities: readonly EntityMention[],
): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  const typed = (start: number, end: number, fallback: string): PlaceMention => ({
    start,
    end,
    type: classifyPlaceType(gazetteer, text.slice(start, end)) ?? fallback,
  });
  for (const e of entities) {
    const name = text.slice(e.start, e.end);
    if (e.type === 'LOC' || placeNameStrength(gazetteer, name) >= 2) mentions.push(typed(e.start, e.end, 'GPE'));
    else if (isCuratedSite(gazetteer, name)) mentions.push(typed(e.start, e.end, 'FAC'));
    else if (e.type === 'MISC' && gazetteer.demonyms.has(placeKey(name))) mentions.push(typed(e.start, e.end, 'GPE'));
    else if (e.type === 'ORG' || e.type === 'MISC') {
      for (const hit of recognizePlaceNames(gazetteer, name)) {
        // Only a name part that is not the whole entity: "Ohio" in "Ohio State University".
        if (hit.end - hit.start < name.length) mentions.push(typed(e.start + hit.start, e.start + hit.end, hit.type));
      }
    }
  }
  mentions.push(...stateAbbreviationsAfter(text, mentions));
  const taken: Span[] = [...entities, ...mentions];
  for (const hit of recognizePlaceNames(gazetteer, text, { curatedOnly: true })) {
    if (taken.some((s) => s.start < hit.end && hit.start < s.end)) continue;
    mentions.push(hit);
    taken.push(hit);
  }
  return dedupe(mentions);
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
