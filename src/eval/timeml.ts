import { InputError } from '../errors.js';

/**
 * Reads a TimeML 1.2.1 document (TempEval-3 style): the DCT value and the text inside
 * <TEXT>, with each TIMEX3's character span in that text. The text is the concatenation of
 * the text nodes, tags removed and entities decoded, as the TempEval-3 scorer sees it.
 * Inline content is mixed (text with EVENT, SIGNAL and TIMEX3 tags), so a small tag walker
 * reads it rather than a tree parser.
 */

export interface GoldTimex {
  readonly start: number;
  readonly end: number;
  readonly tid: string;
  readonly type: string;
  readonly value: string;
  readonly mod: string | null;
  readonly text: string;
}

export interface TimemlDocument {
  readonly file: string;
  readonly docId: string;
  /** The DCT's value as annotated ("1998-08-07", "1989-11-02T10:30:00"), or null when absent. */
  readonly dct: string | null;
  readonly text: string;
  readonly timexes: readonly GoldTimex[];
}

export function parseTimeml(file: string, xml: string): TimemlDocument {
  const lineAt = (offset: number): number => {
    let line = 1;
    for (let i = 0; i < offset && i < xml.length; i++) if (xml.charCodeAt(i) === 10) line++;
    return line;
  };
  const fail = (offset: number, reason: string): never => {
    throw new InputError('DOSSIER_INPUT_BAD_XML', { file, line: lineAt(offset) }, reason);
  };

  const docId = /<DOCID>([^<]*)<\/DOCID>/.exec(xml)?.[1]?.trim() ?? '';
  const dctBlock = /<DCT>([\s\S]*?)<\/DCT>/.exec(xml);
  let dct: string | null = null;
  if (dctBlock !== null) {
    const timexTag = /<TIMEX3\b[^>]*>/.exec(dctBlock[1] ?? '');
    if (timexTag !== null) dct = readAttributes(timexTag[0]).get('value') ?? null;
  }

  const open = /<TEXT>/.exec(xml);
  if (open === null) return fail(0, 'no <TEXT> element');
  const bodyStart = open.index + open[0].length;
  const bodyEnd = xml.indexOf('</TEXT>', bodyStart);
  if (bodyEnd < 0) return fail(open.index, '<TEXT> is never closed');

  let text = '';
  const timexes: GoldTimex[] = [];
  const stack: Array<{ name: string; at: number; textStart: number; attrs: Map<string, string> }> = [];
  let i = bodyStart;
  while (i < bodyEnd) {
    const lt = xml.indexOf('<', i);
    const chunkEnd = lt < 0 || lt > bodyEnd ? bodyEnd : lt;
    if (chunkEnd > i) text += decodeEntities(xml.slice(i, chunkEnd), () => fail(i, 'unknown XML entity'));
    if (chunkEnd === bodyEnd) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0 || gt > bodyEnd) return fail(lt, 'unterminated tag');
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('!--') || tag.startsWith('?')) continue;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const top = stack.pop();
      if (top === undefined || top.name !== name) {
        return fail(lt, `closing </${name}> does not match ${top === undefined ? 'any open tag' : `<${top.name}>`}`);
      }
      if (name === 'TIMEX3') {
        timexes.push({
          start: top.textStart,
          end: text.length,
          tid: top.attrs.get('tid') ?? '',
          type: top.attrs.get('type') ?? '',
          value: top.attrs.get('value') ?? '',
          mod: top.attrs.get('mod') ?? null,
          text: text.slice(top.textStart),
        });
      }
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const name = /^[A-Za-z_][\w.-]*/.exec(tag)?.[0];
    if (name === undefined) return fail(lt, `malformed tag <${tag.slice(0, 30)}>`);
    if (!selfClosing) stack.push({ name, at: lt, textStart: text.length, attrs: readAttributes(tag) });
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined) return fail(unclosed.at, `<${unclosed.name}> is never closed`);
  return { file, docId, dct, text, timexes };
}

function readAttributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs.set(m[1]!, decodeEntities(m[2] ?? m[3] ?? '', () => ''));
  }
  return attrs;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string, onUnknown: () => string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return NAMED[body] ?? (onUnknown() || whole);
  });
}
