import type { QuoteAttrs, QuoteKind, Span } from '../text/document.js';
import { buildClaimText, type ClaimText, tokensText } from './claim-tokens.js';
import type { QuoteKnowledge } from './quote-knowledge.js';
import { type Phrase, phraseAt, phrasesIn, roleOf } from './speaker-phrases.js';
import { buildMemory, type Memory, type Referent, type Resolution, resolveSpeaker } from './speaker-resolution.js';
import { type Cue, findCues } from './speech-cues.js';
import { treeClause, treeSpeaker } from './tree-attribution.js';

/**
 * Quotes and claims of one document: direct quotes (attributed before, after or inside the
 * quotation), indirect speech ("X said that ..."), "according to X", statements and posts.
 * Sentences are read in order so that "he added" and "the group" can pick up who spoke last.
 */
export type QuoteItem = Span & QuoteAttrs;

/** Quoted words below this count are names and scare quotes unless a cue sits right by them. */
const MIN_QUOTE_WORDS = 3;
/** A quote with nobody to attribute it to is kept (at low confidence) only when this long. */
const MIN_ORPHAN_WORDS = 8;

interface Attribution {
  readonly cue: Cue;
  readonly phrase: Phrase | null;
  readonly resolution: Resolution;
  readonly role: string | null;
  readonly roleActors: readonly string[];
  readonly via: QuoteAttrs['via'];
  readonly statement: boolean;
  /** Where the speaker words sit relative to the cue. */
  readonly placement: 'before' | 'after' | 'subject';
  /** The speaker is the reporting verb's subject in the dependency tree (else a word-window guess). */
  readonly parsed: boolean;
}

interface Fragment {
  readonly quote: number;
  /** Token range of the quotation with its marks. */
  readonly from: number;
  readonly to: number;
  readonly words: number;
}

