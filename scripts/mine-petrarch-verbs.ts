/**
 * Mines verb-to-code facts from PETRARCH-2's verb dictionary (CAMEO.2.0.txt, MIT, (c) 2015
 * Open Event Data Alliance) into entries of our event dictionary's format, written to
 * src/knowledge/events/event-dictionary-petrarch.json. Only facts are taken (a verb and the
 * words after it → a CAMEO code); no program code, no comments, no sentences.
 *
 * Usage: npx tsx scripts/mine-petrarch-verbs.ts <CAMEO.2.0.txt> [--out file] [--report]
 *
 * The file is read as PETRARCH's documentation describes it: synonym sets (`&NAME` then
 * `+member` lines), then verb blocks (`--- NAME [code] ---`, verb lines, then pattern lines
 * `- <before> * <after> [code] # VERB`). What is kept, and why:
 *
 * 1. Patterns. A pattern is attributed to the verb its comment names (the verb the TABARI
 *    coders wrote it for), or to the block's only verb; never to the WordNet synonyms the
 *    block adds, which were never checked against news. Kept only when our matcher can say
 *    it: nothing before the verb (`- &MILITARY * ...` names the subject), no source slot
 *    (`$`, `%`) after it; target and skip slots (`+`, `^`) are dropped, since our words
 *    may have up to four tokens between them. `{...}` and `(...)` become their words in
 *    order; `&SET` becomes the set's one-word members as alternatives. A "to" followed by
 *    more words is dropped with its pattern: with gaps allowed, "agree to sanctions" (163)
 *    would read "agreed to lift the sanctions".
 * 2. Bare verbs. A verb alone gets a code when its verb line gives one, or when it is the
 *    block's head verb and the block gives one, and only when the code is specific: not a
 *    root's general code (010, 020, ... 200), which PETRARCH uses as the head of verb-verb
 *    combinations ("decide" 030, "fail" 120, "express" 110), not a code of its own.
 *    Speech verbs (src/knowledge/lexicon/reporting-verbs.json) never become bare events, nor
 *    patterns of verbal cooperation (roots 01-05): "said ... support" is no 051, what was
 *    said is coded by its own verb; "declare war", "deny entry" stay.
 * 3. Codes. One code, present in our CAMEO table; `[a:b]` (an event each way) only when
 *    a = b; `[---]` (no event) is skipped.
 * 4. Unambiguous. A pattern (verb plus words) or bare verb that the file gives two
 *    different codes is dropped altogether ("stage strike" is both 140 and 143).
 * 5. Ours first. A candidate that a hand-written pattern of event-dictionary.json already
 *    covers (same kind, same length, every word accepted) is left out; the loader also
 *    lets hand-written patterns win ties. PETRARCH codes verbs only, so it writes "report
 *    fighting" (012) or "plan attacks" (138) where we code the noun: a candidate whose later
 *    words hold one of our nominal triggers of another root is left out, lest its longer
 *    match take the noun's event away, unless one of our patterns gives its verb the same
 *    root: "pledge aid" (033; ours: "pledge" 030) stays, "prepare for war" (154; ours:
 *    "prepare to" 030) and "use missiles" (175; ours: "use chemical weapons" 2041) go.
 * 6. Events, not statements. Root 01 (make a public statement) is left out: PLOVER has no
 *    type for it, and statements are the quotes layer's business. So are the verbs and
 *    patterns listed in src/knowledge/events/petrarch-exclusions.json, each with the reason
 *    a person judged it wrong for news ("call" is mostly "call for", "call on", naming); a
 *    pattern may be named with its synonym set unexpanded ("hit &weapon"), and a member of
 *    a set as "&set word" ("&military reserves": bank reserves are no troops).
 *
 * The output is deterministic: entries by code, patterns sorted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cameoCode } from '../src/knowledge/events/cameo-table.js';
import handWrittenFile from '../src/knowledge/events/event-dictionary.json' with { type: 'json' };
import exclusionFile from '../src/knowledge/events/petrarch-exclusions.json' with { type: 'json' };
import reporting from '../src/knowledge/lexicon/reporting-verbs.json' with { type: 'json' };

const WORD = /^[a-z0-9'-]+$/;

export interface MineOptions {
  /** Our hand-written entries (event-dictionary.json's). */
  readonly handWritten: ReadonlyArray<{ readonly code: string; readonly verbs?: readonly string[]; readonly nouns?: readonly string[] }>;
  /** Verbs, patterns ("hit &weapon") and set members ("&military reserves") never to take (petrarch-exclusions.json's texts). */
  readonly exclusions: ReadonlySet<string>;
  /** Speech verbs, never bare events. */
  readonly speechVerbs: ReadonlySet<string>;
}

