import { nameWords } from '../knowledge/actors/actor-names.js';
import holdingWords from '../knowledge/lexicon/holding-words.json' with { type: 'json' };
import roles from '../knowledge/lexicon/actor-roles.json' with { type: 'json' };

/**
 * What makes two reports' actors disagree: who an actor is, not how a report words it. A report
 * naming "unknown gunmen" or "the troops" says nothing about who did it, so it disagrees with no
 * one; "Hisham al-Hashimi" and "Hisham al-Hashemi" are one man spelled twice.
 */

/** CAMEO role codes (the role words' and the registry sectors'): a code made of these alone names a kind of actor, not an actor. */
const ROLE_CODES: ReadonlySet<string> = new Set([...Object.values(roles.roleWords), ...Object.values(roles.sectorRoles)]);

/**
 * Whether an actor no registry entry resolves still says who it is by its CAMEO code: a state or
 * group part ("Iranian" IRN, "Turkish troops" TURMIL, "Iranian proxies" IRNUAF), not a kind of
 * actor alone ("gunmen" UAF, "insurgents", "the troops" MIL).
 */
export function codeNamesActor(cameo: string | null): boolean {
  if (!cameo || cameo.length % 3 !== 0) return false;
  const parts: string[] = cameo.match(/.{3}/g) ?? [];
  return parts.some((p) => !ROLE_CODES.has(p));
}

/** A people's adjective ("Iranian", "Houthi", "Turkish", "Lebanese"), a possessive ("Iran's") or "pro-X" in a name: whose the actor is. */
const WHOSE = /(?:^|[\s-])\p{Lu}\p{L}*(?:ian|ese|ish|i|an)(?=\s|$)|\p{Lu}\p{L}*['’]s(?=\s|$)|\bpro-\p{Lu}/u;

/**
 * Whether an actor no registry entry resolves says who it is: a state named alone ("Tehran",
 * "Iranian": its code is the state's), or a code with a state or group part whose own words say
 * so ("Iranian proxies", "Turkish troops"). The events stage codes a bare "Gunmen" or "the
 * troops" by the country around them (IRQUAF, TURMIL); the words say not whose they are.
 */
export function unresolvedNamesActor(name: string, cameo: string | null): boolean {
  return stateKeyOfCode(cameo) !== null || (codeNamesActor(cameo) && WHOSE.test(name));
}

/**
 * The state an unresolved actor stands for when its code is a state's alone: "Tehran", "Iranian"
 * (IRN) are Iran, keyed as the registry keys a state and its organs ("cc-irn"); "Iranian troops"
 * (IRNMIL) are an organ the code does not name. Null otherwise.
 */
export function stateKeyOfCode(cameo: string | null): string | null {
  return cameo && /^[A-Z]{3}$/.test(cameo) && !ROLE_CODES.has(cameo) && cameo !== 'IGO' ? `cc-${cameo.toLowerCase()}` : null;
}

export const isPersonKey = (key: string): boolean => key.startsWith('new:person:') || key.startsWith('per-');

/** A person's name as compared across spellings: the fold of the last name (a final vowel dropped: "Hashimi"/"Hashim"), and of the first when given. */
function personSignature(name: string): { first: string | null; last: string } | null {
  const folds = nameWords(name).map((w) => w.fold);
  const last = folds.at(-1);
  if (!last || last.length < 3) return null;
  return { first: folds.length > 1 ? folds[0]! : null, last: last.length > 3 && last.endsWith('a') ? last.slice(0, -1) : last };
}

/**
 * Person keys that name one person in other spellings, each mapped to the first such key: same
 * last name once folded, and the same first name when both give one ("Al-Hashimi" is "Hisham
 * al-Hashemi"; "Ali al-Hashimi" is not). Other keys map to themselves.
 */
export function samePersonKeys(actors: ReadonlyArray<{ key: string; name: string }>): Map<string, string> {
  const out = new Map<string, string>();
  const seen: Array<{ key: string; sig: { first: string | null; last: string } }> = [];
  for (const a of actors) {
    if (out.has(a.key)) continue;
    const sig = isPersonKey(a.key) ? personSignature(a.name) : null;
    const match = sig ? seen.find((s) => s.sig.last === sig.last && (s.sig.first === null || sig.first === null || s.sig.first === sig.first)) : undefined;
    out.set(a.key, match?.key ?? a.key);
    if (sig && !match) seen.push({ key: a.key, sig });
  }
  return out;
}

const HOLDING_WORDS: ReadonlySet<string> = new Set(holdingWords.words);

/** A name's lower-cased words, and those left once generic holding words ("facilities", "company") are dropped from its end. */
function holderWords(name: string): { all: string; holder: string } {
  const words = nameWords(name).map((w) => w.key);
  let end = words.length;
  while (end > 0 && HOLDING_WORDS.has(words[end - 1]!)) end--;
  return { all: words.join(' '), holder: words.slice(0, end).join(' ') };
}

/**
 * Keys of actors no registry entry resolves whose name is another actor's name followed by
 * generic holding words ("Example Oil Facilities", "Example Oil Company" beside "Example Oil"):
 * what a company holds, hit in an attack, is that company as a target, not a second one. Each
 * such key maps to the other actor's key; other keys map to themselves. Persons are left alone.
 */
export function sameHolderKeys(actors: ReadonlyArray<{ key: string; name: string }>): Map<string, string> {
  const out = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const a of actors) {
    const { all } = holderWords(a.name);
    if (all !== '' && !byName.has(all)) byName.set(all, a.key);
  }
  for (const a of actors) {
    if (out.has(a.key)) continue;
    const { all, holder } = holderWords(a.name);
    const unresolved = a.key.startsWith('new:') || a.key.startsWith('name:');
    const holderKey = unresolved && !isPersonKey(a.key) && holder !== '' && holder !== all ? byName.get(holder) : undefined;
    out.set(a.key, holderKey !== undefined && holderKey !== a.key ? holderKey : a.key);
  }
  return out;
}
