import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { type LemmaRules, withKnownLemmas } from './lemmatizer.js';
import { loadNewsVerbs } from '../../knowledge/news-verbs.js';
import { decodeLinearModel, type LinearModel, pad4, readDenseBlock, readSparseBlock, writeDenseBlock, writeSparseBlock } from './linear-model.js';
import { type ParserModel, parserModel } from './parser.js';
import type { TaggerModel } from './tagger.js';
import type { WordLexicon } from './word-codes.js';

/**
 * The trained syntax model: tagger, lemmatizer and parser, with the word lexicon their
 * features read, in one file (layout at encodeSyntaxModel).
 * Trained by scripts/train-syntax.ts on the UD English Web Treebank (CC BY-SA 4.0).
 */

export interface SyntaxModelInfo {
  readonly trainedOn: string;
  readonly licence: string;
  readonly taggerEpochs: number;
  readonly parserEpochs: number;
  readonly seed: number;
}

export interface SyntaxModel {
  readonly info: SyntaxModelInfo;
  readonly lexicon: WordLexicon;
  readonly tagger: TaggerModel;
  readonly lemmas: LemmaRules;
  readonly parser: ParserModel;
  /** Per tagger class: its UPOS and Penn tag. */
  readonly upos: readonly string[];
  readonly xpos: readonly string[];
  /** The tagger class of a past-tense verb ("VERB VBD"). */
  readonly pastTense: number;
}

/** The legacy header kept the lexicon as objects keyed by word. */
interface LegacyHeader extends Omit<Header, 'lexicon'> {
  readonly clusters: Record<string, readonly number[]>;
  readonly ambiguity: Record<string, number>;
  readonly fixedTags?: Record<string, number>;
}

/**
 * Words joined by newlines and their numbers in one array: JSON parses a string and an
 * array of numbers many times faster than an object with 20,000 keys.
 */
interface WordTable {
  readonly words: string;
  /** `width` numbers per word. */
  readonly values: readonly number[];
}

interface Header {
  readonly info: SyntaxModelInfo;
  readonly lexicon: { readonly clusters: WordTable; readonly ambiguity: WordTable; readonly fixedTags: WordTable };
  readonly tags: readonly string[];
  readonly relations: readonly string[];
  readonly lemmas: LemmaRules;
  /** The tagger's second-pass margin; null (JSON has no Infinity) re-tags every word. */
  readonly recheckBelow: number | null;
}

const MAGIC = 'DSY2';
/** The gzipped layout before DSY2, read by scripts/convert-syntax-model.ts. */
const LEGACY_MAGIC = 'DSYN';

/** The committed model file, beside this module's source. */
export const SYNTAX_MODEL_FILE = 'syntax-ewt.bin';