export interface MineResult {
  readonly entries: Array<{ code: string; verbs: string[] }>;
  readonly blocks: number;
  readonly candidates: number;
  /** Why candidates were left out, one line each ("ambiguous: stage strike [140 143]"). */
  readonly dropped: string[];
  readonly counts: { excluded: number; ambiguous: number; covered: number; nounConflicts: number };
}

interface Block {
  readonly name: string;
  readonly code: string | null;
  /** Verb phrases of the block, as our patterns write them ("ask for"), by PETRARCH name ("ASK_FOR"). */
  readonly verbs: Map<string, { readonly text: string | null; readonly code: string | null }>;
  readonly patterns: Array<{ readonly before: string; readonly after: string; readonly code: string | null; readonly verb: string | null }>;
}

interface Candidate {
  readonly text: string;
  readonly code: string;
  /** The pattern with its synonym sets unexpanded ("hit &weapon"), as exclusions may name it. */
  readonly raw: string;
}

/** "[190]" → "190"; "[050:050]" → "050"; "[---]", "[042:043]", "[:173]" → null. */
function parseCode(raw: string | undefined): string | null {
  if (!raw) return null;
  const m = /^\[\s*([0-9-]*)\s*(?::\s*([0-9-]*)\s*)?\]$/.exec(raw.trim());
  if (!m) return null;
  const [, a, b] = m;
  if (!a || !/^\d+$/.test(a)) return null;
  if (b !== undefined && b !== a) return null;
  return cameoCode(a) ? a : null;
}

/** "+ASK_FOR" → "ask for"; "WIRE_+TAP" → null (our patterns start with the verb). */
function verbText(raw: string): string | null {
  const words = raw.split('_').filter((w) => w !== '');
  const marked = words.findIndex((w) => w.startsWith('+'));
  if (marked > 0) return null;
  const text = words.map((w) => w.replace(/^\+/, '').toLowerCase());
  return text.every((w) => WORD.test(w)) ? text.join(' ') : null;
}

/** Reads the synonym sets and verb blocks of a PETRARCH verb dictionary. */
function parseDictionary(text: string): { synsets: Map<string, string[]>; blocks: Block[] } {
  const lines = text.split(/\r?\n/);
  const synsets = new Map<string, string[]>();
  let at = 0;
  for (; at < lines.length; at++) {
    const line = lines[at]!;
    if (line.startsWith('####### VERB PATTERNS')) break;
    const name = /^(&[A-Z0-9_]+)/.exec(line)?.[1];
    if (!name) continue;
    const members: string[] = [];
    for (at++; at < lines.length && lines[at]!.startsWith('+'); at++) members.push(lines[at]!.slice(1).split('#')[0]!.trim());
    at--;
    // A label ending in "_" only turns plurals off; patterns may name it either way.
    synsets.set(name, members);
    synsets.set(name.replace(/_+$/, ''), members);
  }
  const blocks: Block[] = [];
  let block: Block | null = null;
  for (at++; at < lines.length; at++) {
    const line = lines[at]!;
    const header = /^---\s+(\S+)\s+(\[[^\]]*\])\s+---/.exec(line);
    if (header) {
      block = { name: header[1]!, code: parseCode(header[2]), verbs: new Map(), patterns: [] };
      blocks.push(block);
      continue;
    }
    if (!block || line.trim() === '' || line.startsWith('#') || line.startsWith('~')) continue;
    if (line.startsWith('-')) {
      const [body = '', comment = ''] = line.slice(1).split('#');
      const code = /\[[^\]]*\]/.exec(body)?.[0];
      const pattern = body.replace(/\[[^\]]*\]/, '');
      const star = pattern.indexOf('*');
      if (star < 0) continue;
      block.patterns.push({
        before: pattern.slice(0, star).trim(),
        after: pattern.slice(star + 1).trim(),
        code: parseCode(code),
        verb: comment.trim().split(/\s+/)[0] || null,
      });
      continue;
    }
    const m = /^(\S+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/.exec(line.split('#')[0]!.trim());
    if (!m) continue;
    block.verbs.set(m[1]!.replace(/^\+/, ''), { text: verbText(m[1]!), code: m[3] ? parseCode(m[3]) : null });
  }
  return { synsets, blocks };
}

