/**
 * Average-link agglomerative clustering over a symmetric score matrix: repeatedly merge the
 * two clusters whose mean pairwise score is highest, while that mean is at least the
 * threshold. Ties break on the lowest indices, so the result is deterministic.
 */
export function averageLinkClusters(size: number, score: (i: number, j: number) => number, threshold: number): number[][] {
  const members: number[][] = Array.from({ length: size }, (_, i) => [i]);
  const alive = new Array<boolean>(size).fill(true);
  // sums[a][b]: total pairwise score between clusters a and b
  const sums: Float64Array[] = Array.from({ length: size }, () => new Float64Array(size));
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const s = score(i, j);
      (sums[i] as Float64Array)[j] = s;
      (sums[j] as Float64Array)[i] = s;
    }
  }
  for (;;) {
    let best = threshold;
    let ba = -1;
    let bb = -1;
    for (let a = 0; a < size; a++) {
      if (!alive[a]) continue;
      const row = sums[a] as Float64Array;
      const na = (members[a] as number[]).length;
      for (let b = a + 1; b < size; b++) {
        if (!alive[b]) continue;
        const mean = (row[b] ?? 0) / (na * (members[b] as number[]).length);
        if (mean > best || (mean === best && ba < 0)) {
          best = mean;
          ba = a;
          bb = b;
        }
      }
    }
    if (ba < 0) break;
    const ra = sums[ba] as Float64Array;
    const rb = sums[bb] as Float64Array;
    for (let c = 0; c < size; c++) {
      if (!alive[c] || c === ba || c === bb) continue;
      const merged = (ra[c] ?? 0) + (rb[c] ?? 0);
      ra[c] = merged;
      (sums[c] as Float64Array)[ba] = merged;
    }
    (members[ba] as number[]).push(...(members[bb] as number[]));
    alive[bb] = false;
  }
  return members.filter((_, i) => alive[i]).map((m) => m.sort((x, y) => x - y));
}
