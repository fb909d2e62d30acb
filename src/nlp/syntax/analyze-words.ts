import { isKnownPastTense, lemmatize } from './lemmatizer.js';
import { type ParseResult, parse } from './parser.js';
import type { SyntaxModel } from './syntax-model.js';
import { tagClasses } from './tagger.js';
import { encodeWords } from './word-codes.js';

/** One UD word's analysis. */
export interface WordAnalysis {
  readonly upos: string;
  readonly xpos: string;
  readonly lemma: string;
  /** 1-based head in the sentence, 0 for the root. */
  readonly head: number;
  readonly deprel: string;
}

/** Tags, lemmatizes and parses one sentence of UD words ("do", "n't"; "al", "-", "Ani"). */
export function analyzeWords(model: SyntaxModel, words: readonly string[]): WordAnalysis[] {
  return analyzeSentences(model, [words])[0]!;
}

/**
 * As analyzeWords for several sentences: all are tagged, then all are parsed. The tagger's
 * and the parser's weights do not fit in the processor's caches together; taking one model
 * at a time keeps more of its weights there.
 */
export function analyzeSentences(model: SyntaxModel, sentences: ReadonlyArray<readonly string[]>): WordAnalysis[][] {
  const codes = sentences.map((words) => encodeWords(words, model.lexicon));
  const tags = codes.map((c, k) => (c.length === 0 ? new Int32Array(0) : verbOfVerbless(model, sentences[k]!, acronymsAsNames(model, sentences[k]!, tagClasses(model.tagger, c)))));
  const trees = codes.map((c, k) =>
    c.length === 0
      ? null
      : parse(model.parser, {
          n: c.length,
          word: prependRoot(c.lower, 0x2f00),
          tag: prependRoot(tags[k]!, 0x2f01),
          fine: prependRoot(c.fine, 0x2f02),
          coarse: prependRoot(c.coarse, 0x2f03),
        }),
  );
  return sentences.map((words, k) => {
    const tree = trees[k];
    return tree ? analyses(model, words, tags[k]!, tree) : [];
  });
}

