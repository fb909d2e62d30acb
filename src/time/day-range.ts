/**
 * The days a stored date of any precision covers. A leaf: the store blocks record candidates by
 * it (store/records-repository.ts) and the linking rule compares dates by it.
 */

/** The first and last day a date of any precision ("2020", "2020-01", "2020-01-03") covers. */
export function dayRange(date: string, dateEnd: string | null): [number, number] | null {
  const start = parseStart(date);
  const end = parseEnd(dateEnd ?? date);
  if (start === null || end === null) return null;
  return [start, Math.max(start, end)];
}

function parseStart(d: string): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(d);
  if (!m) return null;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

function parseEnd(d: string): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(d);
  if (!m) return null;
  if (m[3]) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (m[2]) return Date.UTC(Number(m[1]), Number(m[2]), 0);
  return Date.UTC(Number(m[1]), 11, 31);
}