export function findQuotes(doc: Parameters<typeof buildClaimText>[0], k?: QuoteKnowledge): QuoteItem[] {
  const ct = buildClaimText(doc);
  const memory = buildMemory(ct, k);
  const out: QuoteItem[] = [];
  const lede: LedeSpeaker = { index: -1, paragraph: -1 };
  let lastDirect: { item: QuoteItem; referent: Referent | null; paragraph: number } | null = null;
  // The lede is counted in paragraphs of the body: the headline put before it is none of them.
  const bodyParagraph = Math.max(0, (doc.layers.paragraphs ?? []).findIndex((p) => p.start >= doc.bodyStart));

  for (const [from, to] of units(ct)) {
    const paragraph = ct.tokens[from]?.paragraph ?? 0;
    // Headlines quote without saying who spoke; a heading's quote needs its own attribution.
    const heading = ct.headingParagraphs.has(paragraph);
    const cues = findCues(ct.tokens, from, to);
    const fragments = fragmentsIn(ct, from, to);
    const attributions = new Map<Cue, Attribution | null>();
    const attribute = (cue: Cue): Attribution | null => {
      if (!attributions.has(cue)) attributions.set(cue, attributeCue(ct, cue, from, to, memory, k));
      return attributions.get(cue) ?? null;
    };
    const usedCues = new Set<Cue>();

    for (const [fi, f] of fragments.entries()) {
      const prevEnd = fi > 0 ? fragments[fi - 1]!.to : from;
      const nextStart = fi + 1 < fragments.length ? fragments[fi + 1]!.from : to;
      const after = cues.find((c) => c.start >= f.to && c.start < nextStart && c.kind !== 'according-to');
      const before = [...cues].reverse().find((c) => c.end <= f.from && c.start >= prevEnd);
      const cue = after ?? before ?? cues.find((c) => c.kind !== 'according-to');
      const adjacent = cue !== undefined && (cue === after || cue === before);
      // A few quoted words inside a clause ("under his “deal of the century”") are a partial
      // quote or a scare quote: the indirect claim around them carries them. Only a word of the
      // same sentence counts: a headline's last word is not the clause a paragraph's quote sits in.
      const wordBefore = f.from > from ? ct.tokens[f.from - 1] : undefined;
      const embedded = wordBefore !== undefined && /[\p{L}\p{N}]/u.test(wordBefore.norm) && wordBefore.tag !== ':';
      if (f.words < MIN_QUOTE_WORDS || (f.words < 5 && !adjacent) || (embedded && f.words < 6)) continue;
      const att = cue ? attribute(cue) : null;
      const q = ct.quoted[f.quote]!;
      if (att && (att.resolution.referent || att.resolution.name)) {
        usedCues.add(att.cue);
        const place = cue === after ? 'after the quote' : cue === before ? 'before the quote' : 'in the sentence';
        const item = makeItem(ct, {
          kind: att.statement ? 'statement' : att.cue.kind === 'post' ? 'post' : 'direct',
          content: q.content,
          outer: q,
          att,
          reasonHead: `direct quote; speaker ${att.resolution.how} ${place} with '${tokensText(ct, att.cue.start, att.cue.end)}'`,
          confidence: att.resolution.confidence * (q.closed ? 1 : 0.85) * (adjacent ? 1 : 0.85) * (heading ? 0.8 : 1),
        });
        out.push(item);
        nameLedeSpeaker(out, lede, att, paragraph - bodyParagraph);
        remember(memory, att, ct);
        lastDirect = { item, referent: att.resolution.referent, paragraph };
        continue;
      }
      // No cue of its own: a quote that goes on with the speaker of the quotes just before.
      const continues =
        lastDirect !== null &&
        (lastDirect.paragraph === paragraph ||
          (lastDirect.paragraph === paragraph - 1 && ct.tokens[f.from]!.start === ct.doc.layers.paragraphs?.[paragraph]?.start));
      if (heading) continue;
      if (continues && lastDirect && (lastDirect.item.speakerName || lastDirect.referent)) {
        const prev = lastDirect.item;
        const item: QuoteItem = {
          ...prev,
          start: q.start,
          end: q.end,
          kind: prev.kind === 'indirect' || prev.kind === 'according-to' ? 'direct' : prev.kind,
          content: q.content,
          cue: null,
          speaker: null,
          via: null,
          topicActorIds: topicActors(ct, q.content, prev.speakerActorId),
          confidence: round(prev.confidence * 0.85),
          reason: `direct quote; no attribution of its own: continues the quotes of '${prev.speakerName}'`,
        };
        out.push(item);
        lastDirect = { ...lastDirect, item, paragraph };
        continue;
      }
      if (f.words >= MIN_ORPHAN_WORDS) {
        out.push({
          start: q.start,
          end: q.end,
          kind: 'direct',
          content: q.content,
          cue: null,
          speaker: null,
          speakerActorId: null,
          speakerName: null,
          speakerRole: null,
          via: null,
          topicActorIds: topicActors(ct, q.content, null),
          confidence: 0.2,
          reason: 'quoted text with no speaker found in its sentence or the quotes before it',
        });
      }
    }

    for (const [ci, cue] of cues.entries()) {
      if (usedCues.has(cue)) continue;
      // "X said that A and pointed out that B": A ends where the next cue's clause begins.
      const next = cues[ci + 1];
      const joined = next && ['and', ','].includes(ct.tokens[next.start - 1]?.norm ?? '') ? next.start - 1 : to;
      const item = indirectItem(ct, cue, from, joined, attribute(cue));
      if (!item) continue;
      out.push(item);
      const att = attribute(cue);
      if (att) {
        nameLedeSpeaker(out, lede, att, paragraph - bodyParagraph);
        remember(memory, att, ct);
      }
    }
  }
  return distinctSpans(out.sort((a, b) => a.start - b.start || a.end - b.end));
}

interface LedeSpeaker {
  /** The item in `out` whose speaker is an unnamed description in the lede, or -1. */
  index: number;
  paragraph: number;
}

/**
 * Ledes describe before they name: "An Iraqi military analyst has said …" is followed by
 * "…, Safa al-A’ssam said …". The description's item takes the first person named as a
 * speaker within the next two paragraphs; the description becomes the role. `paragraph`
 * counts from the body's first paragraph.
 */
