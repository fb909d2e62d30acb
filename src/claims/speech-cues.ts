import { verbForms } from '../knowledge/events/inflection.js';
import reportingVerbs from '../knowledge/lexicon/reporting-verbs.json' with { type: 'json' };
import type { ClaimToken } from './claim-tokens.js';

/**
 * Reporting words: the verbs and phrases that attribute words to a speaker. A cue is found
 * only outside quoted content (the frame), and says what kind of attribution it makes.
 */
export type CueKind = 'say' | 'post' | 'according-to';

export interface Cue {
  /** Token range [start, end) of the reporting words. */
  readonly start: number;
  readonly end: number;
  readonly kind: CueKind;
  /** The reporting verb's lemma-ish form ("say", "tell", "warn"), for reasons and rules. */
  readonly verb: string;
  /** "saying", "noting": the speaker is the subject of the clause the participle hangs on. */
  readonly participle: boolean;
  /** "was quoted as saying", "as quoted by": the intermediary follows "by". */
  readonly quotedBy: boolean;
  /**
   * "IRNA quoted the commander as saying": the token of the active "quoted" before the cue
   * ("as saying"); the speaker is the phrase after it, the intermediary the phrase before it.
   */
  readonly quoter?: number;
}

/** How far "as saying" may follow an active "quoted": the speaker's phrase lies between. */
const QUOTER_REACH = 14;
const QUOTER_FORMS = new Set(['quoted', 'quotes', 'quote', 'quoting']);

/** Reporting verb of each lemma ("disclose" → "reveal"), and the lemmas whose -ing form hangs on a clause ("saying"). */
const CUE_OF: ReadonlyMap<string, string> = new Map(Object.entries(reportingVerbs.verbs));
const PARTICIPLES: ReadonlySet<string> = new Set(reportingVerbs.participles);

/**
 * The forms of those lemmas, generated (inflection.ts), for a form whose lemma the syntax
 * layer gets wrong: the treebank's rules read an unseen "noting" as "not", "blamed" as "blam".
 */
const LEMMA_OF_FORM: ReadonlyMap<string, string> = new Map([...CUE_OF.keys()].flatMap((lemma) => verbForms(lemma).map((form) => [form, lemma] as const)));

/** Verbs that almost never mean anything but speech, even when the tagger calls them nouns. */
const SURE_VERBS: ReadonlySet<string> = new Set(reportingVerbs.sureForms);
const SOCIAL = new Set(['twitter', 'x', 'facebook', 'telegram', 'instagram', 'social', 'his', 'her', 'its', 'their', 'the']);

