/**
 * Weighted word vectors and their cosine: the text similarity of stories (stories.ts) and of
 * documents in event coreference (coref-model.ts). Vectors are kept at unit length, so the
 * cosine is a dot product. Pure.
 */
export type TermVector = ReadonlyMap<string, number>;

/** The vector scaled to unit length; the empty vector stays empty. */
export function unitVector(weights: ReadonlyMap<string, number>): TermVector {
  let norm = 0;
  for (const x of weights.values()) norm += x * x;
  if (norm === 0) return new Map();
  const scale = 1 / Math.sqrt(norm);
  return new Map([...weights].map(([w, x]) => [w, x * scale]));
}

/** Dot product of two unit vectors: their cosine. 0 when either is missing or empty. */
export function cosine(a: TermVector | undefined, b: TermVector | undefined): number {
  if (!a || !b) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [w, x] of small) s += x * (large.get(w) ?? 0);
  return s;
}

/** The sum of vectors, each weighted, as a new (not unit) vector: a centroid before unitVector. */
export function sumVectors(vectors: ReadonlyArray<TermVector>): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of vectors) for (const [w, x] of v) out.set(w, (out.get(w) ?? 0) + x);
  return out;
}