function nameLedeSpeaker(out: QuoteItem[], lede: LedeSpeaker, att: Attribution, paragraph: number): void {
  const head = att.phrase?.head;
  const last = out.length - 1;
  if (head?.kind === 'description' && !head.definite && (head.nounClass === 'person' || head.nounClass === 'spokesperson') && paragraph <= 1) {
    lede.index = last;
    lede.paragraph = paragraph;
    return;
  }
  const pending = out[lede.index];
  if (!pending || head?.kind !== 'entity' || paragraph - lede.paragraph > 2) return;
  const r = att.resolution.referent;
  if (!r?.actorId || r.kind !== 'person') return;
  out[lede.index] = {
    ...pending,
    speakerActorId: r.actorId,
    speakerName: r.name,
    speakerRole: pending.speakerRole ?? pending.speakerName,
    confidence: round(Math.min(pending.confidence + 0.1, 0.6)),
    reason: `${pending.reason}; the description is taken to be '${r.name}', named as a speaker next (lede)`,
  };
  lede.index = -1;
}

/** One item per span (stores key quotes by span): the surer of two that coincide. */
function distinctSpans(items: QuoteItem[]): QuoteItem[] {
  const out: QuoteItem[] = [];
  for (const q of items) {
    const last = out[out.length - 1];
    if (last && last.start === q.start && last.end === q.end) {
      if (q.confidence > last.confidence) out[out.length - 1] = q;
      continue;
    }
    out.push(q);
  }
  return out;
}

/** Sentences grouped so that no quotation crosses a group's edge: token ranges [from, to). */
function units(ct: ClaimText): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  let cur: [number, number] | null = null;
  for (const [first, end] of ct.sentenceTokens) {
    if (end <= first) continue;
    const within = ct.tokens[first]!.within;
    if (cur && within >= 0 && ct.quoted[within]!.start < ct.tokens[first]!.start) {
      cur[1] = end;
      continue;
    }
    if (cur) out.push(cur);
    cur = [first, end];
  }
  if (cur) out.push(cur);
  return out;
}

function fragmentsIn(ct: ClaimText, from: number, to: number): Fragment[] {
  const out: Fragment[] = [];
  for (let i = from; i < to; i++) {
    const quote = ct.tokens[i]!.within;
    if (quote < 0) continue;
    let j = i;
    let words = 0;
    while (j < to && ct.tokens[j]!.within === quote) {
      const t = ct.tokens[j]!;
      if (!t.mark && /[\p{L}\p{N}]/u.test(t.norm)) words++;
      j++;
    }
    out.push({ quote, from: i, to: j, words });
    i = j - 1;
  }
  return out;
}

const AUX = new Set(['has', 'have', 'had', 'was', 'is', 'were', 'are', 'also', 'further', 'then', 'later', 'again', 'once', 'had', 'reportedly', 'earlier', 'previously', 'repeatedly', 'strongly', 'publicly', 'will', 'would', 'did', 'does', 'not', 'never', 'has', 'recently', 'himself', 'herself', 'itself']);
const CLAUSE_BREAKS = new Set([';', 'but', 'while', 'whereas', 'although', 'though', 'because']);
const MEDIA_WORDS = /\b(news|agency|newspaper|daily|website|site|tv|television|channel|radio|network|broadcaster|times|post|journal|gazette|wire)\b/i;

/**
 * The speaker of `cue`: the reporting verb's subject in the dependency tree when there is one;
 * else, by the words around the cue, before it, after it ("said X"), or the clause subject for
 * "noting"; "according to X" is always read from the words.
 */
