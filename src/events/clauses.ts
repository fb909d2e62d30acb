import { scareQuotes } from './scare-quotes.js';
import { isVerbTag, type Token } from './sentence-view.js';

/**
 * Clause segmentation by rule: a sentence is cut at semicolons and colons, at quotation
 * marks, before relative pronouns, subordinators ("if", "unless", "after"...), a
 * complementizer after a reporting verb, a coordinating "and"/"but" that starts a new
 * verb phrase, and a participle after a comma (", killing three"). Arguments, places and
 * times are then looked for in the trigger's own clause first, so parts of different
 * clauses are not glued into one event.
 */

export type ClauseKind = 'main' | 'relative' | 'conditional' | 'subordinate' | 'complement' | 'coordinate' | 'participle' | 'quote';

export interface Clause {
  /** Positions in the sentence's token list: [from, to). */
  readonly from: number;
  readonly to: number;
  readonly kind: ClauseKind;
  /** The word that opened the clause ("which", "if", "and"), when one did. */
  readonly marker: number | null;
}

const RELATIVE = new Set(['which', 'who', 'whom', 'whose']);
const CONDITIONAL = new Set(['if', 'unless']);
const SUBORDINATE = new Set(['after', 'before', 'because', 'while', 'whereas', 'although', 'though', 'since', 'when', 'until']);
const COORDINATE = new Set(['and', 'but', 'yet']);
const QUOTES = new Set(['"', '“', '”', '«', '»']);
/** Words after which "that" introduces reported content rather than a relative clause. */
const REPORTING = new Set(['said', 'says', 'say', 'added', 'stated', 'told', 'noted', 'claimed', 'alleged', 'denied', 'announced', 'reported', 'warned', 'stressed', 'insisted', 'believe', 'believes', 'argued', 'confirmed', 'acknowledged', 'explained', 'emphasized', 'out', 'indicated', 'suggested']);

function finiteVerbWithin(tokens: readonly Token[], from: number, window: number): boolean {
  for (let i = from; i < Math.min(tokens.length, from + window); i++) {
    const tag = tokens[i]!.tag;
    if (tag === 'VBD' || tag === 'VBZ' || tag === 'VBP' || tag === 'MD') return true;
    if (tokens[i]!.norm === ',' || tokens[i]!.norm === '.') return false;
  }
  return false;
}

const TAIL_SPEECH = new Set(['said', 'says', 'added', 'told', 'reported', 'stated', 'noted', 'claimed', 'announced']);

function reportingTail(tokens: readonly Token[], i: number): boolean {
  for (let j = i; j < Math.min(tokens.length, i + 9); j++) {
    const t = tokens[j]!;
    if (TAIL_SPEECH.has(t.norm)) {
      const after = tokens[j + 1];
      return !after || after.norm === '.' || after.norm === ',' || after.norm === 'on' || after.norm === 'in';
    }
    if (isVerbTag(t.tag) || t.norm === ',' || t.norm === '.') return false;
  }
  return false;
}

function finiteBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (/^(VBD|VBZ|VBP|MD)$/.test(tokens[j]!.tag)) return true;
  return false;
}

/** Where a new clause starts at position i (the current one began at `from`), and what kind, or null. */
function opening(tokens: readonly Token[], i: number, from: number): ClauseKind | null {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  if (!prev) return null;
  const w = t.norm;
  if (prev.norm === ';' || prev.norm === ':' || prev.norm === '—' || prev.norm === '–') return 'coordinate';
  if (RELATIVE.has(w) && t.entity < 0) return 'relative';
  if (w === 'that') {
    if (tokens.slice(Math.max(0, i - 4), i).some((x) => REPORTING.has(x.norm))) return 'complement';
    // "an offensive that targeted": a verb right after "that" has "that" as its subject.
    if (/^(VBD|VBZ|VBP|VBN|MD)$/.test(tokens[i + 1]?.tag ?? '') || prev.tag.startsWith('NN') || prev.tag === 'PRP') return 'relative';
    return 'complement';
  }
  if (CONDITIONAL.has(w)) return 'conditional';
  if (SUBORDINATE.has(w) && (prev.norm === ',' || finiteVerbWithin(tokens, i + 1, 6))) return 'subordinate';
  // "killing three and injuring three others": a second result of the same event.
  if (COORDINATE.has(w) && tokens[i + 1]?.tag === 'VBG') return 'participle';
  // "and allied fighters": a participle before a noun is an adjective, not a new verb phrase.
  const next = tokens[i + 1];
  const adjectival = next !== undefined && /^VB[DN]$/.test(next.tag) && (tokens[i + 2]?.tag ?? '').startsWith('NN');
  // "Soleimani and al-Muhandis were killed": before its own verb, "and" joins names.
  const ownVerb = finiteBetween(tokens, from, i);
  if (COORDINATE.has(w) && !adjectival && ((prev.norm === ',' && ownVerb) || (ownVerb && finiteVerbWithin(tokens, i + 1, 4)) || isVerbTag(next?.tag ?? ''))) return 'coordinate';
  if (prev.norm === ',' && t.tag === 'VBG') return 'participle';
  // "…, a spokesman in Ankara said.": the reporting tail is the speaker's clause.
  if (prev.norm === ',' && reportingTail(tokens, i)) return 'subordinate';
  return null;
}

export function segmentClauses(tokens: readonly Token[]): Clause[] {
  const clauses: Clause[] = [];
  let from = 0;
  let kind: ClauseKind = 'main';
  let marker: number | null = null;
  let inQuote = false;
  const scare = scareQuotes(tokens);
  const close = (to: number) => {
    if (to > from) clauses.push({ from, to, kind, marker });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (QUOTES.has(t.norm) && !scare.has(i)) {
      close(i);
      inQuote = t.norm === '“' ? true : t.norm === '”' ? false : !inQuote;
      from = i + 1;
      kind = inQuote ? 'quote' : 'main';
      marker = null;
      continue;
    }
    const opens = opening(tokens, i, from);
    if (opens) {
      close(i);
      from = i;
      kind = inQuote && opens === 'coordinate' ? 'quote' : opens;
      marker = opens === 'coordinate' && (tokens[i - 1]?.norm === ';' || tokens[i - 1]?.norm === ':') ? null : i;
    }
  }
  close(tokens.length);
  return clauses;
}

/** The clause holding position i. */
export function clauseAt(clauses: readonly Clause[], i: number): number {
  for (let c = 0; c < clauses.length; c++) if (i >= clauses[c]!.from && i < clauses[c]!.to) return c;
  return Math.max(0, clauses.length - 1);
}
