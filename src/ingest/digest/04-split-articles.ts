import { isBlank, type SourceLine } from './01-lines.js';
import type { Byline } from './02-bylines.js';
import { parseByline } from './02-bylines.js';

/** One article's lines: its headline, its byline, and the body lines that follow. */
export interface ArticleBlock {
  readonly headline: SourceLine | null;
  readonly byline: SourceLine | null;
  readonly parsed: Byline | null;
  readonly body: readonly SourceLine[];
}

/**
 * Cuts a digest at its bylines: the non-blank line before each byline is the headline, and
 * everything up to the next headline is body, subheadings included (a short line with no
 * byline after it is a subheading, not a new article). Lines before the first headline
 * become an article of their own so that no text is lost.
 */
export function splitArticles(lines: readonly SourceLine[]): ArticleBlock[] {
  const bylineAt: number[] = [];
  const parsedAt = new Map<number, Byline>();
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseByline(lines[i]!.text);
    if (parsed === null) continue;
    const headline = previousNonBlank(lines, i);
    // A byline needs a headline above it that is not itself a byline.
    if (headline === -1 || parsedAt.has(headline)) continue;
    bylineAt.push(i);
    parsedAt.set(i, parsed);
  }
  const blocks: ArticleBlock[] = [];
  const headlineAt = bylineAt.map((b) => previousNonBlank(lines, b));
  const firstHeadline = headlineAt[0] ?? lines.length;
  const preamble = lines.slice(0, firstHeadline).filter((l) => !isBlank(l));
  if (preamble.length > 0) blocks.push({ headline: null, byline: null, parsed: null, body: preamble });
  for (let k = 0; k < bylineAt.length; k++) {
    const b = bylineAt[k]!;
    const end = headlineAt[k + 1] ?? lines.length;
    blocks.push({
      headline: lines[headlineAt[k]!]!,
      byline: lines[b]!,
      parsed: parsedAt.get(b) ?? null,
      body: lines.slice(b + 1, end).filter((l) => !isBlank(l)),
    });
  }
  return blocks;
}

function previousNonBlank(lines: readonly SourceLine[], from: number): number {
  for (let i = from - 1; i >= 0; i--) if (!isBlank(lines[i]!)) return i;
  return -1;
}
