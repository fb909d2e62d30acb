import type { EventDictionary, TriggerPattern } from '../knowledge/events/load-dictionary.js';
import type { Token } from './sentence-view.js';

/**
 * Trigger finding: verbs (by POS tag and our inflection index) and nominal triggers (by
 * noun phrase), matched against the dictionary. Where matches overlap, the one matching
 * more words wins ("withdraw troops" over "withdraw", "rocket attack" over "attack").
 */

export interface Trigger {
  readonly kind: 'verb' | 'noun';
  readonly pattern: TriggerPattern;
  /** Sentence positions of the matched words, in order; the first is the head, but for a passive told object first. */
  readonly words: readonly number[];
  readonly head: number;
  /** A verb in the passive voice ("were assassinated", "the bill passed by"). */
  readonly passive: boolean;
}

/** Largest gap between two words of a verb pattern: "pulled its last troops out". */
const MAX_GAP = 4;
/** "described the capture of both tankers as": an "as" complement follows the whole object phrase. */
const OBJECT_PHRASE_GAP = 8;
const AFTER_OBJECT = new Set(['as']);
const QUOTE_MARKS = new Set(['"', '“', '”']);

/** A quotation mark that opens or closes one to three quoted words ("called it “troubling”") quotes a word, not speech. */
function quotesAWord(tokens: readonly Token[], j: number): boolean {
  if (!QUOTE_MARKS.has(tokens[j]!.norm)) return false;
  for (let k = 1; k <= 4; k++) {
    const after = tokens[j + k];
    const before = tokens[j - k];
    if (k > 1 && after && QUOTE_MARKS.has(after.norm)) return true;
    if (k > 1 && before && QUOTE_MARKS.has(before.norm)) return true;
  }
  return false;
}
const PARTICLES = new Set(['for', 'on', 'in', 'to', 'with', 'out', 'up', 'down', 'off', 'back', 'into', 'of', 'from', 'against', 'by', 'at']);
/** Prepositions inside an object phrase: "a wave of attacks", "more than 20 rounds", "about 1,000 shells". */
const OBJECT_PREPOSITIONS = new Set(['of', 'than', 'about', 'around']);
const BARRIERS = new Set(['.', ';', ':', '"', '“', '”', '?', '!']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 'get', 'got', 'gets', 'getting', 'become', 'became']);
const HAVE = new Set(['has', 'have', 'had', 'having', "'ve"]);
/** Tags a noun trigger may carry: the tagger reads "airstrike" as JJ and "bombing" as VBG. */
const NOUNISH = /^(NN|JJ|VBG|VBN|FW)/;
const DETERMINERS = new Set(['DT', 'PRP$', 'POS', 'JJ', 'CD', 'PDT']);

function matchVerb(tokens: readonly Token[], i: number, p: TriggerPattern): number[] | null {
  const words = [i];
  let at = i;
  for (let w = 1; w < p.words.length; w++) {
    const forms = p.words[w]!;
    let found = -1;
    // A closing particle sits by its verb ("called for"), not across a phrase ("called an exchange for").
    const gap = [...forms].some((f) => AFTER_OBJECT.has(f)) ? OBJECT_PHRASE_GAP : w === p.words.length - 1 && [...forms].some((f) => PARTICLES.has(f)) ? 1 : MAX_GAP;
    for (let j = at + 1; j < tokens.length && j <= at + 1 + gap; j++) {
      if (BARRIERS.has(tokens[j]!.norm) && !quotesAWord(tokens, j)) break;
      if (forms.has(tokens[j]!.norm)) {
        found = j;
        break;
      }
      // "launching posts for attacks": a noun behind a preposition belongs to another phrase;
      // "of" keeps the object ("launched a wave of attacks"), and so does a figure's "more than".
      if (tokens[j]!.tag === 'IN' && !OBJECT_PREPOSITIONS.has(tokens[j]!.norm) && !p.words.some((f) => f.has(tokens[j]!.norm))) break;
    }
    if (found < 0) return null;
    words.push(found);
    at = found;
  }
  return words;
}

/**
 * A verb-and-object pattern told in the passive, its object first: "the rockets were fired",
 * "missiles had been launched" for "fire rockets", "launch missiles"; with a particle after the
 * verb, "the drone was brought down" for "bring down drone".
 */
function matchPassiveObject(tokens: readonly Token[], i: number, p: TriggerPattern): number[] | null {
  // "bring down drone": the particles between verb and object follow the participle ("the drone was brought down").
  const particles = p.words.slice(1, -1);
  if (p.words.length < 2 || p.words.length > 3 || tokens[i]!.tag !== 'VBN') return null;
  // "attack for": a pattern ending in a preposition has no object to put first ("refugees … was attacked").
  if ((p.text.split(' ').at(-1) ?? '').split('|').every((w) => PARTICLES.has(w))) return null;
  if (!particles.every((w, k) => w.has(tokens[i + 1 + k]?.norm ?? ''))) return null;
  const after = particles.map((_, k) => i + 1 + k);
  let sawBe = false;
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    const n = tokens[j]!.norm;
    if (BE.has(n)) sawBe = true;
    else if (sawBe && p.words.at(-1)!.has(n)) return [j, i, ...after];
    else if (BARRIERS.has(n) || (!sawBe && tokens[j]!.tag !== 'RB')) return null;
  }
  return null;
}

function matchNoun(tokens: readonly Token[], i: number, p: TriggerPattern): number[] | null {
  const words: number[] = [];
  for (let w = 0; w < p.words.length; w++) {
    const t = tokens[i + w];
    if (!t || !p.words[w]!.has(t.norm)) return null;
    words.push(i + w);
  }
  return words;
}

