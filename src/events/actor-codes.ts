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
}

/** Role words in noun phrases, and the CAMEO role code they give. */
const ROLE_WORDS: Readonly<Record<string, string>> = {
  army: 'MIL',
  armies: 'MIL',
  military: 'MIL',
  militaries: 'MIL',
  troops: 'MIL',
  troop: 'MIL',
  soldiers: 'MIL',
  soldier: 'MIL',
  forces: 'MIL',
  force: 'MIL',
  warplanes: 'MIL',
  warplane: 'MIL',
  jets: 'MIL',
  aircraft: 'MIL',
  navy: 'MIL',
  defenses: 'MIL',
  defences: 'MIL',
  artillery: 'MIL',
  missiles: 'MIL',
  drones: 'MIL',
  commanders: 'MIL',
  commander: 'MIL',
  police: 'COP',
  policemen: 'COP',
  policeman: 'COP',
  government: 'GOV',
  officials: 'GOV',
  official: 'GOV',
  ministry: 'GOV',
  minister: 'GOV',
  president: 'GOV',
  authorities: 'GOV',
  regime: 'GOV',
  cabinet: 'GOV',
  leaders: 'GOV',
  diplomats: 'GOV',
  lawmakers: 'LEG',
  lawmaker: 'LEG',
  parliament: 'LEG',
  legislators: 'LEG',
  mps: 'LEG',
  parliamentarians: 'LEG',
  court: 'JUD',
  judge: 'JUD',
  judges: 'JUD',
  rebels: 'REB',
  rebel: 'REB',
  insurgents: 'INS',
  insurgent: 'INS',
  militants: 'UAF',
  militant: 'UAF',
  gunmen: 'UAF',
  gunman: 'UAF',
  terrorists: 'UAF',
  terrorist: 'UAF',
  jihadists: 'UAF',
  fighters: 'UAF',
  militia: 'UAF',
  militias: 'UAF',
  proxies: 'UAF',
  proxy: 'UAF',
  protesters: 'CVL',
  protestors: 'CVL',
  demonstrators: 'CVL',
  civilians: 'CVL',
  residents: 'CVL',
  villagers: 'CVL',
  students: 'EDU',
  workers: 'LAB',
  opposition: 'OPP',
  media: 'MED',
  journalists: 'MED',
  reporters: 'MED',
  companies: 'BUS',
  company: 'BUS',
  firms: 'BUS',
  businesses: 'BUS',
  intelligence: 'SPY',
  refugees: 'REF',
  criminals: 'CRM',
  smugglers: 'CRM',
};

const SECTOR_ROLE: Readonly<Record<string, string>> = {
  government: 'GOV',
  military: 'MIL',
  police: 'COP',
  intelligence: 'SPY',
  militia: 'UAF',
  rebel: 'REB',
  'designated terrorist group': 'UAF',
  party: 'PTY',
  legislature: 'LEG',
  judiciary: 'JUD',
  media: 'MED',
  IGO: 'IGO',
  NGO: 'NGO',
  business: 'BUS',
  civilian: 'CVL',
  religious: 'REL',
  opposition: 'OPP',
};

export function roleOfWord(word: string): string | null {
  return ROLE_WORDS[word] ?? null;
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
  let role = head ? roleOfWord(head) : null;
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
