import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';

/**
 * The CoNLL-2003 format: one token a line (`TOKEN POS CHUNK NER`, single spaces), a blank
 * line ends a sentence, a line starting `-DOCSTART-` starts a document. NER tags are IOB1:
 * `I-X` starts an entity unless the token before is of type X; `B-X` always starts one.
 */

/** An entity as token offsets into its sentence, end exclusive. */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

export interface ConllSentence {
  readonly words: readonly string[];
  /** The file's NER tags, as written (IOB1). */
  readonly tags: readonly string[];
  readonly entities: readonly TokenSpan[];
  /** 1-based line of the sentence's first token. */
  readonly line: number;
}

export interface ConllDocument {
  readonly sentences: readonly ConllSentence[];
  /** 1-based line of the `-DOCSTART-` line (or of the first token when there is none). */
  readonly line: number;
}

const TAG = /^(?:O|[IB]-[A-Za-z]+)$/;

export async function readConll(path: string): Promise<ConllDocument[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError('DOSSIER_INPUT_UNREADABLE', { file: path }, `cannot read the CoNLL file (${(error as Error).message})`);
  }
  return parseConll(text, path);
}

/** Documents of a CoNLL-2003 file; `file` names the input in errors. */
export function parseConll(text: string, file: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let sentences: ConllSentence[] = [];
  let docLine = 0;
  let words: string[] = [];
  let tags: string[] = [];
  let sentenceLine = 0;

  const endSentence = (): void => {
    if (words.length === 0) return;
    sentences.push({ words, tags, entities: iob1ToSpans(tags), line: sentenceLine });
    words = [];
    tags = [];
  };
  const endDocument = (): void => {
    endSentence();
    if (sentences.length > 0) documents.push({ sentences, line: docLine });
    sentences = [];
  };

  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    const lineNo = i + 1;
    if (line.startsWith('-DOCSTART-')) {
      endDocument();
      docLine = lineNo;
      continue;
    }
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    const fields = line.split(' ');
    if (fields.length < 2 || fields.some((field) => field === '')) {
      throw new InputError(
        'DOSSIER_INPUT_BAD_RECORD',
        { file, line: lineNo },
        `expected "TOKEN POS CHUNK NER" separated by single spaces, got ${JSON.stringify(line.slice(0, 80))}`,
      );
    }
    const tag = fields[fields.length - 1]!;
    if (!TAG.test(tag)) {
      throw new InputError(
        'DOSSIER_INPUT_BAD_RECORD',
        { file, line: lineNo },
        `the NER tag ${JSON.stringify(tag)} is not O, I-TYPE or B-TYPE`,
      );
    }
    if (words.length === 0) sentenceLine = lineNo;
    if (sentences.length === 0 && words.length === 0 && docLine === 0) docLine = lineNo;
    words.push(fields[0]!);
    tags.push(tag);
  }
  endDocument();
  if (documents.length === 0) throw new InputError('DOSSIER_INPUT_EMPTY', { file }, 'the CoNLL file holds no tokens');
  return documents;
}

/** Entities of one sentence's IOB1 tags. */
export function iob1ToSpans(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: { start: number; type: string } | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const type = tag === 'O' ? null : tag.slice(2);
    const continues = open !== null && type === open.type && tag.startsWith('I-');
    if (continues) continue;
    if (open !== null) spans.push({ start: open.start, end: i, type: open.type });
    open = type === null ? null : { start: i, type };
  }
  if (open !== null) spans.push({ start: open.start, end: tags.length, type: open.type });
  return spans;
}

/** Entities of BIO (IOB2) labels; a stray `I-X` starts an entity, as conlleval reads it. */
export function bioToSpans(labels: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: { start: number; type: string } | null = null;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    const type = label === 'O' ? null : label.slice(2);
    if (open !== null && label === `I-${open.type}`) continue;
    if (open !== null) spans.push({ start: open.start, end: i, type: open.type });
    open = type === null ? null : { start: i, type };
  }
  if (open !== null) spans.push({ start: open.start, end: labels.length, type: open.type });
  return spans;
}

/** BIO labels for entities over `length` tokens. */
export function spansToBio(spans: readonly TokenSpan[], length: number): string[] {
  const labels = new Array<string>(length).fill('O');
  for (const span of spans) {
    for (let i = span.start; i < span.end; i++) labels[i] = `${i === span.start ? 'B' : 'I'}-${span.type}`;
  }
  return labels;
}
