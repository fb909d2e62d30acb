/** Where one element sits in the source text: from its "<" to just after its end tag. */
export interface ElementRange {
  readonly start: number;
  readonly end: number;
}

// Comments, CDATA sections, processing instructions and declarations are skipped whole, so
// "<!-- <item> -->" or "<![CDATA[<item>]]>" inside a description is never taken for an item.
// Quoted attribute values are skipped too: XML allows title="a > b".
const MARKUP =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<(\/?)([A-Za-z_][\w.:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/**
 * The outermost elements whose local name is `localName` ("item" matches <item> and
 * <rss:item>), in document order. The input has passed the XML validator, so tags balance;
 * an element of the same name nested inside one is part of it, not a range of its own.
 */
export function findElementRanges(text: string, localName: string): ElementRange[] {
  const ranges: ElementRange[] = [];
  let depth = 0;
  let start = -1;
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(text); m !== null; m = MARKUP.exec(text)) {
    const name = m[2];
    if (name === undefined || localPart(name) !== localName) continue;
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/';
    if (!closing && depth === 0) start = m.index;
    if (selfClosing) {
      if (depth === 0) ranges.push({ start, end: m.index + m[0].length });
      continue;
    }
    depth += closing ? -1 : 1;
    if (closing && depth === 0) ranges.push({ start, end: m.index + m[0].length });
  }
  return ranges;
}

function localPart(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
