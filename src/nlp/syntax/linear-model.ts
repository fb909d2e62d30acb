/**
 * The linear models under the tagger, the parser and the labeller: feature hashes fold into
 * 2^bits buckets, and each bucket keeps only the classes with a non-zero weight (compressed
 * sparse rows indexed by bucket). Scoring a feature is two array reads and a short loop, and
 * the file holds no strings. Collisions between features cost little accuracy at these sizes.
 *
 * Trained as an averaged perceptron (Collins 2002; Daumé's trick: w − u/c), dense while
 * training, made sparse at the end.
 */

export interface LinearModel {
  readonly classes: number;
  readonly bits: number;
  /**
   * Per bucket, one 32-bit word: 0 when the bucket is empty; negative (sign bit set) when it
   * holds one weight, kept here as in `rows`, so most features cost one memory read; else
   * `start << 8 | count`, its weights being rows[start .. start + count).
   */
  readonly index: Int32Array;
  /** One weight per entry: `class << 16 | (weight & 0xffff)`, the weight a 16-bit integer in units of `scale`. */
  readonly rows: Int32Array;
  readonly scale: number;
}

/** Index word of a bucket holding one weight. */
function inlineEntry(cls: number, q: number): number {
  return (0x80000000 | (cls << 16) | (q & 0xffff)) | 0;
}

/** Weights in the bucket (0, 1, or the count in the index word). */
export function bucketSize(index: Int32Array, bucket: number): number {
  const e = index[bucket]!;
  return e === 0 ? 0 : e < 0 ? 1 : e & 0xff;
}

/**
 * Packs per-bucket (class, 16-bit weight) lists, bucket by bucket, into the index and rows.
 * `counts[b]` weights of bucket b follow one another in `cls` and `q`.
 */
export function packLinearModel(classes: number, bits: number, counts: ArrayLike<number>, cls: ArrayLike<number>, q: ArrayLike<number>, scale: number): LinearModel {
  const buckets = 1 << bits;
  const index = new Int32Array(buckets);
  let multi = 0;
  for (let b = 0; b < buckets; b++) if (counts[b]! > 1) multi += counts[b]!;
  const rows = new Int32Array(multi);
  let k = 0;
  let r = 0;
  for (let b = 0; b < buckets; b++) {
    const count = counts[b]!;
    if (count > 255) throw new Error('bucket overflow');
    if (count === 1) index[b] = inlineEntry(cls[k]!, q[k]!);
    else if (count > 1) {
      if (r >= 1 << 23) throw new Error('too many weights for the index');
      index[b] = (r << 8) | count;
      for (let j = 0; j < count; j++) rows[r++] = (cls[k + j]! << 16) | (q[k + j]! & 0xffff);
    }
    k += count;
  }
  return { classes, bits, index, rows, scale };
}

/**
 * Adds the weights of `count` feature hashes into `sums` (one integer per class, zeroed
 * here), in units of `model.scale`. Integer sums are exact, so the order in which features
 * are added cannot change a decision.
 */
export function scoreFeatures(model: LinearModel, features: Int32Array, count: number, sums: Int32Array): void {
  sums.fill(0, 0, model.classes);
  addFeatures(model, features, count, sums);
}

/** As scoreFeatures, adding to the sums already there. */
export function addFeatures(model: LinearModel, features: Int32Array, count: number, sums: Int32Array): void {
  const mask = (1 << model.bits) - 1;
  const { index, rows } = model;
  // The index words are read first, with no branch between the reads, so the processor
  // waits for their cache misses together rather than one after another; then the first
  // weight of every bucket likewise (an inline or empty bucket reads rows[0]), so the loop
  // that adds them, whose branches depend on the buckets' sizes, finds them in the cache.
  for (let f = 0; f < count; f++) entries[f] = index[features[f]! & mask]!;
  let touched = 0;
  for (let f = 0; f < count; f++) {
    const e = entries[f]!;
    touched ^= rows[(e >>> 8) & ~(e >> 31)]!;
  }
  entries[count] = touched;
  for (let f = 0; f < count; f++) {
    const e = entries[f]!;
    if (e < 0) sums[(e >>> 16) & 0xff]! += (e << 16) >> 16;
    else if (e !== 0) {
      const start = e >>> 8;
      const end = start + (e & 0xff);
      for (let k = start; k < end; k++) {
        const r = rows[k]!;
        sums[r >>> 16]! += (r << 16) >> 16;
      }
    }
  }
}

/** Scratch for scoreFeatures: no call site has more features than this. */
const entries = new Int32Array(257);

/** The first class with the highest score. */
export function argmaxInt(sums: Int32Array, n: number): number {
  let best = 0;
  let top = sums[0]!;
  for (let y = 1; y < n; y++) {
    if (sums[y]! > top) {
      top = sums[y]!;
      best = y;
    }
  }
  return best;
}

