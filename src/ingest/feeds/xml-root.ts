// The prolog: BOM, XML declaration, comments, processing instructions, a DOCTYPE (with an
// internal subset in brackets), and the whitespace between them.
const PROLOG = /^(?:\uFEFF|\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>)*/i;

/**
 * The name of the first element of an XML document ("rss", "rdf:RDF", "feed"), from its
 * first few KB; null when the text does not start like XML. Sniffing by the root rather than
 * by searching for "<rss" keeps an HTML page that quotes a feed from passing for one.
 */
export function rootElementName(head: string): string | null {
  const prolog = PROLOG.exec(head)![0].length;
  const m = /^<([A-Za-z_][\w.:-]*)/.exec(head.slice(prolog));
  return m ? m[1]! : null;
}

/** The start tag of the root element, attributes included, or "" when none is found. */
export function rootStartTag(head: string): string {
  const prolog = PROLOG.exec(head)![0].length;
  const m = /^<[A-Za-z_](?:[^>"']|"[^"]*"|'[^']*')*>?/.exec(head.slice(prolog));
  return m ? m[0] : '';
}
