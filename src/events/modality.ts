import { childrenWith, dominates, head, type SyntaxTree, head as treeHead } from '../nlp/syntax/tree.js';
import type { Modality, Span } from '../text/document.js';
import type { Clause } from './clauses.js';
import type { Token } from './sentence-view.js';
import type { Trigger } from './triggers.js';

/**
 * How the text commits to an event, from cue words around the trigger. Stronger cues win:
 * negated > denied > conditional > hypothetical > planned > claimed > reported > asserted.
 * Attribution (a quote, "X said", "according to") is found by the stage; this module reads
 * the trigger's own clause and the sentence's conditional and reporting words.
 */

export interface ModalityReading {
  readonly modality: Modality;
  readonly cue: Span | null;
  readonly why: string;
}

const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
const HYPOTHETICAL = new Set(['could', 'would', 'might', 'may', 'should', 'must', "'d", 'possibly', 'perhaps', 'likely', 'potential', 'possible']);
const FUTURE = new Set(['will', 'shall', "'ll", 'wo']);
/** Words before "to <verb>" that announce a plan: "plans to withdraw", "is set to meet". */
const INTENT = new Set(['plan', 'plans', 'planned', 'planning', 'set', 'intend', 'intends', 'intended', 'going', 'aim', 'aims', 'aiming', 'scheduled', 'expected', 'due', 'prepared', 'preparing', 'decided', 'agreed', 'vowed', 'vow', 'vows', 'pledged', 'promised', 'threatened', 'seeks', 'seeking', 'sought', 'wants', 'want', 'wanted', 'ready', 'about']);
const CLAIM = new Set(['claimed', 'claims', 'claim', 'claiming', 'alleged', 'allegedly', 'purportedly', 'reportedly', 'purported', 'supposedly']);
const DENY = new Set(['denied', 'denies', 'deny', 'denying', 'rejected', 'dismissed', 'refuted']);
/** Denial verbs that, with an act as their object, refuse or condemn the act rather than deny it. */
const REFUSALS = new Set(['rejected', 'dismissed']);

/** Relations by which a noun stays inside the object phrase of the verb above it. */
const IN_OBJECT = new Set(['obj', 'conj', 'appos', 'compound']);

/** Whether the event noun `g` is the object of `verb`, or a part of that phrase, through no clause. */
function rejectedItself(tree: SyntaxTree, g: number, verb: number): boolean {
  for (let t = g, hops = 0; t !== -1 && hops < 6; t = treeHead(tree, t), hops++) {
    const up = treeHead(tree, t);
    const rel = tree.nodes[t]!.rel;
    if (!IN_OBJECT.has(rel) && !rel.startsWith('nmod')) return false;
    if (up === verb) return tree.nodes[t]!.rel === 'obj';
  }
  return false;
}
const CONDITIONAL = new Set(['if', 'unless']);

const AUX_CHAIN = /^(MD|RB|VB|TO)/;
/** Words whose object is an event ruled out: "prevented an attack", "foiled a bombing". */
const RULED_OUT = new Set(['prevent', 'prevents', 'prevented', 'preventing', 'avert', 'averted', 'foil', 'foiled', 'thwart', 'thwarted']);
/**
 * Words whose object is an event only asked for, feared, forbidden or weighed: "forbidden
 * direct attacks", "provoking an attack", "suggested the option of killing". Past forms of
 * "provoke" are left out: "provoked an attack" tells that one happened.
 */
const UNREALIZED = new Set([
  'forbid', 'forbids', 'forbade', 'forbidden', 'forbidding', 'prohibit', 'prohibits', 'prohibited', 'ban', 'bans', 'banned',
  'deter', 'deters', 'deterring', 'avoid', 'avoids', 'avoiding', 'provoke', 'provoking', 'risk', 'risks', 'risking', 'risked',
  'fear', 'fears', 'feared', 'option', 'options', 'idea', 'possibility', 'prospect', 'proposal', 'suggest', 'suggests', 'suggested',
  'suggesting', 'propose', 'proposes', 'proposed', 'recommend', 'recommends', 'recommended', 'contemplate', 'contemplated', 'considered', 'weighed',
]);
/** Plans, and verbs whose object is an event still to come: "planning attacks", "plotted a bombing", "preparing an offensive". */
const PLAN_NOUNS = new Set([
  'plan', 'plans', 'blueprint', 'planning', 'planned', 'plotting', 'plotted', 'plot', 'plots', 'preparing', 'prepares', 'prepare',
  'threatening', 'threatened', 'threatens', 'threaten', 'vowing', 'vowed', 'vows', 'intending', 'scheduling', 'scheduled',
]);
/** Words between a governing word and its event: "forbidden (direct) attacks", "the option of (military) strikes". */
const MODIFIER = /^(DT|PDT|JJ|CD|PRP\$|RB|NN|POS)/;

