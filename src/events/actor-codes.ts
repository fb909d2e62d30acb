import roles from '../knowledge/lexicon/actor-roles.json' with { type: 'json' };

/**
 * CAMEO actor codes for event participants: the registry actor's own code when the words
 * are linked to one, else a code built from the context, a country (from a demonym or a
 * country name) and a role word ("Israeli military" → ISRMIL, "militants" → UAF).
 */

/** What the event stage needs to know about actors (a narrow view of the registry). */
export interface ActorFacts {
  readonly cameo: (actorId: string) => string | null;
  readonly country: (actorId: string) => string | null;
  readonly sector: (actorId: string) => string | null;
  /** ISO3 of a demonym or country name ("Israeli", "Iraqis", "Syria"), else null. */
  readonly countryOfWord: (word: string) => string | null;
  readonly hasActor: (actorId: string) => boolean;
  /** The CAMEO code of the first group the actor belongs to (a commander → his group's code). */
  readonly memberCameo: (actorId: string) => string | null;
  /** Whether the registry knows the actor as a person (not a state, body or group). */
  readonly isPerson: (actorId: string) => boolean;
}

/** Role words in noun phrases, and the CAMEO role code they give. */
const ROLE_WORDS: Readonly<Record<string, string>> = roles.roleWords;

const SECTOR_ROLE: Readonly<Record<string, string>> = roles.sectorRoles;

const ROLE_CODES: ReadonlySet<string> = new Set([...Object.values(ROLE_WORDS), ...Object.values(SECTOR_ROLE)]);

const VESSEL_PREFIXES: Readonly<Record<string, string>> = roles.vesselPrefixes.prefixes;

const GROUP_HEADS: ReadonlySet<string> = new Set(roles.groupHeads.words);

const GROUP_MODIFIER_ROLES: Readonly<Record<string, string>> = roles.groupModifierRoles.roles;

/** A navy's code from a ship's name: "USS Boxer" → USAMIL, "HMS Montrose" → GBRMIL; else null. */
export function vesselCameo(name: string): string | null {
  const prefix = /^(?:the\s+)?([A-Z]{2,5})\s+\S/.exec(name)?.[1];
  return prefix ? (VESSEL_PREFIXES[prefix] ?? null) : null;
}

/**
 * Whether a noun names a body of people ("group", "cell", "faction"), which "it" can stand for;
 * "chief", which heads the same phrases, names a person.
 */
export function isGroupNoun(word: string): boolean {
  const w = word.toLowerCase();
  return GROUP_HEADS.has(w) && roleOfWord(w) === null && !/^chiefs?$/.test(w);
}

/** Whether a three-letter code is a role ("MIL", "GOV") rather than a country ("IRN"). */
export function isRoleCode(code: string): boolean {
  return ROLE_CODES.has(code);
}

export function roleOfWord(word: string): string | null {
  return ROLE_WORDS[word] ?? null;
}

/**
 * The role a phrase's head gives it, and a group noun the role of a word before it:
 * "an armed group" → UAF, "a rebel faction" → REB ("the group" alone has none).
 */
export function roleOfPhrase(words: readonly string[], head: string | null): string | null {
  if (!head) return null;
  // "fire fighters" are no armed fighters: a two-word role before the one-word one.
  const at = words.lastIndexOf(head);
  const pair = at > 0 ? roleOfWord(`${words[at - 1]!.toLowerCase()} ${head.toLowerCase()}`) : null;
  if (pair) return pair;
  const own = roleOfWord(head);
  if (own || !GROUP_HEADS.has(head.toLowerCase())) return own;
  const before = words.slice(0, Math.max(0, words.lastIndexOf(head))).map((w) => GROUP_MODIFIER_ROLES[w.toLowerCase()]);
  return before.findLast((r) => r !== undefined) ?? null;
}

/** The registry's code, else country + sector role ("IRQ" + "MIL"). */
export function actorCameo(facts: ActorFacts, actorId: string): string | null {
  const own = facts.cameo(actorId) ?? facts.memberCameo(actorId);
  if (own) return own;
  const country = facts.country(actorId);
  const sector = facts.sector(actorId);
  const role = sector ? (SECTOR_ROLE[sector] ?? '') : '';
  return country || role ? `${country ?? ''}${role}` || null : null;
}

/** A code from words alone: the country any word names, then the role of the head word. */
export function contextCameo(facts: ActorFacts, words: readonly string[], head: string | null): string | null {
  let country: string | null = null;
  for (const w of words) {
    country = facts.countryOfWord(w);
    if (country) break;
  }
  let role = roleOfPhrase(words, head);
  // "Iraqi security forces", "riot police forces": police, not the army.
  if (role === 'MIL' && head === 'forces' && words.includes('security')) role = 'COP';
  if (!country && !role) return null;
  return `${country ?? ''}${role ?? ''}`;
}

/** The registry actor for a country's role ("irq-mil" for Iraqi troops), when one exists. */
export function countryRoleActor(facts: ActorFacts, cameo: string | null): string | null {
  if (cameo?.length !== 6) return null;
  const id = `${cameo.slice(0, 3)}-${cameo.slice(3)}`.toLowerCase();
  return facts.hasActor(id) ? id : null;
}
