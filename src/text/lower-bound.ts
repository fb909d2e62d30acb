/**
 * The first index of `items` at which `isBefore` stops holding, found by bisection. `items` must
 * be ordered so that `isBefore` holds for a prefix and fails for the rest: spans in text order
 * against a character offset ("starts before 120"). One pass per lookup over a long article's
 * tokens made its stages grow as the square of its length.
 */
export function lowerBound<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