function attributeCue(ct: ClaimText, cue: Cue, from: number, to: number, memory: Memory, k: QuoteKnowledge | undefined): Attribution | null {
  const quoted = cue.quoter === undefined ? null : quotedSpeaker(ct, cue.quoter, cue.start);
  const parsed = quoted ? null : treeSpeaker(ct, cue, from, to);
  const phrase = quoted ?? parsed ?? (cue.kind === 'according-to' ? accordingPhrase(ct, cue, to) : speakerPhrase(ct, cue, from, to));
  if (!phrase) return null;
  const resolution = resolveSpeaker(ct, phrase.phrase, cue.verb, memory, k);
  const describable = phrase.phrase.head.kind === 'entity' || phrase.phrase.head.kind === 'description';
  // The words up to the next comma hold an apposition whole even where the parse cuts it short
  // ("a spokesman[ for the group]"); the tree adds the title named before the name ("The leader of
  // the Example Front, Omar Haddad, said").
  const roleSpan = describable ? (roleOf(ct, phrase.phrase, to) ?? parsed?.role ?? null) : null;
  let role = roleSpan ? tokensText(ct, roleSpan[0], roleSpan[1]) : null;
  const roleActors: string[] = [];
  if (roleSpan) {
    for (let j = roleSpan[0]; j < roleSpan[1]; j++) {
      const e = ct.tokens[j]!.entity;
      const id = e >= 0 ? ct.links.get(e)?.actorId : undefined;
      if (id && !roleActors.includes(id)) roleActors.push(id);
    }
  }
  if (!role && phrase.phrase.head.kind === 'description' && resolution.referent) {
    // "Asaib spokesman" said of the group itself: the role is the description's noun.
    if (phrase.phrase.head.nounClass === 'spokesperson' && resolution.referent.kind === 'organization') role = phrase.phrase.head.noun;
  }
  if (!role && resolution.referent?.role) role = resolution.referent.role;
  return {
    cue,
    phrase: phrase.phrase,
    resolution,
    role,
    roleActors: roleActors.length > 0 ? roleActors : (resolution.referent?.roleActors ?? []),
    via: cue.quoter === undefined ? findVia(ct, cue, from, to, phrase.phrase, k) : quoterVia(ct, cue.quoter, from),
    statement: saysStatement(ct, cue, from, to),
    placement: phrase.placement,
    parsed: parsed !== null,
  };
}

function speakerPhrase(ct: ClaimText, cue: Cue, from: number, to: number): { phrase: Phrase; placement: Attribution['placement'] } | null {
  // The clause the cue belongs to starts after the last quotation or clause break before it.
  let start = from;
  for (let j = cue.start - 1; j >= from; j--) {
    const t = ct.tokens[j]!;
    if (t.quote >= 0 || t.mark || CLAUSE_BREAKS.has(t.norm)) {
      start = j + 1;
      break;
    }
  }
  // A pronoun or a name right before the cue ("he added", ", Khazali pointed out").
  let j = cue.start - 1;
  while (j >= start && (AUX.has(ct.tokens[j]!.norm) || ct.tokens[j]!.tag === 'RB')) j--;
  const adjacent = j >= start ? phraseEndingAt(ct, j + 1, start) : null;
  if (adjacent && !cue.participle) {
    const beforeAdj = ct.tokens[adjacent.start - 1];
    const after = ct.tokens[cue.end];
    const parenthetical =
      beforeAdj?.norm === ',' && (after === undefined || [',', '.', ':'].includes(after.norm) || cue.end >= to - 1 || hasFiniteVerb(ct, start, adjacent.start - 1));
    if (adjacent.head.kind === 'pronoun' || parenthetical || adjacent.start === start) return { phrase: adjacent, placement: 'before' };
  }
  const subject = phrasesIn(ct, start, cue.start).find((p) => !p.governed && !relative(ct, p, start));
  if (subject) return { phrase: subject, placement: cue.participle ? 'subject' : 'before' };
  if (cue.participle) {
    // "..., saying ...": the subject of the whole sentence.
    const main = phrasesIn(ct, from, cue.start).find((p) => !p.governed && !relative(ct, p, from));
    if (main) return { phrase: main, placement: 'subject' };
    return null;
  }
  // Inverted: "“...,” said the minister."
  const inverted = phraseAt(ct, cue.end, to);
  if (inverted && (inverted.head.kind !== 'pronoun' || ct.tokens[cue.start - 1]?.mark || ct.tokens[cue.start - 1]?.norm === ',')) {
    return { phrase: { ...inverted, governed: false }, placement: 'after' };
  }
  return null;
}