/** Reporting cues among tokens [from, to) that are not quoted content. */
export function findCues(tokens: readonly ClaimToken[], from: number, to: number): Cue[] {
  const cues: Cue[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.quote >= 0 || t.mark) continue;
    const next = tokens[i + 1];
    const next2 = tokens[i + 2];
    const prev = tokens[i - 1];
    if (t.norm === 'according' && next?.norm === 'to') {
      cues.push({ start: i, end: i + 2, kind: 'according-to', verb: 'according to', participle: false, quotedBy: false });
      i++;
      continue;
    }
    // "IRNA quoted the commander as saying", "the BBC quotes a senior official as saying".
    // The tagger may read "quotes" as a plural noun; after a determiner it is one ("the quotes").
    if (QUOTER_FORMS.has(t.norm) && !['DT', 'PRP$', 'JJ'].includes(prev?.tag ?? '') && next?.norm !== 'as') {
      const as = asSayingAfter(tokens, i + 1, to);
      if (as >= 0) {
        cues.push({ start: as, end: as + 2, kind: 'say', verb: 'say', participle: false, quotedBy: true, quoter: i });
        i = as + 1;
        continue;
      }
    }
    // "was quoted as saying (by X)", "said as quoted by X".
    if (t.norm === 'quoted' && next?.norm === 'as') {
      const saying = next2?.norm === 'saying';
      cues.push({ start: i, end: saying ? i + 3 : i + 2, kind: 'say', verb: 'say', participle: false, quotedBy: true });
      i += saying ? 2 : 1;
      continue;
    }
    // "went on to say".
    if (t.norm === 'went' && next?.norm === 'on' && next2?.norm === 'to' && tokens[i + 3]?.norm === 'say') {
      cues.push({ start: i, end: i + 4, kind: 'say', verb: 'say', participle: false, quotedBy: false });
      i += 3;
      continue;
    }
    // Words are looked up by their lemma in the syntax layer: "said", "says" → "say".
    const lemma = CUE_OF.has(t.lemma) ? t.lemma : (LEMMA_OF_FORM.get(t.norm) ?? '');
    const verb = CUE_OF.get(lemma);
    if (verb && t.tag === 'VBG' && PARTICIPLES.has(lemma)) {
      cues.push({ start: i, end: i + 1, kind: 'say', verb, participle: true, quotedBy: false });
      continue;
    }
    // Other -ing forms are no cue ("announcing the deal").
    if (!verb || t.tag === 'VBG') continue;
    // Right after a closing quote mark ("…,” reports the AFP) any reporting word is a verb.
    const afterQuote = prev?.mark === true || (prev?.norm === ',' && tokens[i - 2]?.mark === true);
    // "Critics note, however, that": a noun-tagged reporting word between a subject and "that".
    const thatFollows = prev !== undefined && /^(NN|PRP)/.test(prev.tag) && thatWithin(tokens, i + 1, to, 4);
    const verbal = t.tag.startsWith('VB') || SURE_VERBS.has(t.norm) || afterQuote || thatFollows;
    // "the alleged organizer", "his stated aim": adjectives, not reporting.
    if (!verbal || (prev && ['DT', 'PRP$', 'POS'].includes(prev.tag))) continue;
    // "the said agreement", "it is said": not attributions.
    if (t.tag === 'VBN' && prev && ['is', 'was', 'been', 'be', 'being'].includes(prev.norm) && verb !== 'tell') continue;
    let end = i + 1;
    if (verb === 'point out' && next?.norm === 'out') end = i + 2;
    else if (verb === 'say' || verb === 'write' || verb === 'tweet' || verb === 'report') {
      // "wrote on Twitter", "said on his Telegram channel", "posted on X".
      if (next?.norm === 'on' && next2 && SOCIAL.has(next2.norm)) {
        const platform = next2.norm === 'social' || SOCIAL.has(next2.norm) ? findPlatform(tokens, i + 2, to) : -1;
        if (platform >= 0) {
          cues.push({ start: i, end: platform + 1, kind: 'post', verb, participle: false, quotedBy: false });
          i = platform;
          continue;
        }
      }
    }
    if (verb === 'tweet') {
      cues.push({ start: i, end, kind: 'post', verb, participle: false, quotedBy: false });
      continue;
    }
    if ((verb === 'conclude' && t.norm === 'continued' && next?.tag.startsWith('VB')) || (verb === 'write' && next?.tag === 'NN')) continue;
    if (verb === 'point out' && end === i + 1) continue;
    cues.push({ start: i, end, kind: 'say', verb, participle: false, quotedBy: false });
    i = end - 1;
  }
  return cues;
}

/** The "as" of "as saying" within reach after `from`, before any quotation or clause end; -1 if none. */
function asSayingAfter(tokens: readonly ClaimToken[], from: number, to: number): number {
  for (let j = from; j < Math.min(to - 1, from + QUOTER_REACH); j++) {
    const t = tokens[j]!;
    if (t.quote >= 0 || t.mark || t.norm === '.' || t.norm === ';') return -1;
    if (t.norm === 'as' && tokens[j + 1]?.norm === 'saying') return j;
  }
  return -1;
}

function thatWithin(tokens: readonly ClaimToken[], from: number, to: number, n: number): boolean {
  for (let j = from; j < Math.min(to, from + n); j++) {
    const t = tokens[j]!;
    if (t.norm === 'that') return true;
    if (t.norm !== ',' && t.tag !== 'RB') return false;
  }
  return false;
}

const PLATFORMS = new Set(['twitter', 'x', 'facebook', 'telegram', 'instagram', 'media', 'account', 'channel', 'page', 'website']);

/** The token naming a social platform within a few tokens of `from`, or -1. */
function findPlatform(tokens: readonly ClaimToken[], from: number, to: number): number {
  for (let j = from; j < Math.min(to, from + 4); j++) {
    const t = tokens[j]!;
    if (PLATFORMS.has(t.norm) && (t.norm !== 'x' || tokens[j - 1]?.norm === 'on')) {
      // "his Telegram channel": take the last platform word of the phrase.
      const after = tokens[j + 1];
      return after && PLATFORMS.has(after.norm) ? j + 1 : j;
    }
  }
  return -1;
}
