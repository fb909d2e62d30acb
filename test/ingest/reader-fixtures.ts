import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSourceText, type SourceText } from '../../src/ingest/source-text.js';

/**
 * Builds the SourceText a reader receives, from a string or from a file, without the
 * loader: decoding is plain UTF-8, and each U+FFFD the decoder put in is a bad offset.
 */

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function sourceOf(text: string, name = 'input.txt', badOffsets: readonly number[] = []): SourceText {
  return createSourceText(name, name, text, badOffsets);
}

/** A file decoded as UTF-8; `file` is the path given, so assertions can name it. */
export function sourceFromFile(path: string, name = path.split('/').pop() ?? path): SourceText {
  const text = new TextDecoder('utf-8').decode(readFileSync(path));
  const bad: number[] = [];
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) bad.push(i);
  return createSourceText(path, name, text, bad);
}

/** A fixture under test/fixtures/, by its path there ("feeds/wire.rss.xml"). */
export function fixture(relative: string): SourceText {
  const source = sourceFromFile(FIXTURES + relative);
  return createSourceText(relative, source.name, source.text, source.badOffsets);
}