/** The phrase whose last token is `end - 1`, starting no earlier than `limit`. */
function phraseEndingAt(ct: ClaimText, end: number, limit: number): Phrase | null {
  for (const p of phrasesIn(ct, limit, end)) if (p.end === end && !p.governed) return p;
  return null;
}

/** Inside "which is part of X" / "who leads X": not a subject. */
function relative(ct: ClaimText, p: Phrase, from: number): boolean {
  for (let j = p.start - 1; j >= from; j--) {
    const n = ct.tokens[j]!.norm;
    if (n === ',') return false;
    if (n === 'which' || n === 'who' || n === 'whose') return true;
  }
  return false;
}

/** "IRNA quoted the commander in Haj Omran as saying": the phrase after "quoted" speaks. */
function quotedSpeaker(ct: ClaimText, quoter: number, cue: number): { phrase: Phrase; placement: Attribution['placement'] } | null {
  const p = phraseAt(ct, quoter + 1, cue);
  return p ? { phrase: { ...p, governed: false }, placement: 'after' } : null;
}

/** "IRNA quoted … as saying", "…, the BBC quotes an official as saying": who quotes is the intermediary. */
function quoterVia(ct: ClaimText, quoter: number, from: number): QuoteAttrs['via'] {
  const p = quoterPhrase(ct, quoter, from);
  if (!p) return null;
  const named = p.entities[p.entities.length - 1];
  const span = { start: ct.tokens[p.start]!.start, end: ct.tokens[p.end - 1]!.end };
  const nameStart = named !== undefined ? Math.max(ct.entities[named]!.start, span.start) : span.start;
  const name = ct.doc.text.slice(nameStart, span.end).replace(/^(the|a|an)\s+/i, '');
  return { span, name, actorId: named !== undefined ? (ct.links.get(named)?.actorId ?? null) : null };
}

/** The subject of an active "quoted": the phrase ending before it (and its auxiliaries). */
function quoterPhrase(ct: ClaimText, quoter: number, from: number): Phrase | null {
  let end = quoter;
  while (end > from && AUX.has(ct.tokens[end - 1]!.norm)) end--;
  return phraseEndingAt(ct, end, Math.max(from, end - 8));
}

/** Where the quoter's phrase starts, or the "quoted" token when none is found. */
function quoterPhraseStart(ct: ClaimText, quoter: number, from: number): number {
  return quoterPhrase(ct, quoter, from)?.start ?? quoter;
}

/** "according to X": the phrase after the cue; "reports by X" gives X. */
function accordingPhrase(ct: ClaimText, cue: Cue, to: number): { phrase: Phrase; placement: Attribution['placement'] } | null {
  const p = phraseAt(ct, cue.end, to);
  if (!p) return null;
  const next = ct.tokens[p.end];
  if (p.head.kind === 'description' && p.head.nounClass === 'source' && next && ['by', 'from', 'of'].includes(next.norm)) {
    const inner = phraseAt(ct, p.end + 1, to);
    if (inner && inner.head.kind === 'entity') return { phrase: { ...inner, governed: false }, placement: 'after' };
  }
  return { phrase: { ...p, governed: false }, placement: 'after' };
}

/** "in a statement", "in an online statement", "a statement said" near the cue. */
function saysStatement(ct: ClaimText, cue: Cue, from: number, to: number): boolean {
  const lo = Math.max(from, cue.start - 10);
  const hi = Math.min(to, cue.end + 6);
  for (let j = lo; j < hi; j++) {
    const t = ct.tokens[j]!;
    if (t.quote >= 0 || t.mark || !['statement', 'communique', 'communiqué', 'declaration'].includes(t.norm)) continue;
    const before = [ct.tokens[j - 1]?.norm, ct.tokens[j - 2]?.norm, ct.tokens[j - 3]?.norm];
    if (before.includes('in') || (j === cue.start - 1 && ['a', 'the', 'its'].includes(before[1] ?? ''))) return true;
  }
  return false;
}

