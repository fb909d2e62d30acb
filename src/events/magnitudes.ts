import type { Magnitude, MagnitudeKind } from '../text/document.js';
import type { Token } from './sentence-view.js';

/**
 * Counts attached to an event: "at least 10 fighters" (killed, when the trigger kills),
 * "two rockets", "dozens of protesters", "three civilians". The number is read from digits
 * or number words; the qualifier from the words before it.
 */

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
const VAGUE = new Set(['dozens', 'scores', 'hundreds', 'thousands', 'several', 'many', 'numerous', 'tens', 'some']);
const MULTIPLIERS: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, million: 1_000_000 };

/** Nouns counted as people: their kind is the trigger's (killed, injured, arrested...). */
const PEOPLE = new Set(['people', 'persons', 'person', 'civilians', 'civilian', 'fighters', 'fighter', 'soldiers', 'soldier', 'troops', 'militants', 'militant', 'members', 'member', 'others', 'policemen', 'officers', 'children', 'women', 'men', 'terrorists', 'terrorist', 'insurgents', 'occupants', 'passengers', 'protesters', 'demonstrators', 'suspects', 'suspect', 'elements', 'gunmen', 'rebels', 'personnel', 'workers', 'students', 'residents', 'villagers', 'pilgrims', 'guards', 'commanders', 'leaders', 'hostages', 'journalists', 'staff', 'officials', 'died', 'dead', 'killed', 'wounded', 'injured']);
const THINGS: Readonly<Record<string, MagnitudeKind>> = {
  rocket: 'rockets', rockets: 'rockets', katyushas: 'rockets', mortars: 'rockets', shells: 'rockets',
  missile: 'missiles', missiles: 'missiles',
  drone: 'drones', drones: 'drones',
  airstrike: 'airstrikes', airstrikes: 'airstrikes', strikes: 'airstrikes', raids: 'airstrikes',
  protesters: 'protesters', demonstrators: 'protesters', protestors: 'protesters',
};
const TROOPS = new Set(['troops', 'soldiers', 'personnel', 'marines', 'forces']);
/** Words that say what befell the people counted, whatever the trigger: "50 dead", "3,000 injured", "30 people killed". */
const HARM: Readonly<Record<string, MagnitudeKind>> = { dead: 'killed', died: 'killed', killed: 'killed', wounded: 'injured', injured: 'injured', hurt: 'injured' };

/** Nouns that say what befell the people counted after them: "the deaths of at least 25 protesters". */
const HARM_NOUNS: Readonly<Record<string, MagnitudeKind>> = { death: 'killed', deaths: 'killed', killing: 'killed', killings: 'killed' };

/** Auxiliaries between the people counted and what befell them: "21 protesters have been killed". */
const AUXILIARIES = new Set(['have', 'has', 'had', 'been', 'were', 'was', 'are', 'is', 'being', 'reportedly', 'also', 'all']);

/** What a passive clause says befell the people counted at j ("were killed", "had been wounded"), or undefined. */
function harmOfClause(tokens: readonly Token[], j: number): MagnitudeKind | undefined {
  let k = j + 1;
  while (k < j + 4 && AUXILIARIES.has(tokens[k]?.norm ?? '')) k++;
  return k > j + 1 ? HARM[tokens[k]?.norm ?? ''] : undefined;
}

/** "the deaths of [at least] N …": the harm noun before the count, or undefined. */
function harmOfNounBefore(tokens: readonly Token[], i: number): MagnitudeKind | undefined {
  const { from } = qualifierBefore(tokens, i);
  return tokens[from - 1]?.norm === 'of' ? HARM_NOUNS[tokens[from - 2]?.norm ?? ''] : undefined;
}

function numberAt(tokens: readonly Token[], i: number): { value: number | null; vague: boolean; to: number } | null {
  const t = tokens[i];
  if (!t) return null;
  const digits = t.norm.replace(/,/g, '');
  let value: number | null = null;
  let vague = false;
  if (/^\d+(\.\d+)?$/.test(digits) && t.tag !== 'NNP') value = Number(digits);
  else if (NUMBER_WORDS[t.norm] !== undefined) value = NUMBER_WORDS[t.norm]!;
  else if (VAGUE.has(t.norm)) vague = true;
  else return null;
  let to = i + 1;
  const next = tokens[to];
  if (value !== null && next && MULTIPLIERS[next.norm]) {
    value *= MULTIPLIERS[next.norm]!;
    to++;
  }
  if (vague && tokens[to]?.norm === 'of') to++;
  return { value, vague, to };
}

