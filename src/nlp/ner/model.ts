import { gunzipSync, gzipSync } from 'node:zlib';
import { type FeatureResources, HashList, type SentenceFeatureParts, wordFeatures } from './features.js';
import { buildGazetteer, type GazetteerLists } from './gazetteer.js';
import { clusterTable, type WordClusters } from './word-clusters.js';

/**
 * The trained tagger: weights per (feature hash, label), label transitions, and the name
 * lists and word clusters its features were trained with. Stored as one gzipped binary file:
 *   "DNER" | u32 header length | header JSON | pad to 4 | u32 keys[n] | i16 weights[n × labels]
 * Weights are quantized to int16 with one scale; emission scores are summed as integers and
 * scaled once.
 */

export interface NerModelInfo {
  readonly version: number;
  readonly trainedOn: string;
  readonly epochs: number;
  readonly features: number;
  readonly devF1: number | null;
  /** Divides chain scores before marginals, so confidences match observed accuracy. */
  readonly temperature: number;
}

export interface NerModel {
  readonly labels: readonly string[];
  readonly info: NerModelInfo;
  readonly lexicon: NerLexicon;
  /** The lexicon, indexed for feature lookups. */
  readonly resources: FeatureResources;
  /** Score of label j right after label i, at labels × i + j; -Infinity where BIO forbids it. */
  readonly transitions: Float64Array;
  /** Score of starting a sentence with each label. */
  readonly start: Float64Array;
  /** Score of ending a sentence on each label. */
  readonly end: Float64Array;
  /** Feature hashes, row order of `weights`. */
  readonly keys: Uint32Array;
  readonly weights: Int16Array;
  readonly scale: number;
  /**
   * Open-addressing table of feature hashes, two numbers per slot: the hash and its row + 1
   * (0: empty). A lookup reads the hash and the row from one cache line.
   */
  readonly slots: Int32Array;
  /**
   * Per word as the features read it, what its own features (wordFeatures) add to each
   * label, in integer units of `scale`: filled while tagging, since news repeats its words,
   * and emptied when it holds WORD_SUMS_MAX words. Not stored in the file.
   */
  readonly wordSums: Map<string, Int32Array>;
}

const WORD_SUMS_MAX = 100_000;
/** Room for one token's rows in addRows (a token with more features gets its own). */
const SCRATCH = 256;

/** What the features read besides the words: stored in the model so tagging matches training. */
export interface NerLexicon {
  readonly gazetteer: GazetteerLists;
  readonly clusters: WordClusters;
}

export function lexiconResources(lexicon: NerLexicon): FeatureResources {
  return {
    gazetteer: buildGazetteer(lexicon.gazetteer),
    clusters: clusterTable(lexicon.clusters),
    clusterSizes: lexicon.clusters.sizes,
  };
}

interface Header {
  readonly labels: readonly string[];
  readonly info: NerModelInfo;
  readonly lexicon: NerLexicon;
  readonly transitions: readonly number[];
  readonly start: readonly number[];
  readonly end: readonly number[];
  readonly rows: number;
  readonly scale: number;
}

const MAGIC = 'DNER';

export interface ModelParts {
  readonly labels: readonly string[];
  readonly info: NerModelInfo;
  readonly lexicon: NerLexicon;
  readonly transitions: Float64Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly keys: Uint32Array;
  /** Real-valued weights, rows × labels. */
  readonly weights: Float64Array;
}

export function createModel(parts: ModelParts): NerModel {
  const { weights, scale } = quantize(parts.weights);
  return assemble(parts.labels, parts.info, parts.lexicon, parts.transitions, parts.start, parts.end, parts.keys, weights, scale);
}

function quantize(weights: Float64Array): { weights: Int16Array; scale: number } {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max === 0 ? 1 : max / 32767;
  const out = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) out[i] = Math.round(weights[i]! / scale);
  return { weights: out, scale };
}

function assemble(
  labels: readonly string[],
  info: NerModelInfo,
  lexicon: NerLexicon,
  transitions: Float64Array,
  start: Float64Array,
  end: Float64Array,
  keys: Uint32Array,
  weights: Int16Array,
  scale: number,
): NerModel {
  return {
    labels,
    info,
    lexicon,
    resources: lexiconResources(lexicon),
    transitions,
    start,
    end,
    keys,
    weights,
    scale,
    slots: buildSlots(keys),
    wordSums: new Map(),
  };
}

function buildSlots(keys: Uint32Array): Int32Array {
  let size = 1024;
  while (size < keys.length * 2) size *= 2;
  const slots = new Int32Array(2 * size);
  const mask = size - 1;
  for (let row = 0; row < keys.length; row++) {
    let slot = mix(keys[row]!) & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = keys[row]!;
    slots[2 * slot + 1] = row + 1;
  }
  return slots;
}

// FNV's low bits are weak for sequential strings; one multiply spreads them over the table.
function mix(key: number): number {
  return Math.imul(key ^ (key >>> 16), 0x45d9f3b) >>> 0;
}

/** The weight row of a feature hash, or -1 when the model has no weights for it. */
export function featureRow(model: NerModel, key: number): number {
  const slots = model.slots;
  const mask = (slots.length >> 1) - 1;
  return probe(slots, mask, mix(key) & mask, key | 0);
}

/**
 * As emissionScores, from a sentence's features in parts: a word's own features are summed
 * once per word (model.wordSums). The sums are integers, so the scores are the same.
 */
