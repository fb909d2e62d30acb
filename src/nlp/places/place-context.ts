import type { Gazetteer } from '../../knowledge/gazetteer/gazetteer.js';
import { lookupPlace } from '../../knowledge/gazetteer/gazetteer.js';
import { UNIT_SUFFIXES } from '../../knowledge/gazetteer/place-name.js';
import { leadingUsState } from '../../knowledge/gazetteer/us-state-abbreviations.js';
import type { Span } from '../../text/document.js';

/**
 * What the words right around a mention say about it: a container written after a comma
 * ("Alexandria, La.", "Paris, Texas", "Mosul, Iraq") and a unit word after the name
 * ("in Anbar province", "Polk County").
 */

export interface Container {
  /** ISO 3166-2 code when the container is an admin-1 unit. */
  readonly admin1: string | null;
  /** ISO3 of the container (or of the admin-1 unit's country). */
  readonly country: string | null;
  readonly label: string;
}

export interface LocalHints {
  readonly containers: readonly Container[];
  readonly unit: 'admin1' | 'admin2' | 'city' | 'region' | null;
}

/** Hints for the mention at `span`, read from the text right after it. */
export function localHints(gazetteer: Gazetteer, text: string, span: Span): LocalHints {
  const after = text.slice(span.end, span.end + 60);
  const unitMatch = /^\s+([A-Za-z]+)\b/.exec(after);
  const unit = unitMatch === null ? null : (UNIT_SUFFIXES.get(unitMatch[1]!.toLowerCase()) ?? null);
  return { containers: commaContainers(gazetteer, after), unit };
}

// ", La." / ", FL" / ", Texas" / ", Iraq" / ", Ontario, Canada": each admin-1 or country named.
function commaContainers(gazetteer: Gazetteer, after: string): Container[] {
  const comma = /^,\s*/.exec(after);
  if (comma === null) return [];
  const rest = after.slice(comma[0].length);
  const abbreviation = leadingUsState(rest);
  if (abbreviation !== null) {
    return [{ admin1: abbreviation[0], country: 'USA', label: rest.slice(0, abbreviation[1]) }];
  }
  const phrase = /^[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3}/u.exec(rest);
  if (phrase === null) return [];
  const words = phrase[0].replace(/[.,]$/, '').split(/\s+/);
  // The longest leading run of words that names a country or admin-1 unit.
  for (let n = words.length; n > 0; n -= 1) {
    const label = words.slice(0, n).join(' ');
    const found = lookupPlace(gazetteer, label).filter(
      (c) => c.match !== 'demonym' && (c.kind === 'country' || c.kind === 'admin1'),
    );
    if (found.length > 0) return found.map((c) => ({ admin1: c.kind === 'admin1' ? c.admin1 : null, country: c.country, label }));
  }
  return [];
}
