import type { Stage, StageHead } from '../pipeline/stage.js';
import type { Document, Layers } from './document.js';

/**
 * Capitals that the source put there, not the writer. Some wire archives capitalise the word
 * after a country abbreviation whatever it is ("the U.S. Attack on two platforms", "the U.S.
 * Has said"): read as written, the tagger takes "Attack" for a proper noun and the name
 * recogniser reads "U.S. Attack" as an organisation, so the attack is lost. The casing layer
 * names each such token with the form the models should read; the text itself is never
 * changed (offsets, evidence and display keep the source's letters).
 */

/** The words the casing stage reads, from src/knowledge/lexicon/casing-words.json. */
export interface CasingWords {
  /** Abbreviations after which the archive capitalises ("U.S."), as written. */
  readonly abbreviations: readonly string[];
  /** Lower-case words that open a name after the abbreviation on their own ("navy"). */
  readonly namesOnTheirOwn: readonly string[];
}

const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;
const CAPITAL = /^\p{Lu}/u;

/**
 * The tokens whose capital is the archive's: a title-case word right after one of the
 * abbreviations, inside the sentence, that is not a name's first word. A name shows itself by
 * the next word's capital ("U.S. Central Command", "U.S. Agriculture Department") or by being
 * one of the words that name an institution alone ("U.S. Navy").
 */
export function artefactCapitals(doc: Document, words: CasingWords): Layers['casing'] {
  const tokens = doc.layers.tokens ?? [];
  const sentences = doc.layers.sentences ?? [];
  const abbreviations = new Set(words.abbreviations);
  const names = new Set(words.namesOnTheirOwn);
  const out: Array<Layers['casing'][number]> = [];
  let s = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const before = tokens[i - 1]!;
    if (!abbreviations.has(doc.text.slice(before.start, before.end))) continue;
    // Only a space between: "U.S.-led" and a line break after a heading are left alone.
    if (t.start !== before.end + 1 || doc.text[before.end] !== ' ') continue;
    while (s < sentences.length && sentences[s]!.end <= before.start) s++;
    const sentence = sentences[s];
    // The abbreviation ends its sentence: the capital is the next sentence's.
    if (sentence === undefined || t.start >= sentence.end) continue;
    const form = doc.text.slice(t.start, t.end);
    if (!TITLE_CASE.test(form) || names.has(t.norm)) continue;
    const next = tokens[i + 1];
    if (next !== undefined && next.start < sentence.end && CAPITAL.test(doc.text.slice(next.start, next.end))) continue;
    const lower = form.toLowerCase();
    // A form must keep the text's offsets ("İ" lowers to two code units).
    if (lower.length === form.length) out.push({ start: t.start, end: t.end, form: lower });
  }
  return Object.freeze(out);
}

/**
 * The text the statistical models read: the document's text with each casing form put in
 * place. Forms only change letters' case, so every offset holds.
 */
export function textForModels(doc: Document): string {
  const casing = doc.layers.casing ?? [];
  if (casing.length === 0) return doc.text;
  let out = '';
  let at = 0;
  for (const c of casing) {
    out += doc.text.slice(at, c.start) + c.form;
    at = c.end;
  }
  return out + doc.text.slice(at);
}

export const CASING_STAGE: StageHead<'casing'> = { name: 'casing', version: '1', requires: ['tokens', 'sentences'], assigns: 'casing' };

export function createCasingStage(words: CasingWords): Stage<'casing'> {
  return Object.freeze({ ...CASING_STAGE, run: (doc: Document): Layers['casing'] => artefactCapitals(doc, words) });
}