/** Selects entries for our dictionary from the text of a PETRARCH verb dictionary (the rule above). */
export function mine(text: string, options: MineOptions): MineResult {
  const { synsets, blocks } = parseDictionary(text);
  const dropped: string[] = [];

  /** A synonym set's one-word members, lower case, without PETRARCH's "no plural" mark. */
  const setWords = (name: string): string[] => {
    const out = new Set<string>();
    const set = name.toLowerCase().replace(/_+$/, '');
    for (const m of synsets.get(name) ?? []) {
      const w = m.toLowerCase().replace(/_+$/, '');
      if (WORD.test(w) && !options.exclusions.has(`${set} ${w}`)) out.add(w);
    }
    return [...out].sort();
  };

  /** The words after the verb as our pattern positions, or null when our matcher cannot say them. */
  const afterWords = (after: string): { positions: string[]; raw: string[] } | null => {
    const positions: string[] = [];
    const raw: string[] = [];
    for (const token of after.replace(/[{}()]/g, ' ').split(/\s+/)) {
      if (token === '') continue;
      if (token === '$' || token === '%') return null;
      if (token === '+' || token === '^') continue;
      if (token.startsWith('&')) {
        const words = setWords(token);
        if (words.length === 0) return null;
        positions.push(words.join('|'));
        raw.push(token.toLowerCase());
        continue;
      }
      for (const w of token.toLowerCase().split('_')) {
        if (w === '') continue;
        if (!WORD.test(w)) return null;
        positions.push(w);
        raw.push(w);
      }
    }
    // "(TO SANCTIONS)" is a phrase to PETRARCH, but our words may have tokens between them, and
    // a "to" in news mostly opens an infinitive: "agreed to lift the sanctions" is not 163.
    if (positions.slice(0, -1).includes('to')) return null;
    return { positions, raw };
  };

  const generalCode = (code: string): boolean => /^\d\d0$/.test(code);
  const candidates: Candidate[] = [];
  for (const b of blocks) {
    const only = b.verbs.size === 1 ? [...b.verbs.keys()][0]! : null;
    for (const p of b.patterns) {
      if (p.code === null) continue;
      const verbName = p.verb && b.verbs.has(p.verb) ? p.verb : only;
      const verb = verbName ? b.verbs.get(verbName)?.text : null;
      if (!verb) {
        dropped.push(`no verb: ${b.name} * ${p.after} [${p.code}]`);
        continue;
      }
      if (p.before !== '') continue;
      const words = afterWords(p.after);
      if (words === null) continue;
      candidates.push({ text: [verb, ...words.positions].join(' '), code: p.code, raw: [verb, ...words.raw].join(' ') });
    }
    for (const [name, v] of b.verbs) {
      if (!v.text) continue;
      const code = v.code ?? (name === b.name ? b.code : null);
      if (code === null || generalCode(code)) continue;
      candidates.push({ text: v.text, code, raw: v.text });
    }
  }

  // Unambiguous: one code per text, counting the general codes a bare verb has elsewhere.
  const codesOf = new Map<string, Set<string>>();
  for (const c of candidates) {
    const set = codesOf.get(c.text) ?? new Set<string>();
    set.add(c.code);
    codesOf.set(c.text, set);
  }
  for (const b of blocks) {
    for (const [name, v] of b.verbs) {
      const code = v.code ?? (name === b.name ? b.code : null);
      if (v.text && code !== null && codesOf.has(v.text)) codesOf.get(v.text)!.add(code);
    }
  }

  // Ours first: hand-written verb patterns as word sets (forms compared as written).
  const ours = options.handWritten.flatMap((e) => e.verbs ?? []).map((t) => t.split(' ').map((w) => new Set(w.split('|'))));
  const covered = (text: string): boolean => {
    const words = text.split(' ').map((w) => w.split('|'));
    return ours.some((o) => o.length === words.length && words.every((alts, i) => alts.every((a) => o[i]!.has(a))));
  };
  // Our nominal triggers' words, with their roots ("fighting" → 19), and the roots our verbs have.
  const nounRoots = new Map<string, Set<string>>();
  for (const e of options.handWritten) {
    for (const n of e.nouns ?? []) {
      for (const w of n.split(' ').flatMap((x) => x.split('|'))) {
        const set = nounRoots.get(w) ?? new Set<string>();
        set.add(e.code.slice(0, 2));
        nounRoots.set(w, set);
      }
    }
  }
  const verbRoots = new Map<string, Set<string>>();
  for (const e of options.handWritten) {
    for (const v of e.verbs ?? []) {
      const verb = v.split(' ')[0]!;
      const set = verbRoots.get(verb) ?? new Set<string>();
      set.add(e.code.slice(0, 2));
      verbRoots.set(verb, set);
    }
  }
  const nounConflict = (c: Candidate): boolean => {
    if (verbRoots.get(c.text.split(' ')[0]!)?.has(c.code.slice(0, 2))) return false;
    const later = c.text.split(' ').slice(1).flatMap((w) => w.split('|'));
    return later.some((w) => [...(nounRoots.get(w) ?? [])].some((root) => root !== c.code.slice(0, 2)));
  };

  const counts = { excluded: 0, ambiguous: 0, covered: 0, nounConflicts: 0 };
  const kept = new Map<string, Candidate>();
  for (const c of candidates) {
    const verb = c.text.split(' ')[0]!;
    const speech = options.speechVerbs.has(verb) && (c.text === verb || Number(c.code.slice(0, 2)) <= 5);
    if (c.code.startsWith('01') || speech || options.exclusions.has(c.text) || options.exclusions.has(c.raw) || options.exclusions.has(verb)) {
      counts.excluded++;
      continue;
    }
    if (codesOf.get(c.text)!.size > 1) {
      counts.ambiguous++;
      dropped.push(`ambiguous: ${c.text} [${[...codesOf.get(c.text)!].sort().join(' ')}]`);
      continue;
    }
    if (covered(c.text)) {
      counts.covered++;
      continue;
    }
    if (nounConflict(c)) {
      counts.nounConflicts++;
      dropped.push(`noun conflict: ${c.text} [${c.code}]`);
      continue;
    }
    kept.set(c.text, c);
  }

  const byCode = new Map<string, string[]>();
  for (const c of kept.values()) {
    const list = byCode.get(c.code) ?? [];
    list.push(c.text);
    byCode.set(c.code, list);
  }
  const entries = [...byCode].sort(([a], [b]) => a.localeCompare(b)).map(([code, verbs]) => ({ code, verbs: verbs.sort() }));
  return { entries, blocks: blocks.length, candidates: candidates.length, dropped, counts };
}

