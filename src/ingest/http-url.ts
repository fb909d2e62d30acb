/**
 * The article URL, kept only when it is an absolute http(s) address. Anything else is
 * dropped: "javascript:alert(1)" or "data:text/html,..." in a feed must never become a link
 * that a later view renders as clickable.
 */
export function httpUrlOrNull(raw: string | null | undefined, base?: string | null): string | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