export class PerceptronTrainer {
  readonly classes: number;
  readonly bits: number;
  private readonly w: Float32Array;
  private readonly u: Float64Array;
  /** Instances seen: the averaging clock. */
  private c = 1;

  constructor(classes: number, bits: number) {
    if (classes > 256) throw new Error(`at most 256 classes, not ${classes}`);
    this.classes = classes;
    this.bits = bits;
    this.w = new Float32Array((1 << bits) * classes);
    this.u = new Float64Array((1 << bits) * classes);
  }

  score(features: Int32Array, count: number, out: Float32Array): void {
    out.fill(0, 0, this.classes);
    const mask = (1 << this.bits) - 1;
    const C = this.classes;
    for (let f = 0; f < count; f++) {
      const base = (features[f]! & mask) * C;
      for (let y = 0; y < C; y++) out[y]! += this.w[base + y]!;
    }
  }

  update(features: Int32Array, count: number, cls: number, delta: number): void {
    const mask = (1 << this.bits) - 1;
    const cd = this.c * delta;
    for (let f = 0; f < count; f++) {
      const i = (features[f]! & mask) * this.classes + cls;
      this.w[i]! += delta;
      this.u[i]! += cd;
    }
  }

  /** One training instance done. */
  tick(): void {
    this.c++;
  }

  /**
   * The averaged weights without entries smaller than `pruneBelow` in magnitude, quantized
   * to 16 bits with one scale (the largest weight is 32767).
   */
  averaged(pruneBelow: number): LinearModel {
    const C = this.classes;
    const buckets = 1 << this.bits;
    const counts = new Uint16Array(buckets);
    const cls: number[] = [];
    const val: number[] = [];
    let max = 0;
    for (let b = 0; b < buckets; b++) {
      for (let y = 0; y < C; y++) {
        const i = b * C + y;
        const v = this.w[i]! - this.u[i]! / this.c;
        if (Math.abs(v) >= pruneBelow && v !== 0) {
          counts[b]!++;
          cls.push(y);
          val.push(Math.fround(v));
          max = Math.max(max, Math.abs(Math.fround(v)));
        }
      }
    }
    // The file keeps the scale as a 32-bit float.
    const scale = max === 0 ? 1 : max / 32767;
    return packLinearModel(C, this.bits, counts, cls, Int16Array.from(val, (v) => Math.round(v / scale)), Math.fround(scale));
  }
}

/**
 * Binary form: u8 classes − 1 | u8 bits | u32 weights | f32 scale | u8 count per bucket |
 * u8 class per weight | i16 weight per weight. The per-bucket counts are mostly zeros and
 * small numbers, which gzip folds away.
 */
export function encodeLinearModel(model: LinearModel): Buffer {
  const buckets = 1 << model.bits;
  let nnz = 0;
  for (let b = 0; b < buckets; b++) nnz += bucketSize(model.index, b);
  const out = Buffer.alloc(10 + buckets + nnz * 3);
  out.writeUInt8(model.classes - 1, 0);
  out.writeUInt8(model.bits, 1);
  out.writeUInt32LE(nnz, 2);
  out.writeFloatLE(model.scale, 6);
  const countAt = 10;
  const clsAt = countAt + buckets;
  const valAt = clsAt + nnz;
  let k = 0;
  const put = (entry: number): void => {
    out[clsAt + k] = (entry >>> 16) & 0xff;
    out.writeInt16LE((entry << 16) >> 16, valAt + 2 * k);
    k++;
  };
  for (let b = 0; b < buckets; b++) {
    const e = model.index[b]!;
    out[countAt + b] = bucketSize(model.index, b);
    if (e < 0) put(e);
    else if (e !== 0) for (let r = e >>> 8, end = r + (e & 0xff); r < end; r++) put(model.rows[r]!);
  }
  return out;
}

export function decodeLinearModel(buffer: Buffer, offset: number): { model: LinearModel; next: number } {
  const classes = buffer.readUInt8(offset) + 1;
  const bits = buffer.readUInt8(offset + 1);
  const nnz = buffer.readUInt32LE(offset + 2);
  const scale = buffer.readFloatLE(offset + 6);
  const buckets = 1 << bits;
  let o = offset + 10;
  const counts = buffer.subarray(o, o + buckets);
  let total = 0;
  for (let b = 0; b < buckets; b++) total += counts[b]!;
  if (total !== nnz) throw new Error(`corrupt model: ${total} weights counted, ${nnz} declared`);
  o += buckets;
  const cls = buffer.subarray(o, o + nnz);
  o += nnz;
  // Copied to an aligned buffer so the 16-bit values can be read as one typed array.
  const q = new Int16Array(new Uint8Array(buffer.subarray(o, o + 2 * nnz)).buffer);
  o += 2 * nnz;
  return { model: packLinearModel(classes, bits, counts, cls, q, scale), next: o };
}

/**
 * The parser's transitions (four classes, read twice per word) laid out densely, one row of
 * four 16-bit weights per bucket: one memory read per feature, and no branch.
 */
