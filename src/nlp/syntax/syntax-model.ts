import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { LemmaRules } from './lemmatizer.js';
import { decodeLinearModel, encodeLinearModel, type LinearModel } from './linear-model.js';
import { type ParserModel, parserModel } from './parser.js';
import type { TaggerModel } from './tagger.js';
import type { WordLexicon } from './word-codes.js';

/**
 * The trained syntax model: tagger, lemmatizer and parser, with the word lexicon their
 * features read. One gzipped file:
 *   "DSYN" | u32 header length | header JSON | tagger weights | transition weights | label weights
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

interface Header {
  readonly info: SyntaxModelInfo;
  readonly clusters: Record<string, readonly number[]>;
  readonly ambiguity: Record<string, number>;
  readonly fixedTags: Record<string, number>;
  readonly tags: readonly string[];
  readonly relations: readonly string[];
  readonly lemmas: LemmaRules;
  /** The tagger's second-pass margin; null (JSON has no Infinity) re-tags every word. */
  readonly recheckBelow: number | null;
}

const MAGIC = 'DSYN';
/** Weight blocks in file order: the tagger's two passes, the transitions, the labels. */
const BLOCKS = 4;

/** The committed model file, beside this module's source. */
export const SYNTAX_MODEL_FILE = 'syntax-ewt.bin.gz';

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

export function encodeSyntaxModel(model: SyntaxModel): Buffer {
  const header: Header = {
    info: model.info,
    clusters: Object.fromEntries(model.lexicon.clusters),
    ambiguity: Object.fromEntries(model.lexicon.ambiguity),
    fixedTags: Object.fromEntries(model.lexicon.fixedTags),
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
  const blocks = [model.tagger.weights, model.tagger.second, model.parser.transitions, model.parser.labels];
  const parts = [head, json, ...blocks.map(encodeLinearModel)];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeSyntaxModel(gz: Buffer): SyntaxModel {
  const buffer = gunzipSync(gz);
  if (buffer.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a Dossier syntax model');
  const length = buffer.readUInt32LE(4);
  const header = JSON.parse(buffer.toString('utf8', 8, 8 + length)) as Header;
  const blocks: LinearModel[] = [];
  for (let offset = 8 + length, k = 0; k < BLOCKS; k++) {
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
  return assembleSyntaxModel(
    header.info,
    lexicon,
    { labels: header.tags, weights: first, second, recheckBelow: header.recheckBelow ?? Number.POSITIVE_INFINITY },
    header.lemmas,
    parserModel(header.relations, transitions, labels),
  );
}

export function loadSyntaxModel(path = defaultSyntaxModelPath()): SyntaxModel {
  return decodeSyntaxModel(readFileSync(path));
}
