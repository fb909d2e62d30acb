/**
 * Element lookup inside one SGML record by plain string search. The Reuters files have no
 * nesting of the same element and no comments, so indexOf is exact and far faster than a
 * tree (or than one regex pass over every tag): the whole 27 MB collection is read this
 * way. Callers pass the record alone, so that a missing <AUTHOR> costs one record's scan.
 */

/** Where one element sits: its start tag's attributes text, and its content range. */
export interface ElementSpan {
  readonly attributes: string;
  readonly contentStart: number;
  readonly contentEnd: number;
}

/** The first <name ...>...</name> in `record`, or undefined; offsets are into `record`. */
export function findElement(record: string, name: string): ElementSpan | undefined {
  const open = `<${name}`;
  let at = record.indexOf(open);
  // "<TEXT" must not match "<TEXTS": the name ends at ">" or at whitespace.
  while (at !== -1 && !endsName(record.charCodeAt(at + open.length))) at = record.indexOf(open, at + 1);
  if (at === -1) return undefined;
  const tagEnd = record.indexOf('>', at + open.length);
  if (tagEnd === -1) return undefined;
  const close = record.indexOf(`</${name}>`, tagEnd + 1);
  if (close === -1) return undefined;
  return { attributes: record.slice(at + open.length, tagEnd), contentStart: tagEnd + 1, contentEnd: close };
}

/** Attributes of a start tag, from its text after the name: ` TOPICS="YES" NEWID="1"`. */
export function parseAttributes(attributes: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of attributes.matchAll(/([A-Za-z][\w.-]*)\s*=\s*"([^"]*)"/g)) out.set(m[1]!, m[2]!);
  return out;
}

/** The <D> items of a category element: "<D>usa</D><D>uruguay</D>" gives ["usa", "uruguay"]. */
export function listItems(record: string, span: ElementSpan | undefined): string[] {
  if (span === undefined || span.contentEnd === span.contentStart) return [];
  const items: string[] = [];
  let at = record.indexOf('<D>', span.contentStart);
  while (at !== -1 && at < span.contentEnd) {
    const close = record.indexOf('</D>', at + 3);
    if (close === -1 || close > span.contentEnd) break;
    items.push(record.slice(at + 3, close));
    at = record.indexOf('<D>', close + 4);
  }
  return items;
}

function endsName(code: number): boolean {
  return code === 0x3e /* > */ || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
