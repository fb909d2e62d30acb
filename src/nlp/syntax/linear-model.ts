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
  /** Bucket b's weights are cls/val[rowStart[b] .. rowStart[b + 1]). */
  readonly rowStart: Uint32Array;
  readonly cls: Uint8Array;
  readonly val: Float32Array;
}

/** Adds the weights of `count` feature hashes to `out` (one score per class, zeroed here). */
export function scoreFeatures(model: LinearModel, features: Uint32Array, count: number, out: Float32Array): void {
  out.fill(0, 0, model.classes);
  const mask = (1 << model.bits) - 1;
  const { rowStart, cls, val } = model;
  for (let f = 0; f < count; f++) {
    const bucket = features[f]! & mask;
    const end = rowStart[bucket + 1]!;
    for (let k = rowStart[bucket]!; k < end; k++) out[cls[k]!]! += val[k]!;
  }
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

  score(features: Uint32Array, count: number, out: Float32Array): void {
    out.fill(0, 0, this.classes);
    const mask = (1 << this.bits) - 1;
    const C = this.classes;
    for (let f = 0; f < count; f++) {
      const base = (features[f]! & mask) * C;
      for (let y = 0; y < C; y++) out[y]! += this.w[base + y]!;
    }
  }

  update(features: Uint32Array, count: number, cls: number, delta: number): void {
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

  /** The averaged weights, without entries smaller than `pruneBelow` in magnitude. */
  averaged(pruneBelow: number): LinearModel {
    const C = this.classes;
    const buckets = 1 << this.bits;
    const rowStart = new Uint32Array(buckets + 1);
    const cls: number[] = [];
    const val: number[] = [];
    for (let b = 0; b < buckets; b++) {
      rowStart[b] = cls.length;
      for (let y = 0; y < C; y++) {
        const i = b * C + y;
        const v = this.w[i]! - this.u[i]! / this.c;
        if (Math.abs(v) >= pruneBelow && v !== 0) {
          cls.push(y);
          val.push(v);
        }
      }
    }
    rowStart[buckets] = cls.length;
    return { classes: C, bits: this.bits, rowStart, cls: Uint8Array.from(cls), val: Float32Array.from(val) };
  }
}

/**
 * Binary form: u8 classes | u8 bits | u32 nnz | f32 scale | u8 count per bucket | u8 cls[nnz] |
 * i16 val[nnz]. Weights are quantized to 16 bits with one scale; the per-bucket counts are
 * mostly zeros, which gzip folds away.
 */
export function encodeLinearModel(model: LinearModel): Buffer {
  const buckets = 1 << model.bits;
  const nnz = model.cls.length;
  let max = 0;
  for (const v of model.val) max = Math.max(max, Math.abs(v));
  const scale = max === 0 ? 1 : max / 32767;
  const out = Buffer.alloc(10 + buckets + nnz + nnz * 2);
  out.writeUInt8(model.classes - 1, 0);
  out.writeUInt8(model.bits, 1);
  out.writeUInt32LE(nnz, 2);
  out.writeFloatLE(scale, 6);
  let o = 10;
  for (let b = 0; b < buckets; b++) {
    const count = model.rowStart[b + 1]! - model.rowStart[b]!;
    if (count > 255) throw new Error('bucket overflow');
    out[o++] = count;
  }
  out.set(model.cls, o);
  o += nnz;
  for (let k = 0; k < nnz; k++) {
    out.writeInt16LE(Math.round(model.val[k]! / scale), o);
    o += 2;
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
  const rowStart = new Uint32Array(buckets + 1);
  let acc = 0;
  for (let b = 0; b < buckets; b++) {
    rowStart[b] = acc;
    acc += counts[b]!;
  }
  rowStart[buckets] = acc;
  if (acc !== nnz) throw new Error(`corrupt model: ${acc} weights counted, ${nnz} declared`);
  o += buckets;
  const cls = Uint8Array.from(buffer.subarray(o, o + nnz));
  o += nnz;
  // Copied to an aligned buffer so the 16-bit values can be read as one typed array.
  const raw = new Int16Array(new Uint8Array(buffer.subarray(o, o + 2 * nnz)).buffer);
  const val = new Float32Array(nnz);
  for (let k = 0; k < nnz; k++) val[k] = raw[k]! * scale;
  o += 2 * nnz;
  return { model: { classes, bits, rowStart, cls, val }, next: o };
}

/**
 * A model with few classes laid out densely, one row of 16-bit weights per bucket: one
 * memory read per feature instead of two, for the parser's transitions (four classes, read
 * twice per word).
 */
export interface DenseModel {
  readonly classes: number;
  readonly bits: number;
  readonly weights: Int16Array;
  readonly scale: number;
}

export function toDense(model: LinearModel): DenseModel {
  const C = model.classes;
  let max = 0;
  for (const v of model.val) max = Math.max(max, Math.abs(v));
  const scale = max === 0 ? 1 : max / 32767;
  const weights = new Int16Array((1 << model.bits) * C);
  for (let b = 0; b < 1 << model.bits; b++) {
    for (let k = model.rowStart[b]!; k < model.rowStart[b + 1]!; k++) weights[b * C + model.cls[k]!] = Math.round(model.val[k]! / scale);
  }
  return { classes: C, bits: model.bits, weights, scale };
}

/** As scoreFeatures, for a dense model; `sums` is scratch space of `classes` integers. */
export function scoreDense(model: DenseModel, features: Uint32Array, count: number, sums: Int32Array, out: Float32Array): void {
  const C = model.classes;
  const mask = (1 << model.bits) - 1;
  const w = model.weights;
  sums.fill(0, 0, C);
  for (let f = 0; f < count; f++) {
    const base = (features[f]! & mask) * C;
    for (let y = 0; y < C; y++) sums[y]! += w[base + y]!;
  }
  for (let y = 0; y < C; y++) out[y] = sums[y]! * model.scale;
}