/** The word governing the trigger as its object, past its modifiers and an "of". */
function governor(tokens: readonly Token[], trigger: Trigger, from: number): { word: string; at: number } | null {
  let i = trigger.words[0]! - 1;
  while (i >= from && MODIFIER.test(tokens[i]!.tag) && trigger.kind === 'noun' && i >= trigger.words[0]! - 4) i--;
  if (tokens[i]?.norm === 'of') i--;
  const t = tokens[i];
  return t && i >= from ? { word: t.norm, at: i } : null;
}

/** The trigger's place in the dependency tree, when the document has one. */
export interface TreePlace {
  readonly tree: SyntaxTree;
  /** Global index of the sentence's first token. */
  readonly base: number;
  /** Lemmas of verbs whose infinitive happened ("started to attack"): event-frames.json implicativeVerbs. */
  readonly implicatives: ReadonlySet<string>;
}

/**
 * Negation read from the tree: a negated predicate ("did not attack"), a negative subject or
 * object ("no American was killed", "killed no one"), or "no" on an event noun ("no attack").
 */
function treeNegation(place: TreePlace, g: number): number {
  const { tree } = place;
  for (const c of childrenWith(tree, g, ['advmod', 'neg'])) if (NEGATIONS.has(tree.nodes[c]!.lemma.toLowerCase())) return c;
  // "Because no American was killed": a loose parse may hang the "no" of the subject on the verb.
  const no = childrenWith(tree, g, ['mark', 'det', 'advmod']).find((c) => c < g && tree.nodes[c]!.lemma.toLowerCase() === 'no');
  if (no !== undefined) return no;
  const determinerNo = (t: number): number => childrenWith(tree, t, 'det').find((d) => ['no', 'neither'].includes(tree.nodes[d]!.lemma.toLowerCase())) ?? -1;
  if (determinerNo(g) !== -1) return determinerNo(g);
  for (const a of childrenWith(tree, g, ['nsubj', 'nsubj:pass', 'obj'])) {
    if (tree.nodes[a]!.lemma.toLowerCase() === 'nobody' || tree.nodes[a]!.lemma.toLowerCase() === 'none') return a;
    if (determinerNo(a) !== -1) return determinerNo(a);
  }
  return -1;
}

/**
 * Whether the if/unless clause at `marker` bears on the predicate `g`: the clause modifies g's
 * clause or one above it ("will retaliate if …"), or g lies inside it ("if Iran attacks"). A
 * condition on another clause of the sentence does not.
 */
function conditionReaches(place: TreePlace, marker: number, g: number): boolean {
  const { tree } = place;
  const conditionClause = head(tree, marker);
  if (conditionClause === -1) return true;
  if (dominates(tree, conditionClause, g)) return true;
  const governor = head(tree, conditionClause);
  return governor === -1 || dominates(tree, governor, g) || governor === g || dominates(tree, g, conditionClause);
}

/** Whether `g` hangs on the verb `v` through a conjunction: a second act, not v's content. */
function joinedTo(tree: TreePlace['tree'], v: number, g: number): boolean {
  for (let t = g, hops = 0; t !== -1 && hops < 12; t = treeHead(tree, t), hops++) {
    if (treeHead(tree, t) === v) return tree.nodes[t]!.rel === 'conj';
  }
  return false;
}

/** Penn tags of quotation marks. */
const QUOTE_TAGS = new Set(['``', "''"]);