/** The outlet the words came through: "quoted ... by X", "told X", "speaking to X", "in an interview with X". */
function findVia(ct: ClaimText, cue: Cue, from: number, to: number, speaker: Phrase, k: QuoteKnowledge | undefined): QuoteAttrs['via'] {
  const sentence = ct.tokens[cue.start]!.sentence;
  for (let j = from; j < to; j++) {
    const t = ct.tokens[j]!;
    if (t.quote >= 0 || t.mark || t.sentence !== sentence) continue;
    const governor = t.norm === 'by' || t.norm === 'to' || t.norm === 'with' || (t.norm === 'told' && j === cue.start);
    if (!governor) continue;
    let start = j + 1;
    while (ct.tokens[start] && /^(arabic|english|persian|kurdish|turkish|hebrew)-language$|^the$/.test(ct.tokens[start]!.norm)) start++;
    const p = phraseAt(ct, start, to);
    if (!p || p.start === speaker.start || p.head.kind === 'pronoun') continue;
    const text = tokensText(ct, p.start, p.end);
    const mediaEntity = p.entities.find((e) => {
      const id = ct.links.get(e)?.actorId;
      return id !== undefined && k?.actor(id)?.sector === 'media';
    });
    const orgEntity = p.entities.find((e) => ['ORG', 'MISC'].includes(ct.entities[e]?.type ?? ''));
    const isMedia = mediaEntity !== undefined || MEDIA_WORDS.test(text) || (t.norm === 'by' && cue.quotedBy && orgEntity !== undefined);
    if (!isMedia) continue;
    const named = mediaEntity ?? orgEntity ?? p.entities[p.entities.length - 1];
    const nameStart = named !== undefined ? Math.max(ct.entities[named]!.start, ct.tokens[p.start]!.start) : ct.tokens[p.start]!.start;
    const span = { start: ct.tokens[p.start]!.start, end: ct.tokens[p.end - 1]!.end };
    const name = ct.doc.text.slice(nameStart, span.end).replace(/^(the|a|an)\s+/i, '');
    return { span, name, actorId: named !== undefined ? (ct.links.get(named)?.actorId ?? null) : null };
  }
  return null;
}

function remember(memory: Memory, att: Attribution, ct: ClaimText): void {
  const r = att.resolution.referent;
  if (!r || !att.phrase) return;
  const at = att.phrase.start;
  memory.speakers.push({ ...r, at, paragraph: ct.tokens[at]?.paragraph ?? r.paragraph, role: att.role ?? r.role, roleActors: att.roleActors });
}

interface ItemParts {
  readonly kind: QuoteKind;
  readonly content: Span;
  readonly outer: Span;
  readonly att: Attribution;
  readonly reasonHead: string;
  readonly confidence: number;
}

function makeItem(ct: ClaimText, p: ItemParts): QuoteItem {
  const { att } = p;
  const speaker = att.phrase ? { start: ct.tokens[att.phrase.start]!.start, end: ct.tokens[att.phrase.end - 1]!.end } : null;
  const cue = { start: ct.tokens[att.cue.start]!.start, end: ct.tokens[att.cue.end - 1]!.end };
  const edges = [p.outer, cue, ...(speaker ? [speaker] : []), ...(att.via ? [att.via.span] : [])];
  const reason = [p.reasonHead, att.parsed ? 'speaker is the subject in the parse' : null, att.role ? `role '${att.role}'` : null, att.via ? `via '${att.via.name}'` : null, att.statement && p.kind !== 'statement' ? 'in a statement' : null]
    .filter((x) => x !== null)
    .join('; ');
  const referent = att.resolution.referent;
  return {
    start: Math.min(...edges.map((s) => s.start)),
    end: Math.max(...edges.map((s) => s.end)),
    kind: p.kind,
    content: p.content,
    cue,
    speaker,
    speakerActorId: referent?.actorId ?? null,
    speakerName: referent?.name ?? att.resolution.name,
    speakerRole: att.role,
    via: att.via,
    topicActorIds: topicActors(ct, p.content, referent?.actorId ?? null),
    confidence: round(p.confidence),
    reason,
  };
}