/** Closed word classes: a word of them is never written as an acronym in running text. */
const CLOSED_UPOS: ReadonlySet<string> = new Set(['AUX', 'DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'PART']);

/**
 * "IS fighters had carried out attacks": a word in capitals in a sentence that is not itself
 * in capitals is an acronym, a name ("IS", "US", "IT" the company), never an auxiliary, a
 * pronoun or a preposition, whatever its lower case would be.
 */
function acronymsAsNames(model: SyntaxModel, words: readonly string[], tags: Int32Array): Int32Array {
  const name = model.upos.findIndex((u, y) => u === 'PROPN' && model.xpos[y] === 'NNP');
  if (name < 0) return tags;
  const capitals = (w: string) => w.length >= 2 && /^[A-Z]+$/.test(w);
  const lettered = words.filter((w) => /[A-Za-z]/.test(w));
  if (lettered.filter(capitals).length * 2 > lettered.length) return tags;
  // Only where a name fits: before a noun ("IS fighters") or after a determiner or preposition
  // ("the US", "against IS"); "DO NOT" in an otherwise quiet sentence is emphasis.
  const upos = (i: number) => (i >= 0 && i < tags.length ? model.upos[tags[i]!]! : '');
  for (let i = 0; i < tags.length; i++) {
    if (!capitals(words[i]!) || !CLOSED_UPOS.has(upos(i))) continue;
    if (['NOUN', 'PROPN'].includes(upos(i + 1)) || ['DET', 'ADP'].includes(upos(i - 1))) tags[i] = name;
  }
  return tags;
}

/** Word classes that may open what follows a verb: its object, a particle, a preposition. */
const AFTER_VERB_UPOS: ReadonlySet<string> = new Set(['DET', 'ADP', 'NUM', 'ADJ', 'PRON', 'PART']);

/**
 * "The IRGC air force shot down an American drone", tagged with no verb at all ("shot" a
 * noun): a sentence needs one. In a sentence of five words or more with no verb or auxiliary
 * before it, the first singular noun after a noun that is a past-tense form (an irregular past the
 * treebank showed, "shot" → "shoot", or an "-ed" form of a known verb) and is followed by what may follow a verb
 * becomes that verb.
 */
function verbOfVerbless(model: SyntaxModel, words: readonly string[], tags: Int32Array): Int32Array {
  if (words.length < 5) return tags;
  const upos = (i: number) => (i >= 0 && i < tags.length ? model.upos[tags[i]!]! : '');
  for (let i = 1; i + 1 < tags.length; i++) {
    if (upos(i) === 'VERB' || upos(i) === 'AUX') return tags;
    if (model.xpos[tags[i]!] !== 'NN' || !['NOUN', 'PROPN'].includes(upos(i - 1)) || !AFTER_VERB_UPOS.has(upos(i + 1))) continue;
    const word = words[i]!.toLowerCase();
    if (!/^[a-z]+$/.test(word) || !isKnownPastTense(model.lemmas, word)) continue;
    tags[i] = model.pastTense;
    return tags;
  }
  return tags;
}

function analyses(model: SyntaxModel, words: readonly string[], tags: Int32Array, tree: ParseResult): WordAnalysis[] {
  const n = words.length;
  const out: WordAnalysis[] = [];
  const finite = finiteParticiples(model, tags, tree.heads, tree.relations);
  for (let i = 0; i < n; i++) {
    const tag = finite.past.has(i) ? model.pastTense : tags[i]!;
    const xpos = model.xpos[tag]!;
    out.push({
      upos: model.upos[tag]!,
      xpos,
      lemma: lemmatize(model.lemmas, words[i]!, xpos),
      head: tree.heads[i + 1]!,
      deprel: finite.active.has(i) ? 'nsubj' : (model.parser.relations[tree.relations[i + 1]!] ?? 'dep'),
    });
  }
  return out;
}

/**
 * Past participles the tree shows to be finite verbs. English marks a passive clause with an
 * auxiliary ("was attacked"); a VBN that heads a clause with a subject and no auxiliary of its
 * own ("Iraqi forces arrested three men", "Washington assassinated a commander", tagged VBN by
 * a tagger that reads only the words) is a past tense, and a "passive" subject of it is its
 * active subject. Returns the words to retag as VBD and the words to relabel nsubj.
 */
function finiteParticiples(model: SyntaxModel, tags: Int32Array, heads: Int32Array, relations: Int32Array): { past: Set<number>; active: Set<number> } {
  const past = new Set<number>();
  const active = new Set<number>();
  const n = tags.length;
  const subject = new Uint8Array(n);
  const passiveSubject = new Uint8Array(n);
  const object = new Uint8Array(n);
  const auxiliary = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const head = heads[i + 1]! - 1;
    if (head < 0) continue;
    const rel = model.parser.relations[relations[i + 1]!] ?? '';
    if (rel === 'nsubj') subject[head] = 1;
    if (rel === 'nsubj:pass') passiveSubject[head] = 1;
    if (rel === 'obj') object[head] = 1;
    if (rel === 'aux' || rel === 'aux:pass' || rel === 'cop') auxiliary[head] = 1;
  }
  // A headline's passive has no auxiliary either ("Man killed in crash"), but no object.
  for (let i = 0; i < n; i++) {
    if (model.xpos[tags[i]!] !== 'VBN' || auxiliary[i] === 1) continue;
    if (subject[i] === 1 || (passiveSubject[i] === 1 && object[i] === 1)) past.add(i);
  }
  for (let i = 0; i < n; i++) {
    const head = heads[i + 1]! - 1;
    if (head >= 0 && past.has(head) && model.parser.relations[relations[i + 1]!] === 'nsubj:pass') active.add(i);
  }
  return { past, active };
}

/** The parser's arrays: index 0 is the artificial root. */
export function prependRoot(values: Int32Array, root: number): Int32Array {
  const out = new Int32Array(values.length + 1);
  out[0] = root;
  out.set(values, 1);
  return out;
}
