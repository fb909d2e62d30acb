import { InputError } from '../../errors.js';
import { findKnownOutlet } from '../../knowledge/outlets/outlet-names.js';
import type { RawArticle, ReadMessage, ReadResult, SourceRun } from '../raw-article.js';
import { provenanceOf, type Reader } from '../reader.js';
import type { SourceText } from '../source-text.js';
import { type SourceLine, splitLines } from './01-lines.js';
import { parseByline } from './02-bylines.js';
import { resolveDigestDates } from './03-dates.js';
import { type ArticleBlock, splitArticles } from './04-split-articles.js';
import { isAuthorBio } from './05-author-bio.js';

/** Digest text: many articles in one file, each a headline line, a byline line, body lines. */
export const digestReader: Reader = {
  name: 'digest',
  sniff(head, name) {
    const lines = head.split('\n').slice(0, 40);
    const bylines = lines.filter((l) => parseByline(l) !== null).length;
    if (bylines === 0) return 0;
    return /\.(txt|text|digest)$/i.test(name) || !/\.\w+$/.test(name) ? 0.8 : 0.5;
  },
  read: readDigest,
};

/** The lines of a block, first to last, as a character range of the source. */
function blockRange(block: ArticleBlock): { start: number; end: number } {
  const first = block.headline ?? block.byline ?? block.body[0]!;
  const last = block.body.at(-1) ?? block.byline ?? first;
  return { start: first.start, end: last.end };
}

/**
 * An article holding a byte that is not UTF-8 is rejected on its own, naming the byte: the
 * digest's other articles do not share its text, so they go in (as JSONL and Reuters records do).
 */
function badUtf8In(source: SourceText, block: ArticleBlock): InputError | null {
  const { start, end } = blockRange(block);
  const at = source.badOffsets.find((offset) => offset >= start && offset < end);
  if (at === undefined) return null;
  return new InputError('DOSSIER_INPUT_BAD_UTF8', { file: source.file, line: source.lineAt(at) }, `invalid UTF-8 at byte ${source.byteAt(at)}; this article is skipped, the others are read`);
}

function readDigest(source: SourceText): ReadResult {
  const blocks = splitArticles(splitLines(source.text));
  const rejected = blocks.map((block) => (source.badOffsets.length > 0 ? badUtf8In(source, block) : null));
  const messages: ReadMessage[] = [];
  const dates = resolveDigestDates(
    blocks.map((b) => b.parsed?.date ?? null),
    blocks.map((b) => (b.parsed ? (findKnownOutlet(b.parsed.outlet)?.dateOrder ?? null) : null)),
  );
  const articles = blocks.flatMap((block, i): RawArticle[] => {
    if (rejected[i]) return [];
    const date = dates[i] ?? null;
    if (date && block.byline && /^\d/.test(date.raw)) {
      messages.push({ file: source.file, line: source.lineAt(block.byline.start), ruleId: 'digest-numeric-date', reason: date.reason });
    }
    if (!block.parsed) {
      messages.push({ file: source.file, line: source.lineAt(block.body[0]?.start ?? 0), ruleId: 'digest-no-byline', reason: 'text before the first byline kept as an article without metadata' });
    }
    return [toArticle(source, block, date)];
  });
  return { articles, messages, rejected: rejected.filter((e) => e !== null) };
}

function toArticle(source: SourceText, block: ArticleBlock, date: RawArticle['date']): RawArticle {
  const author = block.parsed?.author ?? null;
  let body = block.body;
  let authorBio: string | null = null;
  const last = body.at(-1);
  if (last && body.length > 1 && isAuthorBio(last, author)) {
    authorBio = last.text.trim();
    body = body.slice(0, -1);
  }
  // Without a byline (preamble) the first line stands as the title and stays in the text.
  const { text, runs, headings } = joinParagraphs(source, body, block.headline === null ? [] : body);
  const first = block.headline ?? block.body[0]!;
  const lastLine = block.body.at(-1) ?? block.byline ?? first;
  return {
    title: (block.headline ?? block.body[0]!).text.trim(),
    outlet: block.parsed?.outlet ?? null,
    author,
    date,
    url: null,
    text,
    authorBio,
    headings,
    provenance: provenanceOf(source, first.start, lastLine.end, 'digest'),
    sourceRuns: runs,
    extra: {},
  };
}

/** Body lines become paragraphs joined by blank lines; each line maps verbatim to its bytes. */
function joinParagraphs(source: SourceText, lines: readonly SourceLine[], candidates: readonly SourceLine[]) {
  const runs: SourceRun[] = [];
  const headings: Array<{ start: number; end: number }> = [];
  let text = '';
  for (const line of lines) {
    if (text.length > 0) text += '\n\n';
    const start = text.length;
    text += line.text;
    runs.push({ textStart: start, length: line.text.length, sourceByte: source.byteAt(line.start) });
    if (candidates.includes(line) && isSubheading(line.text)) headings.push({ start, end: text.length });
  }
  return { text, runs, headings };
}

// "Concerns rise about Daesh-US collaboration": short, no final punctuation, capitalized.
function isSubheading(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 120 && /^\p{Lu}/u.test(t) && !/[.!?:;,”"’]$/.test(t) && t.split(/\s+/).length <= 16;
}
