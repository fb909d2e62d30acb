/**
 * Runs `jobs` with at most `width` of them in flight, and gives their results in the jobs' order.
 * The timeline's records after its first page: asked for all at once (26 pages of 500 on the
 * 21k-article store) they queued behind the server's two read threads, the last waited past the
 * 5 s budget of a read and came back 503, and their dots were missing. Asked for two at a time,
 * none waits for long, and the reads other pages need are not stuck behind them.
 */
export async function atMostAtOnce<T>(jobs: ReadonlyArray<() => Promise<T>>, width: number): Promise<T[]> {
  const results = new Array<T>(jobs.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, jobs.length)) }, lane));
  return results;
}