const FINITE = new Set(['VBD', 'VBZ', 'VBP', 'MD']);

/** Indirect speech, a statement or "according to": the reported clause of `cue`, or null. */
function indirectItem(ct: ClaimText, cue: Cue, from: number, to: number, att: Attribution | null): QuoteItem | null {
  if (!att || !(att.resolution.referent || att.resolution.name)) return null;
  const sentence = ct.tokens[cue.start]!.sentence;
  const [sFirst, sEnd] = ct.sentenceTokens[sentence] ?? [from, to];
  let last = Math.min(sEnd, to) - 1;
  while (last > sFirst && (ct.tokens[last]!.tag === '.' || ct.tokens[last]!.norm === ',') && !ct.tokens[last]!.mark) last--;
  const speakerStart = att.phrase ? att.phrase.start : cue.start;
  let content: readonly [number, number] | null = null;
  let how = '';
  let marked = false;
  if (cue.kind === 'according-to') {
    const phraseEnd = att.phrase ? att.phrase.end : cue.end;
    if (cue.start <= sFirst + 1) {
      // "According to X, CLAUSE."
      let j = phraseEnd;
      while (j <= last && ct.tokens[j]!.norm !== ',') j++;
      if (j < last) content = [j + 1, last + 1];
    } else {
      let j = cue.start - 1;
      if (ct.tokens[j]?.norm === ',') j--;
      content = [sFirst, j + 1];
    }
    how = 'according to';
  } else {
    const clause = treeClause(ct, cue, sFirst, last + 1, to);
    // A clause with no finite verb ("to reopen the port") is a misparse: the words decide.
    if (clause && clause.to - clause.from >= 2 && (clause.marked || hasFiniteVerb(ct, clause.from, clause.to))) {
      content = [clause.from, clause.to];
      how = clause.how;
      marked = clause.marked;
    }
  }
  // "…, the BBC quotes a senior official as saying.": the clause before the quoter's comma.
  if (!content && cue.quoter !== undefined && cue.end > last) {
    const quoter = quoterPhraseStart(ct, cue.quoter, sFirst);
    if (quoter > sFirst + 1 && ct.tokens[quoter - 1]?.norm === ',') {
      content = [sFirst, quoter - 1];
      how = 'attribution after the clause';
    }
  }
  if (!content && cue.kind !== 'according-to') {
    const complement = complementStart(ct, cue, att, last + 1);
    const afterCue = ct.tokens[cue.end];
    const afterComma =
      att.placement === 'before' &&
      speakerStart > sFirst &&
      ct.tokens[speakerStart - 1]?.norm === ',' &&
      !['IN', 'VBG', 'WRB'].includes(ct.tokens[sFirst]!.tag) &&
      (afterCue === undefined || cue.end > last || [',', '.', 'on', 'in'].includes(afterCue.norm) || afterCue.tag === 'VBG') &&
      (afterCue?.norm === ',' || hasFiniteVerb(ct, sFirst, speakerStart));
    if (complement && complement.start <= last && (complement.marked || !afterComma)) {
      content = [complement.start, last + 1];
      how = 'reported clause after';
      marked = complement.marked;
    } else if (afterComma) {
      // "…, he pointed out." / "The US, he added, plans …" / "…, CNN reported on Monday."
      const tail = ct.tokens[cue.end];
      const final = tail === undefined || cue.end > last || tail.norm !== ',';
      content = final ? [sFirst, speakerStart - 1] : [sFirst, last + 1];
      how = final ? 'attribution after the clause' : 'attribution inside the clause';
    }
  }
  if (!content || content[1] - content[0] < 2 || (!marked && !hasFiniteVerb(ct, content[0], content[1]))) return null;
  const span = { start: ct.tokens[content[0]]!.start, end: ct.tokens[content[1] - 1]!.end };
  const kind: QuoteKind = cue.kind === 'according-to' ? 'according-to' : cue.kind === 'post' ? 'post' : att.statement ? 'statement' : 'indirect';
  const label = kind === 'according-to' ? 'according to' : kind === 'statement' ? 'statement' : kind === 'post' ? 'post' : 'indirect speech';
  return makeItem(ct, {
    kind,
    content: span,
    outer: span,
    att,
    reasonHead: `${label}; speaker ${att.resolution.how}, ${how} '${tokensText(ct, cue.start, cue.end)}'`,
    confidence: att.resolution.confidence * 0.9,
  });
}