/** Beside the module in a build (dist/), else in the source tree. */
export function defaultSyntaxModelPath(): string {
  const beside = fileURLToPath(new URL(`./model/${SYNTAX_MODEL_FILE}`, import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL(`../../../src/nlp/syntax/model/${SYNTAX_MODEL_FILE}`, import.meta.url));
}

export function assembleSyntaxModel(info: SyntaxModelInfo, lexicon: WordLexicon, tagger: TaggerModel, lemmas: LemmaRules, parser: ParserModel): SyntaxModel {
  return {
    info,
    lexicon,
    tagger,
    lemmas,
    parser,
    upos: tagger.labels.map((l) => l.split(' ')[0]!),
    xpos: tagger.labels.map((l) => l.split(' ')[1]!),
    pastTense: Math.max(0, tagger.labels.indexOf('VERB VBD')),
  };
}

/**
 * One file, not compressed, so that loading is reading: "DSY2" | u32 header length | header
 * JSON | padding to 4 bytes | the tagger's two passes and the arc labels as sparse blocks, the
 * transitions as a dense block (linear-model.ts), and the finished-tree labeller's sparse block
 * when the parser has one. The weights are used where they lie in the
 * file; inflating a gzipped file of the same weights took longer than all the rest of loading.
 * Little-endian, as every platform Node runs on.
 */
export function encodeSyntaxModel(model: SyntaxModel): Buffer {
  const header: Header = {
    info: model.info,
    lexicon: {
      clusters: wordTable([...model.lexicon.clusters].map(([w, ids]) => [w, [ids[0]!, ids[1]!]])),
      ambiguity: wordTable([...model.lexicon.ambiguity].map(([w, id]) => [w, [id]])),
      fixedTags: wordTable([...model.lexicon.fixedTags].map(([w, id]) => [w, [id]])),
    },
    tags: model.tagger.labels,
    relations: model.parser.relations,
    lemmas: model.lemmas,
    recheckBelow: Number.isFinite(model.tagger.recheckBelow) ? model.tagger.recheckBelow : null,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(8);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(json.length, 4);
  if (model.tagger.second === null) throw new Error('the syntax model needs both tagger passes');
  const padding = Buffer.alloc(pad4(8 + json.length) - 8 - json.length);
  const blocks = [writeSparseBlock(model.tagger.weights), writeSparseBlock(model.tagger.second), writeDenseBlock(model.parser.transitions), writeSparseBlock(model.parser.labels)];
  if (model.parser.relabel !== null) blocks.push(writeSparseBlock(model.parser.relabel));
  return Buffer.concat([head, json, padding, ...blocks]);
}

export function decodeSyntaxModel(bytes: Buffer): SyntaxModel {
  const magic = bytes.toString('latin1', 0, 4);
  if (magic !== MAGIC) throw new Error(magic === LEGACY_MAGIC || bytes[0] === 0x1f ? 'a syntax model in the old gzipped layout: convert it with scripts/convert-syntax-model.ts' : 'not a Dossier syntax model');
  // The weights are read in place as 32- and 16-bit arrays, which need aligned offsets.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(new Uint8Array(bytes));
  const length = aligned.readUInt32LE(4);
  const header = JSON.parse(aligned.toString('utf8', 8, 8 + length)) as Header;
  let offset = pad4(8 + length);
  const first = readSparseBlock(aligned, offset);
  const second = readSparseBlock(aligned, first.next);
  const transitions = readDenseBlock(aligned, second.next);
  const labels = readSparseBlock(aligned, transitions.next);
  offset = labels.next;
  // The finished-tree labeller, when the model has one, is the last block.
  let relabel: LinearModel | null = null;
  if (offset < aligned.length) {
    const block = readSparseBlock(aligned, offset);
    relabel = block.model;
    offset = block.next;
  }
  if (offset !== aligned.length) throw new Error(`corrupt syntax model: ${aligned.length - offset} bytes after the last block`);
  const lexicon: WordLexicon = {
    clusters: readWordTable(header.lexicon.clusters, 2, (values, k) => [values[k]!, values[k + 1]!]),
    ambiguity: readWordTable(header.lexicon.ambiguity, 1, (values, k) => values[k]!),
    fixedTags: readWordTable(header.lexicon.fixedTags, 1, (values, k) => values[k]!),
  };
  return fromHeader(header, lexicon, first.model, second.model, parserModel(header.relations, transitions.model, labels.model, relabel));
}

function wordTable(entries: ReadonlyArray<readonly [string, readonly number[]]>): WordTable {
  for (const [word] of entries) if (word.includes('\n')) throw new Error(`a lexicon word with a line break: ${JSON.stringify(word)}`);
  return { words: entries.map(([w]) => w).join('\n'), values: entries.flatMap(([, v]) => v) };
}

function readWordTable<T>(table: WordTable, width: number, value: (values: readonly number[], k: number) => T): Map<string, T> {
  const map = new Map<string, T>();
  if (table.words === '') return map;
  const words = table.words.split('\n');
  for (let i = 0; i < words.length; i++) map.set(words[i]!, value(table.values, i * width));
  return map;
}

function fromHeader(header: Omit<Header, 'lexicon'>, lexicon: WordLexicon, first: LinearModel, second: LinearModel, parser: ParserModel): SyntaxModel {
  return assembleSyntaxModel(header.info, lexicon, { labels: header.tags, weights: first, second, recheckBelow: header.recheckBelow ?? Number.POSITIVE_INFINITY }, header.lemmas, parser);
}

/**
 * The gzipped layout before DSY2: "DSYN" | u32 header length | header JSON | the tagger's
 * two passes, the transitions and the labels, each as linear-model.ts's encodeLinearModel.
 */
export function decodeLegacySyntaxModel(gz: Buffer): SyntaxModel {
  const buffer = gunzipSync(gz);
  if (buffer.toString('latin1', 0, 4) !== LEGACY_MAGIC) throw new Error('not a Dossier syntax model in the old layout');
  const length = buffer.readUInt32LE(4);
  const header = JSON.parse(buffer.toString('utf8', 8, 8 + length)) as LegacyHeader;
  const blocks: LinearModel[] = [];
  for (let offset = 8 + length, k = 0; k < 4; k++) {
    const block = decodeLinearModel(buffer, offset);
    blocks.push(block.model);
    offset = block.next;
  }
  const [first, second, transitions, labels] = blocks as [LinearModel, LinearModel, LinearModel, LinearModel];
  const lexicon: WordLexicon = {
    clusters: new Map(Object.entries(header.clusters)),
    ambiguity: new Map(Object.entries(header.ambiguity)),
    fixedTags: new Map(Object.entries(header.fixedTags ?? {})),
  };
  return fromHeader(header, lexicon, first, second, parserModel(header.relations, transitions, labels));
}

/** The committed model, its lemmatizer knowing the verbs news uses that its treebank lacks. */
export function loadSyntaxModel(path = defaultSyntaxModelPath()): SyntaxModel {
  const model = decodeSyntaxModel(readFileSync(path));
  return { ...model, lemmas: withKnownLemmas(model.lemmas, 'V', loadNewsVerbs()) };
}
