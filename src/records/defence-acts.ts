import defence from '../knowledge/lexicon/defence-words.json' with { type: 'json' };

/*
 * The attacked side's act against an attack, told with it: "Syrian air defenses repelled and
 * downed most of the missiles" after "the Israeli attack on the south of the capital". The coder
 * reads two acts of one type (Syria → the missiles, Israel → the capital), but a reader sees one
 * incident told from both sides: the defence belongs in the attack's record, and its source is
 * the defender, not a second version of who attacked. Pure; the words are in
 * src/knowledge/lexicon/defence-words.json.
 */

const ACTS: ReadonlySet<string> = new Set(defence.acts);
const PARTICLES: ReadonlyMap<string, string> = new Map(Object.entries(defence.actsWithParticle));
const ATTACKS: ReadonlySet<string> = new Set(defence.attacks);

/** Where the clause of the trigger's object ends: punctuation, or a word that opens another clause. */
const CLAUSE_END = /[.;:!?,"“”]|\b(?:that|which|who|after|before|when|while|as|but|because|since|resulting|causing|killing)\b/;

/**
 * The mention's trigger (and the text right after it) tells a warding off whose object is a
 * projectile or an attack: "repelled several hostile missiles", "shot down two rockets",
 * "repelled and downed most of the missiles", "thwarted an assault". Not "shot down a drone"
 * (often the event itself), nor "intercepted a tanker" (no attack warded off).
 */
export function isDefenceAct(trigger: string, after: string): boolean {
  // Most triggers open with no verb of warding off: they are told apart before the clause is read.
  const first = /\p{L}+/u.exec(trigger)?.[0]?.toLowerCase();
  if (first === undefined || (!ACTS.has(first) && !PARTICLES.has(first))) return false;
  const clause = `${trigger} ${after}`.toLowerCase().split(CLAUSE_END)[0] ?? '';
  const words = clause.match(/\p{L}+/gu) ?? [];
  const [verb, next] = words;
  if (verb === undefined) return false;
  const act = ACTS.has(verb) || (next !== undefined && PARTICLES.get(verb) === next);
  return act && words.slice(1).some((w) => ATTACKS.has(w));
}

/**
 * Of a record's reports, those that tell who attacked and what: the defences told with an
 * attack have the other side's roles (the defender as source, the attack's weapons as object),
 * so they are left out when roles are compared or listed. A record that holds only defences
 * keeps them all: the warding off is then what it records.
 */
export function attackSide<T extends { readonly defence?: boolean }>(mentions: readonly T[]): readonly T[] {
  const attacks = mentions.filter((m) => m.defence !== true);
  return attacks.length > 0 ? attacks : mentions;
}
