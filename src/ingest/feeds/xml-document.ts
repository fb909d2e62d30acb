import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../../errors.js';
import type { SourceText } from '../source-text.js';

/**
 * Checks that a feed is well-formed XML before anything is read from it; a feed that is not
 * is rejected whole, with the line the validator stopped at.
 */
export function validateXml(source: SourceText): void {
  // A feed served with a blank line before "<?xml" is common; the validator refuses it.
  const leading = /^[\s\uFEFF]*/.exec(source.text)![0];
  const result = XMLValidator.validate(source.text.slice(leading.length));
  if (result === true) return;
  const { msg, line, col } = result.err;
  const unclosed = unclosedAtEnd(msg);
  if (unclosed !== null) {
    const reason = `not well-formed XML: the document ends before ${unclosed} closed; is it truncated?`;
    throw new InputError('DOSSIER_INPUT_BAD_XML', { file: source.file, line: source.lineAt(source.text.length) }, reason);
  }
  const skippedLines = leading.split('\n').length - 1;
  const where = col === undefined ? '' : ` (column ${col})`;
  throw new InputError(
    'DOSSIER_INPUT_BAD_XML',
    { file: source.file, line: line + skippedLines },
    `not well-formed XML: ${msg}${where}`,
  );
}

// At the end of a cut-off file the validator says `Invalid '["rss","channel","item"]' found.`
// at line 1; the useful line is the last one, and the useful words are the open elements.
function unclosedAtEnd(message: string): string | null {
  const m = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(message);
  if (m === null) return null;
  let names: unknown;
  try {
    names = JSON.parse(m[1]!);
  } catch {
    return null;
  }
  if (!Array.isArray(names) || names.length === 0) return null;
  const tags = names.map((n) => `<${String(n)}>`).reverse();
  return tags.length === 1 ? `${tags[0]} is` : `${tags.join(', ')} are`;
}

/**
 * A parser that keeps the raw content of `leafNames` (title, description...) as written,
 * CDATA markers and character references included: xml-text.ts decodes it once, knowing
 * whether the field is plain text or HTML. Numbers stay strings ("2020" is a title).
 */
export function createFeedParser(leafNames: readonly string[], arrayNames: readonly string[]): XMLParser {
  const arrays = new Set(arrayNames);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    htmlEntities: false,
    stopNodes: leafNames.map((name) => `*.${name}`),
    isArray: (name) => arrays.has(name),
  });
}