export function partEmissionScores(model: NerModel, sentence: SentenceFeatureParts): Float64Array {
  const n = model.labels.length;
  const { words, hashes, offsets } = sentence;
  const out = new Float64Array(words.length * n);
  const sums = new Int32Array(n);
  const scratch = new Int32Array(SCRATCH);
  let list: HashList | undefined;
  for (let t = 0; t < words.length; t++) {
    let own = model.wordSums.get(words[t]!);
    if (own === undefined) {
      own = new Int32Array(n);
      list ??= new HashList();
      const features = wordFeatures(words[t]!, list);
      addRows(model, features, 0, features.length, own, scratch);
      if (model.wordSums.size >= WORD_SUMS_MAX) model.wordSums.clear();
      model.wordSums.set(words[t]!, own);
    }
    sums.set(own);
    addRows(model, hashes, offsets[t]!, offsets[t + 1]!, sums, scratch);
    for (let y = 0; y < n; y++) out[t * n + y] = sums[y]! * model.scale;
  }
  return out;
}

/**
 * Adds the weight rows of features[from .. to) into `sums`. The table slots, then the rows, are
 * first read in loops without branches, so their cache misses overlap; the loops that use
 * them then find them in the cache.
 */
function addRows(model: NerModel, features: Uint32Array, from: number, to: number, sums: Int32Array, scratch: Int32Array): void {
  const n = model.labels.length;
  const { weights, slots } = model;
  const mask = (slots.length >> 1) - 1;
  const count = to - from;
  const rows = count < scratch.length ? scratch : new Int32Array(count + 1);
  let touched = 0;
  for (let f = 0; f < count; f++) {
    const slot = mix(features[from + f]!) & mask;
    rows[f] = slot;
    touched ^= slots[2 * slot]!;
  }
  for (let f = 0; f < count; f++) rows[f] = probe(slots, mask, rows[f]!, features[from + f]! | 0);
  for (let f = 0; f < count; f++) {
    const row = rows[f]!;
    touched ^= weights[(row & ~(row >> 31)) * n]!;
  }
  for (let f = 0; f < count; f++) {
    const row = rows[f]!;
    if (row < 0) continue;
    const base = row * n;
    for (let y = 0; y < n; y++) sums[y]! += weights[base + y]!;
  }
  rows[count] = touched;
}

/** From `slot` on, the row of the hash `signed`, or -1. */
function probe(slots: Int32Array, mask: number, slot: number, signed: number): number {
  for (;;) {
    const row = slots[2 * slot + 1]!;
    if (row === 0) return -1;
    if (slots[2 * slot] === signed) return row - 1;
    slot = (slot + 1) & mask;
  }
}

/** Emission scores, tokens × labels, of one sentence's feature hashes. */
export function emissionScores(model: NerModel, tokens: readonly Uint32Array[]): Float64Array {
  const n = model.labels.length;
  const out = new Float64Array(tokens.length * n);
  const sums = new Int32Array(n);
  const scratch = new Int32Array(SCRATCH);
  for (let t = 0; t < tokens.length; t++) {
    sums.fill(0);
    addRows(model, tokens[t]!, 0, tokens[t]!.length, sums, scratch);
    for (let y = 0; y < n; y++) out[t * n + y] = sums[y]! * model.scale;
  }
  return out;
}

// JSON has no -Infinity: forbidden transitions travel as null.
function finiteOrNull(values: Float64Array): number[] {
  return [...values].map((v) => (Number.isFinite(v) ? v : null)) as number[];
}

export function encodeModel(model: NerModel): Buffer {
  const header: Header = {
    labels: model.labels,
    info: model.info,
    lexicon: model.lexicon,
    transitions: finiteOrNull(model.transitions),
    start: finiteOrNull(model.start),
    end: finiteOrNull(model.end),
    rows: model.keys.length,
    scale: model.scale,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerEnd = 8 + json.length;
  const pad = (4 - (headerEnd % 4)) % 4;
  const body = Buffer.alloc(headerEnd + pad + model.keys.byteLength + model.weights.byteLength);
  body.write(MAGIC, 0, 'latin1');
  body.writeUInt32LE(json.length, 4);
  json.copy(body, 8);
  let offset = headerEnd + pad;
  for (const key of model.keys) {
    body.writeUInt32LE(key, offset);
    offset += 4;
  }
  for (const w of model.weights) {
    body.writeInt16LE(w, offset);
    offset += 2;
  }
  return gzipSync(body, { level: 9 });
}

export function decodeModel(gzipped: Uint8Array, file: string): NerModel {
  const body = gunzipSync(gzipped);
  if (body.toString('latin1', 0, 4) !== MAGIC) throw new Error(`${file}: not a Dossier NER model`);
  const jsonLength = body.readUInt32LE(4);
  const header = JSON.parse(body.toString('utf8', 8, 8 + jsonLength)) as Header;
  const headerEnd = 8 + jsonLength;
  let offset = headerEnd + ((4 - (headerEnd % 4)) % 4);
  // Copies give aligned buffers for the typed views (the file is little-endian, as is every
  // platform Node runs on).
  const keyBytes = header.rows * 4;
  const keys = new Uint32Array(body.buffer.slice(body.byteOffset + offset, body.byteOffset + offset + keyBytes));
  offset += keyBytes;
  const weightBytes = header.rows * header.labels.length * 2;
  const weights = new Int16Array(body.buffer.slice(body.byteOffset + offset, body.byteOffset + offset + weightBytes));
  const finite = (values: readonly (number | null)[]): Float64Array =>
    Float64Array.from(values, (v) => (v === null ? Number.NEGATIVE_INFINITY : v));
  return assemble(
    header.labels,
    header.info,
    header.lexicon,
    finite(header.transitions),
    finite(header.start),
    finite(header.end),
    keys,
    weights,
    header.scale,
  );
}