function qualifierBefore(tokens: readonly Token[], i: number): { qualifier: Magnitude['qualifier']; from: number } {
  const w1 = tokens[i - 1]?.norm ?? '';
  const w2 = tokens[i - 2]?.norm ?? '';
  if ((w2 === 'at' && w1 === 'least') || ((w2 === 'more' || w2 === 'no') && (w1 === 'than' || w1 === 'fewer'))) return { qualifier: 'at-least', from: i - 2 };
  if (w2 === 'at' && w1 === 'most') return { qualifier: 'at-most', from: i - 2 };
  if ((w2 === 'up' && w1 === 'to') || (w2 === 'less' && w1 === 'than') || (w2 === 'fewer' && w1 === 'than')) return { qualifier: 'at-most', from: i - 2 };
  if (w1 === 'over' || w1 === 'above') return { qualifier: 'at-least', from: i - 1 };
  if (['about', 'around', 'nearly', 'almost', 'roughly', 'approximately', 'some', 'estimated', 'an'].includes(w1) && w1 !== 'an') return { qualifier: 'about', from: i - 1 };
  return { qualifier: 'exact', from: i };
}

/**
 * Counts in sentence positions [from, to). `peopleKind` is what counted people are, given
 * the trigger ("killed" for kill, "arrested" for arrest), or null when people are not counted.
 */
export function findMagnitudes(tokens: readonly Token[], from: number, to: number, peopleKind: MagnitudeKind | null, countTroops: boolean): Magnitude[] {
  const out: Magnitude[] = [];
  for (let i = from; i < to; i++) {
    // Years, times and list numbers are not counts.
    if (tokens[i]?.norm === 'some' && NUMBER_WORDS[tokens[i + 1]?.norm ?? ''] === undefined && !/^\d/.test(tokens[i + 1]?.norm ?? '')) continue;
    const n = numberAt(tokens, i);
    if (!n) continue;
    if (n.value !== null && n.value >= 1900 && n.value <= 2100 && !n.vague) continue;
    // The counted noun: within three words ("10 Hashd al-Sha'abi fighters", "three others").
    for (let j = n.to; j < Math.min(to, n.to + 4); j++) {
      const w = tokens[j]!.norm;
      let kind: MagnitudeKind | null = THINGS[w] ?? null;
      const harmed = HARM[w] ?? (PEOPLE.has(w) ? HARM[tokens[j + 1]?.norm ?? ''] : undefined);
      // "At least 21 protesters were killed in demonstrations": a clause saying what befell the
      // people counted makes them a toll of the event whatever its trigger (a protest's dead).
      const harmedInClause = PEOPLE.has(w) ? harmOfClause(tokens, j) : undefined;
      if (countTroops && TROOPS.has(w)) kind = 'troops';
      // "killed and 3,000 injured": the count's own word says what befell them, not the trigger.
      else if (harmed && (peopleKind === 'killed' || peopleKind === 'injured' || HARM[w])) kind = harmed;
      else if (harmedInClause) kind = harmedInClause;
      else if (PEOPLE.has(w) && harmOfNounBefore(tokens, i)) kind = harmOfNounBefore(tokens, i)!;
      else if (peopleKind && PEOPLE.has(w) && !(kind === 'protesters' && peopleKind === null)) kind = peopleKind;
      if (kind) {
        const q = qualifierBefore(tokens, i);
        const qualifier = n.vague ? 'vague' : q.qualifier;
        const start = tokens[n.vague ? i : q.from]!.start;
        out.push({ kind, value: n.value, qualifier, span: { start, end: tokens[j]!.end } });
        i = j;
        break;
      }
      if (!/^(NN|JJ|POS|VBN)/.test(tokens[j]!.tag) && tokens[j]!.entity < 0) break;
    }
  }
  return out;
}
