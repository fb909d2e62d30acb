import type { Span } from './document.js';

/**
 * Whether a quote's content is quoted words (inside marks) rather than a reported clause:
 * statements and posts can be either, so `kind` alone does not say it.
 */
export function isQuotedContent(text: string, content: Span): boolean {
  return content.start > 0 && /["“„«‘‚‹']/.test(text[content.start - 1] ?? '');
}
