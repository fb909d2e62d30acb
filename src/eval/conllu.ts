import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

/**
 * A CoNLL-U reader (https://universaldependencies.org/format.html). Sentences hold their
 * syntactic words; multiword tokens ("3-4 don't") are kept beside them with the range they
 * cover, and empty nodes ("8.1") are skipped, as the CoNLL 2018 evaluation skips them.
 */

export interface ConlluWord {
  readonly id: number;
  readonly form: string;
  readonly lemma: string;
  readonly upos: string;
  readonly xpos: string;
  readonly feats: string;
  /** 1-based head within the sentence, 0 for the root. */
  readonly head: number;
  readonly deprel: string;
  readonly misc: string;
}

export interface ConlluMultiword {
  readonly first: number;
  readonly last: number;
  readonly form: string;
  readonly misc: string;
}

export interface ConlluSentence {
  /** `# sent_id`, or the sentence's first line number when absent. */
  readonly id: string;
  /** `# text`, when given. */
  readonly text: string | null;
  /** True when a `# newdoc` comment opens this sentence. */
  readonly newDoc: boolean;
  /** True when a `# newpar` comment opens this sentence. */
  readonly newPar: boolean;
  readonly words: readonly ConlluWord[];
  readonly multiwords: readonly ConlluMultiword[];
  /** 1-based line number of the sentence's first line in the file. */
  readonly line: number;
}

/** A CoNLL-U file that breaks the format, at a line: the catalogue's DOSSIER_INPUT_BAD_RECORD. */
export class ConlluError extends InputError {
  constructor(file: string, line: number, problem: string) {
    super('DOSSIER_INPUT_BAD_RECORD', { file, line }, problem);
    this.name = 'ConlluError';
  }
}

/** Parses CoNLL-U text; `file` only names the source in errors. */
export function parseConllu(text: string, file = '<input>'): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  const lines = text.split('\n');
  let words: ConlluWord[] = [];
  let multiwords: ConlluMultiword[] = [];
  let id: string | null = null;
  let sentenceText: string | null = null;
  let newDoc = false;
  let newPar = false;
  let first = 0;
  const flush = (): void => {
    if (words.length > 0) {
      checkHeads(words, file, first);
      out.push({ id: id ?? String(first), text: sentenceText, newDoc, newPar, words, multiwords, line: first });
    }
    words = [];
    multiwords = [];
    id = null;
    sentenceText = null;
    newDoc = false;
    newPar = false;
    first = 0;
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.replace(/\r$/, '');
    const lineNo = n + 1;
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (first === 0) first = lineNo;
    if (line.startsWith('#')) {
      // "# newdoc" and "# newpar" may carry an id: "# newdoc id = weblog-001".
      if (/^#\s*newdoc\b/.test(line)) newDoc = true;
      else if (/^#\s*newpar\b/.test(line)) newPar = true;
      else {
        const m = /^#\s*([a-z_]+)\s*(?:=\s?(.*))?$/.exec(line);
        if (m?.[1] === 'sent_id') id = (m[2] ?? '').trim();
        else if (m?.[1] === 'text') sentenceText = m[2] ?? '';
      }
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) throw new ConlluError(file, lineNo, `expected 10 tab-separated columns, found ${cols.length}`);
    const [idCol, form, lemma, upos, xpos, feats, headCol, deprel, , misc] = cols as [string, string, string, string, string, string, string, string, string, string];
    if (idCol.includes('.')) continue;
    const range = /^(\d+)-(\d+)$/.exec(idCol);
    if (range) {
      multiwords.push({ first: Number(range[1]), last: Number(range[2]), form, misc });
      continue;
    }
    if (!/^\d+$/.test(idCol)) throw new ConlluError(file, lineNo, `bad word id "${idCol}"`);
    const wordId = Number(idCol);
    if (wordId !== words.length + 1) throw new ConlluError(file, lineNo, `word id ${wordId} out of order (expected ${words.length + 1})`);
    if (!/^\d+$/.test(headCol)) throw new ConlluError(file, lineNo, `bad head "${headCol}"`);
    words.push({ id: wordId, form, lemma, upos, xpos, feats, head: Number(headCol), deprel, misc });
  }
  flush();
  return out;
}

function checkHeads(words: readonly ConlluWord[], file: string, line: number): void {
  for (const w of words) {
    if (w.head > words.length) throw new ConlluError(file, line, `word ${w.id} has head ${w.head}, beyond the sentence's ${words.length} words`);
  }
}

export function readConllu(file: string): ConlluSentence[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError('DOSSIER_INPUT_UNREADABLE', { file }, `cannot read: ${(error as Error).message}`);
  }
  return parseConllu(text, file);
}

/** True when MISC says no space follows the word or token. */
export function noSpaceAfter(misc: string): boolean {
  return misc.split('|').includes('SpaceAfter=No');
}