function main(args: readonly string[]): number {
  const input = args.find((a) => !a.startsWith('--'));
  if (!input) {
    process.stderr.write('usage: npx tsx scripts/mine-petrarch-verbs.ts <CAMEO.2.0.txt> [--out file] [--report]\n');
    return 2;
  }
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? args[outIndex + 1]! : join(import.meta.dirname, '../src/knowledge/events/event-dictionary-petrarch.json');
  const result = mine(readFileSync(input, 'utf8'), {
    handWritten: handWrittenFile.entries,
    exclusions: new Set(exclusionFile.entries.map((e) => e.text)),
    speechVerbs: new Set(Object.keys(reporting.verbs)),
  });
  const file = {
    description:
      "Verb-to-code facts mined from PETRARCH-2's verb dictionary CAMEO.2.0.txt by scripts/mine-petrarch-verbs.ts (generated: do not edit by hand; the script states the selection rule). Hand-written entries in event-dictionary.json win over these.",
    source: 'PETRARCH-2 CAMEO.2.0.txt (openeventdata/petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf)',
    licence: 'MIT; Copyright (c) 2015 Open Event Data Alliance; see src/knowledge/events/NOTICE',
    weight: 0.7,
    entries: result.entries,
  };
  writeFileSync(out, `${JSON.stringify(file, null, 1).replace(/\n {3,}/g, ' ').replace(/\n {2}\]/g, ' ]')}\n`);
  const patterns = result.entries.reduce((n, e) => n + e.verbs.length, 0);
  const { excluded, ambiguous, covered, nounConflicts } = result.counts;
  process.stderr.write(
    `${result.blocks} blocks, ${result.candidates} candidates; ${excluded} statements or excluded, ${ambiguous} ambiguous, ${covered} covered by hand-written patterns, ${nounConflicts} taking our nouns; wrote ${patterns} patterns under ${result.entries.length} codes to ${out}\n`,
  );
  if (args.includes('--report')) for (const d of result.dropped) process.stderr.write(`${d}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
