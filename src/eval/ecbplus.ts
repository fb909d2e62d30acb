import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError } from '../errors.js';

/**
 * Reads the ECB+ corpus (Cybulska & Vossen 2014): one XML file per document with all tokens,
 * then markables (mentions and instance descriptors), then coreference relations. A mention's
 * gold chain is the `instance_id` of its CROSS_DOC_COREF, or `doc:r_id` of its
 * INTRA_DOC_COREF; a mention in no relation is a chain of its own.
 */

export interface EcbToken {
  readonly id: number;
  readonly sentence: number;
  readonly text: string;
}

export interface EcbMention {
  /** `doc_name:m_id`, unique in the corpus. */
  readonly id: string;
  readonly tag: string;
  /** True for `ACTION_*` and `NEG_ACTION_*` mentions. */
  readonly event: boolean;
  /** Token ids (t_id), ascending. */
  readonly tokens: readonly number[];
  /** Sentence of the first token. */
  readonly sentence: number;
  readonly chain: string;
}

export interface EcbDocument {
  /** File name without `.xml`, e.g. `2_1ecb`. */
  readonly name: string;
  readonly topic: string;
  /** `ecb` or `ecbplus`: the two halves of a topic report two different real events. */
  readonly kind: 'ecb' | 'ecbplus';
  /** Indexed by t_id - 1. */
  readonly tokens: readonly EcbToken[];
  readonly mentions: readonly EcbMention[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? '';
  });
}

function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(/([A-Za-z_:][\w.:-]*)\s*=\s*"([^"]*)"/g)) out.set(m[1] ?? '', unescapeXml(m[2] ?? ''));
  return out;
}

const isEventTag = (tag: string): boolean => tag.startsWith('ACTION_') || tag.startsWith('NEG_ACTION_');

interface RawMention {
  readonly mid: string;
  readonly tag: string;
  readonly tokens: number[];
  readonly line: number;
}

/** Parses one ECB+ document; `file` names it in errors (with the line of the bad element). */
export function parseEcbDocument(xml: string, file: string): EcbDocument {
  const name = basename(file).replace(/\.xml$/, '');
  const nameMatch = /^(\d+)_\d+(ecb|ecbplus)$/.exec(name);
  if (!nameMatch) throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file }, `file name "${basename(file)}" is not <topic>_<n>ecb.xml or <topic>_<n>ecbplus.xml`);
  const topic = nameMatch[1] ?? '';
  const kind = nameMatch[2] === 'ecbplus' ? 'ecbplus' : 'ecb';

  let lineAt = 0;
  let line = 1;
  const lineOf = (offset: number): number => {
    for (; lineAt < offset; lineAt++) if (xml.charCodeAt(lineAt) === 10) line++;
    return line;
  };
  const fail = (offset: number, reason: string): never => {
    throw new InputError('DOSSIER_INPUT_BAD_XML', { file, line: lineOf(offset) }, reason);
  };

  const tokens: EcbToken[] = [];
  const mentions = new Map<string, RawMention>();
  const descriptors = new Map<string, string | undefined>();
  const chainOf = new Map<string, string>();
  let open: RawMention | undefined;
  let relation: { type: string; rid: string; note: string | undefined; sources: string[]; target: string | undefined; offset: number } | undefined;
  let section: 'tokens' | 'markables' | 'relations' = 'tokens';
  let sawDocument = false;

  const tagPattern = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[^>]*?)?)\s*(\/?)>/g;
  for (let m = tagPattern.exec(xml); m !== null; m = tagPattern.exec(xml)) {
    const [, closing, tag = '', attrText = '', selfClosing] = m;
    const at = m.index;
    if (tag === 'Document') {
      sawDocument = true;
      continue;
    }
    if (tag === 'Markables') {
      section = 'markables';
      continue;
    }
    if (tag === 'Relations') {
      section = 'relations';
      continue;
    }
    if (closing) {
      if (section === 'markables' && open && tag === open.tag) {
        mentions.set(open.mid, open);
        open = undefined;
      } else if (section === 'relations' && relation && tag === relation.type) {
        if (relation.target === undefined) fail(at, `${relation.type} r_id="${relation.rid}" has no <target>`);
        const chain = relation.type === 'CROSS_DOC_COREF' ? (relation.note ?? descriptors.get(relation.target ?? '')) : `${name}:${relation.rid}`;
        if (!chain) fail(relation.offset, `CROSS_DOC_COREF r_id="${relation.rid}" has no note and its target has no instance_id`);
        for (const s of relation.sources) chainOf.set(s, chain ?? '');
        relation = undefined;
      }
      continue;
    }
    const attrs = attributes(attrText);
    if (tag === 'token') {
      const end = xml.indexOf('</token>', tagPattern.lastIndex);
      if (selfClosing || end < 0) fail(at, 'token without </token>');
      const id = Number(attrs.get('t_id'));
      const sentence = Number(attrs.get('sentence'));
      if (!Number.isInteger(id) || !Number.isInteger(sentence)) fail(at, 'token without an integer t_id and sentence');
      if (id !== tokens.length + 1) fail(at, `token t_id="${id}" out of order (expected ${tokens.length + 1})`);
      tokens.push({ id, sentence, text: unescapeXml(xml.slice(tagPattern.lastIndex, end)) });
      tagPattern.lastIndex = end + '</token>'.length;
      continue;
    }
    if (section === 'markables') {
      if (tag === 'token_anchor') {
        if (!open) fail(at, 'token_anchor outside a mention');
        const t = Number(attrs.get('t_id'));
        if (!Number.isInteger(t) || t < 1 || t > tokens.length) fail(at, `token_anchor t_id="${attrs.get('t_id')}" names no token`);
        open?.tokens.push(t);
        continue;
      }
      const mid = attrs.get('m_id');
      if (mid === undefined) fail(at, `<${tag}> without m_id`);
      if (attrs.has('TAG_DESCRIPTOR')) descriptors.set(mid ?? '', attrs.get('instance_id'));
      else if (selfClosing) mentions.set(mid ?? '', { mid: mid ?? '', tag, tokens: [], line: lineOf(at) });
      else open = { mid: mid ?? '', tag, tokens: [], line: lineOf(at) };
      continue;
    }
    if (section === 'relations') {
      if (tag === 'CROSS_DOC_COREF' || tag === 'INTRA_DOC_COREF') {
        relation = { type: tag, rid: attrs.get('r_id') ?? '', note: attrs.get('note') || undefined, sources: [], target: undefined, offset: at };
      } else if (relation && (tag === 'source' || tag === 'target')) {
        const mid = attrs.get('m_id');
        if (mid === undefined) fail(at, `<${tag}> without m_id`);
        if (tag === 'source') relation.sources.push(mid ?? '');
        else relation.target = mid;
      }
    }
  }
  if (!sawDocument) fail(0, 'no <Document> element');
  if (open) fail(xml.length, `mention m_id="${open.mid}" is never closed`);

  const out: EcbMention[] = [];
  for (const raw of mentions.values()) {
    const first = raw.tokens[0];
    if (first === undefined) continue; // an empty markable marks nothing
    const sorted = [...raw.tokens].sort((a, b) => a - b);
    out.push({
      id: `${name}:${raw.mid}`,
      tag: raw.tag,
      event: isEventTag(raw.tag),
      tokens: sorted,
      sentence: tokens[(sorted[0] ?? 1) - 1]?.sentence ?? 0,
      chain: chainOf.get(raw.mid) ?? `${name}:singleton:${raw.mid}`,
    });
  }
  return { name, topic, kind, tokens, mentions: out };
}