export function readModality(tokens: readonly Token[], clauses: readonly Clause[], clauseIndex: number, trigger: Trigger, sentenceHasQuestion: boolean, place: TreePlace | null = null): ModalityReading {
  const clause = clauses[clauseIndex]!;
  const head = trigger.words[0]!;
  const span = (i: number): Span => ({ start: tokens[i]!.start, end: tokens[i]!.end });
  const g = place ? place.base + trigger.head : -1;
  // "Iran started to attack Kuwaiti-connected vessels", "used tear gas to disperse protesters":
  // the infinitive of an implicative verb tells what happened.
  const governing = place ? treeHead(place.tree, g) : -1;
  const actualized =
    place !== null &&
    governing !== -1 &&
    ['xcomp', 'advcl'].includes(place.tree.nodes[g]!.rel) &&
    place.implicatives.has(place.tree.nodes[governing]!.lemma.toLowerCase()) &&
    // "was going to attack" is the future, not an act carried out.
    !(place.tree.nodes[governing]!.tag === 'VBG' && place.tree.nodes[governing]!.lemma.toLowerCase() === 'go');
  if (place) {
    const negation = treeNegation(place, g);
    if (negation !== -1) return { modality: 'negated', cue: span(negation - place.base), why: `negated by '${tokens[negation - place.base]!.norm}'` };
  }
  // Negation: in the auxiliary chain before the verb, or "no" before a noun trigger.
  for (let i = head - 1; i >= clause.from && i >= head - 4; i--) {
    const t = tokens[i]!;
    if (NEGATIONS.has(t.norm) && (trigger.kind === 'verb' || t.norm === 'no' || t.norm === 'without')) return { modality: 'negated', cue: span(i), why: `negated by '${t.norm}'` };
    if (trigger.kind === 'verb' && !AUX_CHAIN.test(t.tag) && t.norm !== 'to') break;
  }
  // Denial and claims: a denial or claim verb earlier in the sentence that governs this clause.
  for (let i = head - 1; i >= 0; i--) {
    const w = tokens[i]!.norm;
    if (!DENY.has(w) || !tokens[i]!.tag.startsWith('VB')) continue;
    // "rejected the US military's violation of Iraqi airspace": an act that is itself what is
    // rejected is condemned, not denied; "rejected reports that …" denies what they tell.
    if (place && REFUSALS.has(w) && trigger.kind === 'noun' && rejectedItself(place.tree, g, place.base + i)) continue;
    // "Iraq rejected its quota and demanded a larger share": a verb joined to the denial is
    // another act, not what is denied.
    if (place && joinedTo(place.tree, place.base + i, g)) continue;
    return { modality: 'denied', cue: span(i), why: `under '${w}'` };
  }
  const gov = governor(tokens, trigger, clause.from);
  if (gov && (trigger.kind === 'noun' || tokens[head]!.tag === 'VBG')) {
    if (RULED_OUT.has(gov.word)) return { modality: 'negated', cue: span(gov.at), why: `ruled out by '${gov.word}'` };
    if (PLAN_NOUNS.has(gov.word)) return { modality: 'planned', cue: span(gov.at), why: `a plan: '${gov.word}'` };
    if (UNREALIZED.has(gov.word)) return { modality: 'hypothetical', cue: span(gov.at), why: `asked for, feared or weighed: '${gov.word}'` };
  }
  for (let c = 0; c < clauses.length; c++) {
    const other = clauses[c]!;
    if (other.kind !== 'conditional' || other.marker === null) continue;
    const marker = tokens[other.marker]!;
    if (place && !conditionReaches(place, place.base + other.marker, g)) continue;
    if (CONDITIONAL.has(marker.norm)) return { modality: 'conditional', cue: span(other.marker), why: c === clauseIndex ? `inside the '${marker.norm}' clause` : `under the condition '${marker.norm} …'` };
  }
  for (let i = head - 1; i >= clause.from && i >= head - 5; i--) {
    const t = tokens[i]!;
    if (HYPOTHETICAL.has(t.norm) && (t.tag === 'MD' || t.tag === 'RB' || t.tag === 'JJ')) return { modality: 'hypothetical', cue: span(i), why: `'${t.norm}'` };
    if (FUTURE.has(t.norm) && t.tag === 'MD') return { modality: 'planned', cue: span(i), why: `future '${t.norm}'` };
    // "was going to directly attack": adverbs may split the infinitive.
    // "to help quell the unrest": "help" before a bare infinitive passes the purpose on.
    // A quotation mark may open inside it ("was going to ‘directly attack …’").
    if (t.norm === 'to' && tokens.slice(i + 1, head).every((x) => x.tag.startsWith('RB') || x.norm === 'help' || QUOTE_TAGS.has(x.tag)) && !actualized) {
      const governor = tokens[i - 1];
      const base = tokens[i - 2];
      if (governor && (INTENT.has(governor.norm) || (base && INTENT.has(base.norm)))) return { modality: 'planned', cue: span(i - 1), why: `'${governor.norm} to'` };
      return { modality: 'hypothetical', cue: span(i), why: 'an infinitive: intended or asked for, not done' };
    }
    if (trigger.kind === 'verb' && !AUX_CHAIN.test(t.tag) && t.norm !== 'help' && !QUOTE_TAGS.has(t.tag)) break;
  }
  if (sentenceHasQuestion) return { modality: 'hypothetical', cue: null, why: 'a question' };
  for (let i = Math.max(0, head - 8); i < Math.min(tokens.length, head + 3); i++) {
    const w = tokens[i]!.norm;
    if (CLAIM.has(w)) return { modality: 'claimed', cue: span(i), why: `'${w}'` };
  }
  return { modality: 'asserted', cue: null, why: '' };
}
