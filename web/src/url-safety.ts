/**
 * What an href or src may hold: an internal path (one leading slash), a fragment, or an http(s)
 * URL. javascript:, data:, vbscript:, protocol-relative and anything odd is refused (null).
 * DOM-free, so it is tested in Node.
 */
export function safeUrl(url: string): string | null {
  const trimmed = url.trim();
  // Control characters and whitespace inside a URL are how "java\tscript:" slips through.
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return null;
  if (/^\/(?![/\\])/.test(trimmed)) return trimmed;
  if (/^#/.test(trimmed)) return trimmed;
  return /^https?:\/\/[^/\\]/i.test(trimmed) ? trimmed : null;
}