/** `topic/file/sentence` keys of the validated sentences, from `ECBplus_coreference_sentences.csv`. */
export function parseValidatedSentences(csv: string, file: string): Set<string> {
  const keys = new Set<string>();
  const lines = csv.split(/\r?\n/);
  lines.forEach((text, i) => {
    if (i === 0 || text.trim() === '') return;
    const cells = text.split(',').map((c) => c.trim());
    const [topic, doc, sentence] = cells;
    if (cells.length !== 3 || !/^\d+$/.test(topic ?? '') || !/^\d+(ecb|ecbplus)$/.test(doc ?? '') || !/^\d+$/.test(sentence ?? '')) {
      throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file, line: i + 1 }, `expected "Topic,File,Sentence Number" such as "1,10ecbplus,3", got "${text}"`);
    }
    keys.add(`${topic}_${doc}/${Number(sentence)}`);
  });
  return keys;
}

export const VALIDATED_SENTENCES_FILE = 'ECBplus_coreference_sentences.csv';

/** Keeps only the mentions whose first token lies in a validated sentence (the "Cybulska setup"). */
export function restrictToValidated(doc: EcbDocument, validated: ReadonlySet<string>): EcbDocument {
  return { ...doc, mentions: doc.mentions.filter((m) => validated.has(`${doc.name}/${m.sentence}`)) };
}

async function findXmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await findXmlFiles(path)));
    else if (/^\d+_\d+(ecb|ecbplus)\.xml$/.test(entry.name)) out.push(path);
  }
  return out;
}

export interface LoadEcbOptions {
  /** Topic numbers to keep; all when absent. */
  readonly topics?: readonly string[];
}

/**
 * Loads every document under `dir` (searched recursively), restricted to the validated
 * sentences of the CSV found in `dir`, in topic and document-number order.
 */
export async function loadEcbPlus(dir: string, options: LoadEcbOptions = {}): Promise<EcbDocument[]> {
  const csvPath = join(dir, VALIDATED_SENTENCES_FILE);
  let csv: string;
  try {
    csv = await readFile(csvPath, 'utf8');
  } catch {
    throw new InputError('DOSSIER_INPUT_UNREADABLE', { file: csvPath }, `cannot read the validated-sentence list ${VALIDATED_SENTENCES_FILE}`);
  }
  const validated = parseValidatedSentences(csv, csvPath);
  const topics = options.topics ? new Set(options.topics.map((t) => String(Number(t)))) : undefined;
  const files = (await findXmlFiles(dir)).filter((f) => !topics || topics.has(basename(f).split('_')[0] ?? ''));
  if (files.length === 0) throw new InputError('DOSSIER_INPUT_NO_ARTICLES', { file: dir }, topics ? `no ECB+ document of topics ${[...topics].join(',')}` : 'no ECB+ document (<topic>_<n>ecb.xml)');
  const order = (f: string): [number, number, number] => {
    const m = /^(\d+)_(\d+)(ecbplus|ecb)/.exec(basename(f));
    return [Number(m?.[1]), m?.[3] === 'ecbplus' ? 1 : 0, Number(m?.[2])];
  };
  files.sort((a, b) => {
    const x = order(a);
    const y = order(b);
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  const docs: EcbDocument[] = [];
  for (const file of files) docs.push(restrictToValidated(parseEcbDocument(await readFile(file, 'utf8'), file), validated));
  return docs;
}