function isPassive(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.tag !== 'VBN' && t.tag !== 'VBD') return false;
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    const n = tokens[j]!.norm;
    if (BE.has(n)) return true;
    if (HAVE.has(n)) return false;
    if (tokens[j]!.tag !== 'RB' && n !== 'not' && n !== "n't") break;
  }
  // A participle right after a noun or a comma, not led by "have": "fighters killed in",
  // "Soleimani, killed by". A VBD tag there is the tagger's guess; "by" next settles it.
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (t.tag === 'VBN' && prev && (prev.tag.startsWith('NN') || prev.norm === ',') && !objectFollows(tokens, i)) return true;
  return next?.norm === 'by' && t.tag === 'VBN';
}

/** Nouns of a span of time: "killed two days ago" has no object. */
const TIME_UNITS = new Set(['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'decades']);

/**
 * "Zambia extradited the suspect to Britain", tagged as a participle: a passive participle
 * takes no object (its object became its subject), so a noun phrase opened right after it
 * ("the", "a", "his", "suspected British …") makes it active.
 */
function objectFollows(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  if (!next || !after) return false;
  if (next.tag === 'DT' || next.tag === 'PRP$') return !TIME_UNITS.has(after.norm);
  if (next.tag === 'CD') return after.tag.startsWith('NN') && !TIME_UNITS.has(after.norm);
  // "extradited suspected British militant …": a participle or adjective before a noun phrase.
  return (next.tag === 'VBN' || next.tag === 'JJ') && (after.tag === 'JJ' || after.tag.startsWith('NN')) && !TIME_UNITS.has(after.norm);
}

/** A VBG or VBN reads as a noun only after a determiner or modifier: "the killing of". */
function nounReading(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!NOUNISH.test(t.tag)) return false;
  if (t.tag === 'VBG' || t.tag === 'VBN') return DETERMINERS.has(tokens[i - 1]?.tag ?? '') || tokens[i - 1]?.entity !== -1;
  return true;
}

export function findTriggers(tokens: readonly Token[], dictionary: EventDictionary, timeTokens: ReadonlySet<number> = new Set()): Trigger[] {
  const candidates: Trigger[] = [];
  const late: Trigger[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Words inside a name ("Islamic Resistance", "Desert Storm") are not triggers.
    if (t.entity >= 0 && t.tag.startsWith('NNP')) continue;
    // Nor is a word after a name's first word a verb, whatever a headline's title case made the
    // tagger read it as ("U.S. Forces Withdraw": "Forces" is no verb).
    if (t.entity >= 0 && tokens[i - 1]?.entity === t.entity && (t.tag.startsWith('VB') || t.tag === 'MD')) continue;
    // "March 27" is a date, "May" a month.
    if (timeTokens.has(t.index)) continue;
    if (t.tag.startsWith('VB')) {
      for (const p of dictionary.verbs.get(t.norm) ?? []) {
        const words = matchVerb(tokens, i, p);
        if (words) {
          candidates.push({ kind: 'verb', pattern: p, words, head: i, passive: isPassive(tokens, i) });
          break;
        }
        // The verb heads the trigger even when its object comes first ("rockets were fired");
        // such a reading yields to any other that wants its words ("the rocket attack had been launched").
        const passiveWords = matchPassiveObject(tokens, i, p);
        if (passiveWords) {
          late.push({ kind: 'verb', pattern: p, words: passiveWords, head: i, passive: true });
          break;
        }
      }
    }
    // A capitalized noun mid-sentence is a name or a month ("March"), not an event noun, unless
    // an abbreviation's period made it look like a sentence start ("the U.S. Attacks on").
    const afterAbbreviation = i > 0 && /\w\.$/.test(tokens[i - 1]!.norm) && tokens[i - 1]!.norm.length > 2;
    if (nounReading(tokens, i) && !(t.tag.startsWith('NNP') && i > 0 && !afterAbbreviation)) {
      for (const p of dictionary.nouns.get(t.norm) ?? []) {
        const words = matchNoun(tokens, i, p);
        if (words) {
          candidates.push({ kind: 'noun', pattern: p, words, head: words.at(-1) ?? i, passive: false });
          break;
        }
      }
    }
  }
  candidates.sort((a, b) => b.words.length - a.words.length || (a.kind === b.kind ? a.head - b.head : a.kind === 'verb' ? -1 : 1));
  const taken = new Map<number, number>();
  const kept: Trigger[] = [];
  for (const c of [...candidates, ...late]) {
    const holder = c.words.find((w) => taken.has(w));
    if (holder !== undefined) {
      const k = taken.get(holder)!;
      kept[k] = withNounCode(kept[k]!, c);
      continue;
    }
    for (const w of c.words) taken.set(w, kept.length);
    kept.push(c);
  }
  return kept.sort((a, b) => a.words[0]! - b.words[0]!);
}

const GENERIC_CODE = /^\d\d0$/;

/**
 * "carried out drone attacks": a light-verb pattern that names only the kind of act (190,
 * conventional force) takes the finer code of the event noun it holds (1952, drones), which
 * lost its words to the longer pattern.
 */
function withNounCode(verb: Trigger, noun: Trigger): Trigger {
  const generic = verb.pattern.code;
  if (verb.kind !== 'verb' || noun.kind !== 'noun' || !GENERIC_CODE.test(generic)) return verb;
  if (noun.pattern.code === generic || noun.pattern.code.slice(0, 2) !== generic.slice(0, 2) || !verb.words.includes(noun.head)) return verb;
  return { ...verb, pattern: { ...verb.pattern, code: noun.pattern.code, text: `${verb.pattern.text} (${noun.pattern.text})` } };
}