function hasFiniteVerb(ct: ClaimText, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (FINITE.has(ct.tokens[j]!.tag) || ct.tokens[j]!.tag === 'VBG') return true;
  return false;
}

/**
 * Where the reported clause starts after the cue: after "that" or at "of" (marked), or at a
 * bare clause ("said the US has been planning"). Null when the cue takes no clause.
 */
function complementStart(ct: ClaimText, cue: Cue, att: Attribution, to: number): { start: number; marked: boolean } | null {
  let j = cue.end;
  if (att.placement === 'after' && att.phrase && att.phrase.start >= cue.end) j = att.phrase.end;
  const objectVerbs = new Set(['tell', 'warn', 'accuse', 'blame', 'urge', 'ask', 'threaten']);
  if (objectVerbs.has(cue.verb)) j = nounChunkEnd(ct, j, to);
  const first = ct.tokens[j];
  if (!first || first.quote >= 0 || first.mark) return null;
  for (let n = 0, i = j; i < to && n < 14; n++, i++) {
    const t = ct.tokens[i]!;
    if (t.quote >= 0 || t.mark || FINITE.has(t.tag)) break;
    if (t.norm === 'that' && (t.tag === 'IN' || t.tag === 'WDT' || t.tag === 'DT')) return { start: i + 1, marked: true };
    if ((t.norm === 'of' || t.norm === 'against') && (cue.verb === 'warn' || cue.verb === 'accuse') && i === j) return { start: i + 1, marked: true };
    if (t.norm === 'for' && cue.verb === 'blame' && i === j) return { start: i + 1, marked: true };
    if (t.norm === '.' || t.norm === ';') return null;
  }
  // A bare clause: "said the US has been planning", "said on Monday Iraq would".
  if (!['DT', 'NNP', 'NNPS', 'PRP', 'JJ', 'CD', 'IN'].includes(first.tag) || first.norm === 'to' || cue.verb === 'tell') return null;
  if (first.tag === 'IN' && !isTimePhrase(ct, j)) return null;
  for (let n = 0, i = j; i < to && n < 16; n++, i++) {
    const t = ct.tokens[i]!;
    if (t.quote >= 0 || t.mark || ['.', ';', ',', 'but', 'which', 'who'].includes(t.norm)) return null;
    if (FINITE.has(t.tag) && i > j) return { start: j, marked: false };
  }
  return null;
}

/** The end of the noun chunk at `j` (the object of "told", "warned"), or `j` when none. */
function nounChunkEnd(ct: ClaimText, j: number, to: number): number {
  const p = phraseAt(ct, j, to);
  if (p) return p.end;
  let i = j;
  while (i < to && ['DT', 'JJ', 'NN', 'NNS', 'NNP', 'NNPS', 'PRP', 'CD', 'POS', 'PRP$'].includes(ct.tokens[i]!.tag) && ct.tokens[i]!.quote < 0) i++;
  return i;
}

/** "on Monday", "on January 20", "last week": a time phrase a reporting verb may take. */
function isTimePhrase(ct: ClaimText, j: number): boolean {
  const next = ct.tokens[j + 1];
  return next !== undefined && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|\d+)$/.test(next.norm);
}

function topicActors(ct: ClaimText, content: Span, speaker: string | null): string[] {
  const out: string[] = [];
  for (const link of ct.linked.within(content)) if (link.actorId !== speaker && !out.includes(link.actorId)) out.push(link.actorId);
  return out;
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}