export interface DenseModel {
  readonly classes: number;
  readonly bits: number;
  readonly weights: Int16Array;
  readonly scale: number;
}

export function toDense(model: LinearModel): DenseModel {
  const C = model.classes;
  const weights = new Int16Array((1 << model.bits) * C);
  const put = (b: number, entry: number): void => {
    weights[b * C + ((entry >>> 16) & 0xff)] = (entry << 16) >> 16;
  };
  for (let b = 0; b < 1 << model.bits; b++) {
    const e = model.index[b]!;
    if (e < 0) put(b, e);
    else if (e !== 0) for (let r = e >>> 8, end = r + (e & 0xff); r < end; r++) put(b, model.rows[r]!);
  }
  return { classes: C, bits: model.bits, weights, scale: model.scale };
}

/** As scoreFeatures, for a dense model of four classes. */
export function scoreDense4(model: DenseModel, features: Int32Array, count: number, sums: Int32Array): void {
  const mask = (1 << model.bits) - 1;
  const w = model.weights;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let f = 0; f < count; f++) {
    const base = (features[f]! & mask) << 2;
    a += w[base]!;
    b += w[base + 1]!;
    c += w[base + 2]!;
    d += w[base + 3]!;
  }
  sums[0] = a;
  sums[1] = b;
  sums[2] = c;
  sums[3] = d;
}

/**
 * The model file's layout of a sparse model, read in place: u8 classes − 1 | u8 bits | u16 0 |
 * u32 weights | f32 scale | u8 count per bucket (padded to 4 bytes) | i32 weight per weight,
 * in bucket order, packed as in `rows`. Loading builds only the index; the packed weights
 * become `rows` without a copy.
 */
export function writeSparseBlock(model: LinearModel): Buffer {
  const buckets = 1 << model.bits;
  let nnz = 0;
  for (let b = 0; b < buckets; b++) nnz += bucketSize(model.index, b);
  const countsAt = 12;
  const entriesAt = countsAt + pad4(buckets);
  const out = Buffer.alloc(entriesAt + 4 * nnz);
  out.writeUInt8(model.classes - 1, 0);
  out.writeUInt8(model.bits, 1);
  out.writeUInt32LE(nnz, 4);
  out.writeFloatLE(model.scale, 8);
  let k = 0;
  for (let b = 0; b < buckets; b++) {
    const e = model.index[b]!;
    out[countsAt + b] = bucketSize(model.index, b);
    if (e < 0) out.writeInt32LE((e & 0x7fffffff) | 0, entriesAt + 4 * k++);
    else if (e !== 0) for (let r = e >>> 8, end = r + (e & 0xff); r < end; r++) out.writeInt32LE(model.rows[r]!, entriesAt + 4 * k++);
  }
  return out;
}

/** Reads a block written by writeSparseBlock at a 4-byte aligned `offset` of `bytes`. */
export function readSparseBlock(bytes: Uint8Array, offset: number): { model: LinearModel; next: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset);
  const classes = view.getUint8(0) + 1;
  const bits = view.getUint8(1);
  const nnz = view.getUint32(4, true);
  const scale = view.getFloat32(8, true);
  const buckets = 1 << bits;
  const counts = bytes.subarray(offset + 12, offset + 12 + buckets);
  const entriesAt = offset + 12 + pad4(buckets);
  const rows = new Int32Array(bytes.buffer, bytes.byteOffset + entriesAt, nnz);
  const index = new Int32Array(buckets);
  let k = 0;
  for (let b = 0; b < buckets; b++) {
    const count = counts[b]!;
    if (count === 1) index[b] = rows[k]! | 0x80000000;
    else if (count > 1) index[b] = (k << 8) | count;
    k += count;
  }
  if (k !== nnz) throw new Error(`corrupt model: ${k} weights counted, ${nnz} declared`);
  return { model: { classes, bits, index, rows, scale }, next: entriesAt + 4 * nnz };
}

/** A dense model in the file: u8 classes − 1 | u8 bits | u16 0 | f32 scale | i16 weights (padded to 4 bytes). */
export function writeDenseBlock(model: DenseModel): Buffer {
  const out = Buffer.alloc(8 + pad4(2 * model.weights.length));
  out.writeUInt8(model.classes - 1, 0);
  out.writeUInt8(model.bits, 1);
  out.writeFloatLE(model.scale, 4);
  Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength).copy(out, 8);
  return out;
}

export function readDenseBlock(bytes: Uint8Array, offset: number): { model: DenseModel; next: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset);
  const classes = view.getUint8(0) + 1;
  const bits = view.getUint8(1);
  const scale = view.getFloat32(4, true);
  const length = (1 << bits) * classes;
  const weights = new Int16Array(bytes.buffer, bytes.byteOffset + offset + 8, length);
  return { model: { classes, bits, weights, scale }, next: offset + 8 + pad4(2 * length) };
}

export function pad4(n: number): number {
  return (n + 3) & ~3;
}
