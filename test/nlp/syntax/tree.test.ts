import { describe, expect, it } from 'vitest';
import {
  type Argument,
  type ArgumentSource,
  argumentsOf,
  auxiliaries,
  caseMarker,
  children,
  childrenWith,
  childWith,
  clauseOf,
  conjuncts,
  dominates,
  head,
  isNegated,
  isPassive,
  isPredicate,
  lowestCommonAncestor,
  markerOf,
  matchesRel,
  modalOf,
  pathBetween,
  predicateOf,
  relation,
  rootOf,
  type SyntaxTree,
  subtreeSpan,
  treeOf,
} from '../../../src/nlp/syntax/tree.js';
import type { Layers } from '../../../src/text/document.js';

/**
 * A document from hand-written UD analyses: one row per token, "word UPOS TAG lemma head rel",
 * the head 1-based within its sentence (0 for the root), as in CoNLL-U. Words are joined by single
 * spaces, so spans are real offsets into `text`.
 */
function parsed(...sentences: ReadonlyArray<readonly string[]>) {
  let text = '';
  const syntax: Array<Layers['syntax'][number]> = [];
  const words: string[] = [];
  for (const rows of sentences) {
    const base = syntax.length;
    for (const row of rows) {
      const [word, upos, tag, lemma, headField, rel, ...extra] = row.split(' ');
      const complete = word && upos && tag && lemma && headField && rel && extra.length === 0;
      if (!complete) throw new Error(`bad row: ${row}`);
      if (text) text += ' ';
      const start = text.length;
      text += word;
      const h = Number(headField);
      syntax.push({ start, end: text.length, upos, tag, lemma, head: h === 0 ? -1 : base + h - 1, rel });
      words.push(word);
    }
  }
  const tree = treeOf(syntax);
  /** Index of the nth occurrence (1-based) of a word. */
  const at = (word: string, nth = 1): number => {
    let seen = 0;
    const i = words.findIndex((w) => w === word && ++seen === nth);
    if (i === -1) throw new Error(`no ${word} #${nth}`);
    return i;
  };
  const spanText = (span: { start: number; end: number }) => text.slice(span.start, span.end);
  return { text, tree, at, spanText };
}

// Rebels fired three rockets at the airport in Erbil on Tuesday, the ministry said.
const RAID = [
  'Rebels NOUN NNS rebel 2 nsubj',
  'fired VERB VBD fire 0 root',
  'three NUM CD three 4 nummod',
  'rockets NOUN NNS rocket 2 obj',
  'at ADP IN at 7 case',
  'the DET DT the 7 det',
  'airport NOUN NN airport 2 obl',
  'in ADP IN in 9 case',
  'Erbil PROPN NNP Erbil 7 nmod',
  'on ADP IN on 11 case',
  'Tuesday PROPN NNP Tuesday 2 obl',
  ', PUNCT , , 15 punct',
  'the DET DT the 14 det',
  'ministry NOUN NN ministry 15 nsubj',
  'said VERB VBD say 2 parataxis',
  '. PUNCT . . 2 punct',
];

// The convoy was attacked by gunmen near Mosul and set on fire.
const CONVOY = [
  'The DET DT the 2 det',
  'convoy NOUN NN convoy 4 nsubj:pass',
  'was AUX VBD be 4 aux:pass',
  'attacked VERB VBN attack 0 root',
  'by ADP IN by 6 case',
  'gunmen NOUN NNS gunman 4 obl',
  'near ADP IN near 8 case',
  'Mosul PROPN NNP Mosul 4 obl',
  'and CCONJ CC and 10 cc',
  'set VERB VBN set 4 conj',
  'on ADP IN on 12 case',
  'fire NOUN NN fire 10 obl',
  '. PUNCT . . 4 punct',
];

// Militants and army deserters who seized the depot will not release the hostages.
const HOSTAGES = [
  'Militants NOUN NNS militant 11 nsubj',
  'and CCONJ CC and 4 cc',
  'army NOUN NN army 4 compound',
  'deserters NOUN NNS deserter 1 conj',
  'who PRON WP who 6 nsubj',
  'seized VERB VBD seize 4 acl:relcl',
  'the DET DT the 8 det',
  'depot NOUN NN depot 6 obj',
  'will AUX MD will 11 aux',
  'not PART RB not 11 advmod',
  'release VERB VB release 0 root',
  'the DET DT the 13 det',
  'hostages NOUN NNS hostage 11 obj',
  '. PUNCT . . 11 punct',
];

// The army vowed to surround and retake the town, prompting residents to flee to Kirkuk and Erbil.
const VOW = [
  'The DET DT the 2 det',
  'army NOUN NN army 3 nsubj',
  'vowed VERB VBD vow 0 root',
  'to PART TO to 5 mark',
  'surround VERB VB surround 3 xcomp',
  'and CCONJ CC and 7 cc',
  'retake VERB VB retake 5 conj',
  'the DET DT the 9 det',
  'town NOUN NN town 5 obj',
  ', PUNCT , , 11 punct',
  'prompting VERB VBG prompt 3 advcl',
  'residents NOUN NNS resident 11 obj',
  'to PART TO to 14 mark',
  'flee VERB VB flee 11 xcomp',
  'to ADP IN to 16 case',
  'Kirkuk PROPN NNP Kirkuk 14 obl',
  'and CCONJ CC and 18 cc',
  'Erbil PROPN NNP Erbil 16 conj',
  '. PUNCT . . 3 punct',
];

// Because of the curfew, a convoy carrying aid was stopped outside the hospital.
const CURFEW = [
  'Because SCONJ IN because 4 case',
  'of ADP IN of 1 fixed',
  'the DET DT the 4 det',
  'curfew NOUN NN curfew 11 obl',
  ', PUNCT , , 11 punct',
  'a DET DT a 7 det',
  'convoy NOUN NN convoy 11 nsubj:pass',
  'carrying VERB VBG carry 7 acl',
  'aid NOUN NN aid 8 obj',
  'was AUX VBD be 11 aux:pass',
  'stopped VERB VBN stop 0 root',
  'outside ADP IN outside 14 case',
  'the DET DT the 14 det',
  'hospital NOUN NN hospital 11 obl',
  '. PUNCT . . 11 punct',
];

// The minister was not in Baghdad on Monday. Two soldiers were killed Sunday by a roadside bomb.
const MINISTER = [
  'The DET DT the 2 det',
  'minister NOUN NN minister 6 nsubj',
  'was AUX VBD be 6 cop',
  'not PART RB not 6 advmod',
  'in ADP IN in 6 case',
  'Baghdad PROPN NNP Baghdad 0 root',
  'on ADP IN on 8 case',
  'Monday PROPN NNP Monday 6 obl',
  '. PUNCT . . 6 punct',
];
const BOMB = [
  'Two NUM CD two 2 nummod',
  'soldiers NOUN NNS soldier 4 nsubj:pass',
  'were AUX VBD be 4 aux:pass',
  'killed VERB VBN kill 0 root',
  'Sunday PROPN NNP Sunday 4 obl:tmod',
  'by ADP IN by 9 case',
  'a DET DT a 9 det',
  'roadside NOUN NN roadside 9 compound',
  'bomb NOUN NN bomb 4 obl:agent',
  '. PUNCT . . 4 punct',
];

// A hearing is scheduled today on the case. ("on the case" belongs to "hearing": a non-projective arc)
const HEARING = [
  'A DET DT a 2 det',
  'hearing NOUN NN hearing 4 nsubj:pass',
  'is AUX VBZ be 4 aux:pass',
  'scheduled VERB VBN schedule 0 root',
  'today NOUN NN today 4 obl:tmod',
  'on ADP IN on 8 case',
  'the DET DT the 8 det',
  'case NOUN NN case 2 nmod',
  '. PUNCT . . 4 punct',
];

// Police detained gunmen who stormed a checkpoint and seized rifles.
const CHECKPOINT = [
  'Police NOUN NNS police 2 nsubj',
  'detained VERB VBD detain 0 root',
  'gunmen NOUN NNS gunman 2 obj',
  'who PRON WP who 5 nsubj',
  'stormed VERB VBD storm 3 acl:relcl',
  'a DET DT a 7 det',
  'checkpoint NOUN NN checkpoint 5 obj',
  'and CCONJ CC and 9 cc',
  'seized VERB VBD seize 5 conj',
  'rifles NOUN NNS rifle 9 obj',
  '. PUNCT . . 2 punct',
];

// A convoy attacked by gunmen near Mosul turned back.
const TURNED = [
  'A DET DT a 2 det',
  'convoy NOUN NN convoy 8 nsubj',
  'attacked VERB VBN attack 2 acl',
  'by ADP IN by 5 case',
  'gunmen NOUN NNS gunman 3 obl',
  'near ADP IN near 7 case',
  'Mosul PROPN NNP Mosul 3 obl',
  'turned VERB VBD turn 0 root',
  'back ADV RB back 8 advmod',
  '. PUNCT . . 8 punct',
];

type Doc = ReturnType<typeof parsed>;

/** Expected argument by word: `a(doc, 'Rebels', 'nsubj')`. */
function a(doc: Doc, word: string, role: string, via: ArgumentSource = 'dependent', preposition?: string): Argument {
  const token = doc.at(word);
  return preposition ? { token, role, preposition, via } : { token, role, via };
}

function words(doc: Doc, tokens: readonly number[]): string[] {
  return tokens.map((t) => doc.spanText(doc.tree.nodes[t]!));
}

describe('treeOf', () => {
  it('lists dependents in token order and finds heads and roots', () => {
    const doc = parsed(RAID);
    const { tree, at } = doc;
    expect(words(doc, children(tree, at('fired')))).toEqual(['Rebels', 'rockets', 'airport', 'Tuesday', 'said', '.']);
    expect(words(doc, children(tree, at('airport')))).toEqual(['at', 'the', 'Erbil']);
    expect(children(tree, at('three'))).toEqual([]);
    expect(head(tree, at('rockets'))).toBe(at('fired'));
    expect(head(tree, at('fired'))).toBe(-1);
    expect(tree.roots).toEqual([at('fired')]);
    expect(rootOf(tree, at('ministry'))).toBe(at('fired'));
  });

  it('keeps document-global indices across sentences, one root each', () => {
    const doc = parsed(MINISTER, BOMB);
    const { tree, at } = doc;
    expect(at('soldiers')).toBe(MINISTER.length + 1);
    expect(head(tree, at('soldiers'))).toBe(at('killed'));
    expect(tree.roots).toEqual([at('Baghdad'), at('killed')]);
    expect(rootOf(tree, at('Monday'))).toBe(at('Baghdad'));
    expect(rootOf(tree, at('bomb'))).toBe(at('killed'));
    expect(doc.spanText(doc.tree.nodes[at('bomb')]!)).toBe('bomb');
  });

  it('repairs a malformed layer: a cycle of heads and a head out of range become roots', () => {
    const syntax = ['Gunmen', 'fled', 'north', 'today'].map((w, i) => ({
      start: i * 8,
      end: i * 8 + w.length,
      upos: 'X',
      tag: 'FW',
      lemma: w.toLowerCase(),
      // Gunmen → fled → north → fled (a cycle); today → 99 (no such token).
      head: [1, 2, 1, 99][i]!,
      rel: 'dep',
    }));
    const tree = treeOf(syntax);
    expect(tree.roots).toEqual([1, 3]);
    expect(tree.heads).toEqual([1, -1, 1, -1]);
    expect(children(tree, 1)).toEqual([0, 2]);
    expect(clauseOf(tree, 0)).toBe(1);
    expect(pathBetween(tree, 0, 2)).toEqual([0, 1, 2]);
    expect(pathBetween(tree, 0, 3)).toBeNull();
    expect(treeOf([]).roots).toEqual([]);
  });
});

describe('relations', () => {
  it.each([
    ['obl', 'obl', true],
    ['obl:tmod', 'obl', true],
    ['acl:relcl', 'acl', true],
    ['nsubj:pass', 'nsubj:pass', true],
    ['nsubj', 'nsubj:pass', false],
    ['obl', 'ob', false],
    ['oblique', 'obl', false],
  ])('%s matches %s: %s', (rel, wanted, expected) => {
    expect(matchesRel(rel, wanted)).toBe(expected);
  });

  it('filters dependents by relation or its subtypes, and strips the subtype', () => {
    const doc = parsed(MINISTER, BOMB);
    const { tree, at } = doc;
    expect(words(doc, childrenWith(tree, at('killed'), 'obl'))).toEqual(['Sunday', 'bomb']);
    expect(words(doc, childrenWith(tree, at('killed'), 'obl:agent'))).toEqual(['bomb']);
    expect(words(doc, childrenWith(tree, at('killed'), ['nsubj', 'aux']))).toEqual(['soldiers', 'were']);
    expect(childrenWith(tree, at('killed'), 'ob')).toEqual([]);
    expect(childWith(tree, at('killed'), 'nsubj')).toBe(at('soldiers'));
    expect(childWith(tree, at('killed'), 'obj')).toBe(-1);
    expect(relation(tree, at('Sunday'))).toBe('obl');
    expect(relation(tree, at('soldiers'))).toBe('nsubj');
    expect(relation(tree, at('Baghdad'))).toBe('root');
    const hostages = parsed(HOSTAGES);
    expect(relation(hostages.tree, hostages.at('seized'))).toBe('acl');
  });
});

describe('subtreeSpan', () => {
  it('gives the token range and character span of a phrase, or of the bare phrase with skip', () => {
    const raid = parsed(RAID);
    const airport = subtreeSpan(raid.tree, raid.at('airport'));
    expect(airport.first).toBe(raid.at('at'));
    expect(airport.last).toBe(raid.at('Erbil'));
    expect(raid.spanText(airport)).toBe('at the airport in Erbil');
    expect(raid.spanText(subtreeSpan(raid.tree, raid.at('airport'), ['case', 'nmod']))).toBe('the airport');
    expect(subtreeSpan(raid.tree, raid.at('fired'))).toEqual({ first: 0, last: 15, start: 0, end: raid.text.length });

    const hostages = parsed(HOSTAGES);
    const militants = subtreeSpan(hostages.tree, hostages.at('Militants'));
    expect(hostages.spanText(militants)).toBe('Militants and army deserters who seized the depot');
    const bare = subtreeSpan(hostages.tree, hostages.at('deserters'), ['cc', 'acl']);
    expect(hostages.spanText(bare)).toBe('army deserters');
  });

  it('spans from the first to the last token of a subtree with gaps', () => {
    const doc = parsed(HEARING);
    const span = subtreeSpan(doc.tree, doc.at('hearing'));
    expect([span.first, span.last]).toEqual([doc.at('A'), doc.at('case')]);
    expect(doc.spanText(span)).toBe('A hearing is scheduled today on the case');
  });
});

describe('pathBetween', () => {
  it('goes up to the lowest common ancestor and down again', () => {
    const doc = parsed(RAID);
    const { tree, at } = doc;
    expect(words(doc, pathBetween(tree, at('Erbil'), at('ministry'))!)).toEqual([
      'Erbil',
      'airport',
      'fired',
      'said',
      'ministry',
    ]);
    expect(words(doc, pathBetween(tree, at('fired'), at('Erbil'))!)).toEqual(['fired', 'airport', 'Erbil']);
    expect(words(doc, pathBetween(tree, at('Erbil'), at('airport'))!)).toEqual(['Erbil', 'airport']);
    expect(pathBetween(tree, at('rockets'), at('rockets'))).toEqual([at('rockets')]);
    expect(lowestCommonAncestor(tree, at('three'), at('Tuesday'))).toBe(at('fired'));
    expect(dominates(tree, at('airport'), at('Erbil'))).toBe(true);
    expect(dominates(tree, at('Erbil'), at('airport'))).toBe(false);
    expect(dominates(tree, at('rockets'), at('rockets'))).toBe(true);
  });

  it('is null between sentences', () => {
    const { tree, at } = parsed(MINISTER, BOMB);
    expect(pathBetween(tree, at('minister'), at('soldiers'))).toBeNull();
    expect(lowestCommonAncestor(tree, at('minister'), at('soldiers'))).toBe(-1);
    expect(dominates(tree, at('Baghdad'), at('soldiers'))).toBe(false);
  });
});

describe('clauseOf', () => {
  const raid = parsed(RAID);
  const convoy = parsed(CONVOY);
  const hostages = parsed(HOSTAGES);
  const vow = parsed(VOW);
  const curfew = parsed(CURFEW);
  const minister = parsed(MINISTER, BOMB);
  it.each([
    ['an oblique inside the main clause', raid, 'Erbil', 'fired'],
    ['the subject of a parenthetical "the ministry said"', raid, 'ministry', 'said'],
    ['a conjoined predicate heads its own clause', convoy, 'fire', 'set'],
    ['an object inside a relative clause', hostages, 'depot', 'seized'],
    ['negation belongs to the main clause', hostages, 'not', 'release'],
    ['a conjoined subject noun is no clause', hostages, 'deserters', 'release'],
    ['an object of an open clause', vow, 'town', 'surround'],
    ['a conjoined verb is its own clause', vow, 'retake', 'retake'],
    ['an object of a participial adverbial clause', vow, 'residents', 'prompting'],
    ['a place in an infinitive clause', vow, 'Erbil', 'flee'],
    ['an object of a participle modifying a noun', curfew, 'aid', 'carrying'],
    ['a date in a copular clause', minister, 'Monday', 'Baghdad'],
  ])('%s', (_case, doc, word, clause) => {
    expect(clauseOf(doc.tree, doc.at(word))).toBe(doc.at(clause));
  });
});

describe('predicateOf', () => {
  const raid = parsed(RAID);
  const convoy = parsed(CONVOY);
  const hostages = parsed(HOSTAGES);
  const vow = parsed(VOW);
  const curfew = parsed(CURFEW);
  const minister = parsed(MINISTER, BOMB);
  const hearing = parsed(HEARING);
  it.each([
    ['a noun modifier climbs to the oblique it is in', raid, 'Erbil', 'fired', 'obl', 'airport', 'at'],
    ['a numeral climbs to its object', raid, 'three', 'fired', 'obj', 'rockets', undefined],
    ['a dated oblique', raid, 'Tuesday', 'fired', 'obl', 'Tuesday', 'on'],
    ['the subject of "said"', raid, 'ministry', 'said', 'nsubj', 'ministry', undefined],
    ['a determiner climbs to the passive subject', convoy, 'The', 'attacked', 'nsubj:pass', 'convoy', undefined],
    ['the by-phrase of a passive is the agent', convoy, 'gunmen', 'attacked', 'agent', 'gunmen', 'by'],
    ['a case marker climbs to its noun', convoy, 'by', 'attacked', 'agent', 'gunmen', 'by'],
    ['an oblique of a conjoined verb', convoy, 'fire', 'set', 'obl', 'fire', 'on'],
    ['a word of a later conjunct: role of the first', hostages, 'army', 'release', 'nsubj', 'Militants', undefined],
    ['a relative pronoun is the subject of its clause', hostages, 'who', 'seized', 'nsubj', 'who', undefined],
    ['a later conjunct borrows the preposition', vow, 'Erbil', 'flee', 'obl', 'Kirkuk', 'to'],
    ['a multiword preposition', curfew, 'curfew', 'stopped', 'obl', 'curfew', 'because of'],
    ['the object of a participle', curfew, 'aid', 'carrying', 'obj', 'aid', undefined],
    ['the subject of a copular clause', minister, 'minister', 'Baghdad', 'nsubj', 'minister', undefined],
    ['an oblique of a copular clause', minister, 'Monday', 'Baghdad', 'obl', 'Monday', 'on'],
    ['a UD obl:agent', minister, 'roadside', 'killed', 'agent', 'bomb', 'by'],
    ['a bare temporal', minister, 'Sunday', 'killed', 'obl:tmod', 'Sunday', undefined],
    ['an extraposed noun modifier', hearing, 'case', 'scheduled', 'nsubj:pass', 'hearing', undefined],
  ])('%s', (_case, doc, word, predicate, role, argument, preposition) => {
    const expected = { predicate: doc.at(predicate), role, argument: doc.at(argument) };
    expect(predicateOf(doc.tree, doc.at(word))).toEqual(preposition ? { ...expected, preposition } : expected);
  });

  it('is null for predicates and for what hangs from them directly', () => {
    expect(predicateOf(raid.tree, raid.at('fired'))).toBeNull();
    expect(predicateOf(raid.tree, raid.at('said'))).toBeNull();
    expect(predicateOf(raid.tree, raid.at(','))).toBeNull();
    expect(predicateOf(minister.tree, minister.at('Baghdad'))).toBeNull();
    expect(predicateOf(hostages.tree, hostages.at('not'))).toBeNull();
  });
});

describe('argumentsOf', () => {
  it('gives subjects, objects and obliques with their prepositions', () => {
    const doc = parsed(RAID);
    expect(argumentsOf(doc.tree, doc.at('fired'))).toEqual([
      a(doc, 'Rebels', 'nsubj'),
      a(doc, 'rockets', 'obj'),
      a(doc, 'airport', 'obl', 'dependent', 'at'),
      a(doc, 'Tuesday', 'obl', 'dependent', 'on'),
    ]);
    expect(argumentsOf(doc.tree, doc.at('said'))).toEqual([a(doc, 'ministry', 'nsubj')]);
  });

  it('marks the agent of a passive and shares the passive subject with a conjoined participle', () => {
    const doc = parsed(CONVOY);
    expect(argumentsOf(doc.tree, doc.at('attacked'))).toEqual([
      a(doc, 'convoy', 'nsubj:pass'),
      a(doc, 'gunmen', 'agent', 'dependent', 'by'),
      a(doc, 'Mosul', 'obl', 'dependent', 'near'),
    ]);
    // "near Mosul" comes before "set": a private dependent of "attacked", not shared.
    expect(argumentsOf(doc.tree, doc.at('set'))).toEqual([
      a(doc, 'convoy', 'nsubj:pass', 'shared'),
      a(doc, 'fire', 'obl', 'dependent', 'on'),
    ]);
  });

  it('lists conjoined subjects and resolves a relative pronoun to its antecedent', () => {
    const doc = parsed(HOSTAGES);
    expect(argumentsOf(doc.tree, doc.at('release'))).toEqual([
      a(doc, 'Militants', 'nsubj'),
      a(doc, 'deserters', 'nsubj', 'conjunct'),
      a(doc, 'hostages', 'obj'),
    ]);
    expect(argumentsOf(doc.tree, doc.at('seized'))).toEqual([
      a(doc, 'deserters', 'nsubj', 'relative'),
      a(doc, 'depot', 'obj'),
    ]);
  });

  it('follows control, coordination and right-node raising', () => {
    const doc = parsed(VOW);
    expect(argumentsOf(doc.tree, doc.at('vowed'))).toEqual([a(doc, 'army', 'nsubj')]);
    expect(argumentsOf(doc.tree, doc.at('surround'))).toEqual([
      a(doc, 'army', 'nsubj', 'control'),
      a(doc, 'town', 'obj'),
    ]);
    // "the town" hangs from "surround" but follows "retake": shared, as the subject is.
    expect(argumentsOf(doc.tree, doc.at('retake'))).toEqual([
      a(doc, 'army', 'nsubj', 'shared'),
      a(doc, 'town', 'obj', 'shared'),
    ]);
    expect(argumentsOf(doc.tree, doc.at('prompting'))).toEqual([
      a(doc, 'army', 'nsubj', 'control'),
      a(doc, 'residents', 'obj'),
    ]);
    // "prompting residents to flee": the object controls.
    expect(argumentsOf(doc.tree, doc.at('flee'))).toEqual([
      a(doc, 'residents', 'nsubj', 'control'),
      a(doc, 'Kirkuk', 'obl', 'dependent', 'to'),
      a(doc, 'Erbil', 'obl', 'conjunct', 'to'),
    ]);
  });

  it('shares a relative clause antecedent with a conjoined verb', () => {
    const doc = parsed(CHECKPOINT);
    expect(argumentsOf(doc.tree, doc.at('stormed'))).toEqual([
      a(doc, 'gunmen', 'nsubj', 'relative'),
      a(doc, 'checkpoint', 'obj'),
    ]);
    expect(argumentsOf(doc.tree, doc.at('seized'))).toEqual([
      a(doc, 'gunmen', 'nsubj', 'shared'),
      a(doc, 'rifles', 'obj'),
    ]);
    expect(clauseOf(doc.tree, doc.at('rifles'))).toBe(doc.at('seized'));
    const detained = { predicate: doc.at('detained'), role: 'obj', argument: doc.at('gunmen') };
    expect(predicateOf(doc.tree, doc.at('gunmen'))).toEqual(detained);
  });

  it('reads a past participle modifying a noun as a passive with an agent', () => {
    const doc = parsed(TURNED);
    expect(isPassive(doc.tree, doc.at('attacked'))).toBe(true);
    expect(argumentsOf(doc.tree, doc.at('attacked'))).toEqual([
      a(doc, 'convoy', 'nsubj:pass', 'relative'),
      a(doc, 'gunmen', 'agent', 'dependent', 'by'),
      a(doc, 'Mosul', 'obl', 'dependent', 'near'),
    ]);
    expect(argumentsOf(doc.tree, doc.at('turned'))).toEqual([a(doc, 'convoy', 'nsubj')]);
  });

  it('gives a participle the noun it modifies, and a copular predicate its subject', () => {
    const curfew = parsed(CURFEW);
    expect(argumentsOf(curfew.tree, curfew.at('stopped'))).toEqual([
      a(curfew, 'curfew', 'obl', 'dependent', 'because of'),
      a(curfew, 'convoy', 'nsubj:pass'),
      a(curfew, 'hospital', 'obl', 'dependent', 'outside'),
    ]);
    expect(argumentsOf(curfew.tree, curfew.at('carrying'))).toEqual([
      a(curfew, 'convoy', 'nsubj', 'relative'),
      a(curfew, 'aid', 'obj'),
    ]);
    const doc = parsed(MINISTER, BOMB);
    expect(argumentsOf(doc.tree, doc.at('Baghdad'))).toEqual([
      a(doc, 'minister', 'nsubj'),
      a(doc, 'Monday', 'obl', 'dependent', 'on'),
    ]);
    expect(argumentsOf(doc.tree, doc.at('killed'))).toEqual([
      a(doc, 'soldiers', 'nsubj:pass'),
      a(doc, 'Sunday', 'obl:tmod'),
      a(doc, 'bomb', 'agent', 'dependent', 'by'),
    ]);
  });
});

describe('predicate features', () => {
  const hostages = parsed(HOSTAGES);
  const convoy = parsed(CONVOY);
  const minister = parsed(MINISTER, BOMB);
  const at = (doc: { tree: SyntaxTree; at: (w: string) => number }, w: string) => [doc.tree, doc.at(w)] as const;

  it('finds negation, auxiliaries and modality', () => {
    expect(isNegated(...at(hostages, 'release'))).toBe(true);
    expect(isNegated(...at(hostages, 'seized'))).toBe(false);
    expect(isNegated(...at(minister, 'Baghdad'))).toBe(true);
    expect(isNegated(...at(minister, 'killed'))).toBe(false);
    const never = parsed([
      'Police NOUN NNS police 3 nsubj',
      'never ADV RB never 3 advmod',
      'charged VERB VBD charge 0 root',
    ]);
    expect(isNegated(...at(never, 'charged'))).toBe(true);

    expect(words(hostages, auxiliaries(...at(hostages, 'release')))).toEqual(['will']);
    expect(modalOf(...at(hostages, 'release'))).toBe('will');
    expect(words(minister, auxiliaries(...at(minister, 'killed')))).toEqual(['were']);
    expect(modalOf(...at(minister, 'killed'))).toBeNull();
  });

  it('tells passives, predicates, markers and conjuncts', () => {
    expect(isPassive(...at(convoy, 'attacked'))).toBe(true);
    expect(isPassive(...at(convoy, 'set'))).toBe(true);
    expect(isPassive(...at(minister, 'killed'))).toBe(true);
    expect(isPassive(...at(minister, 'Baghdad'))).toBe(false);
    expect(isPassive(...at(hostages, 'release'))).toBe(false);

    expect(isPredicate(...at(minister, 'Baghdad'))).toBe(true);
    expect(isPredicate(...at(minister, 'Monday'))).toBe(false);

    const vow = parsed(VOW);
    const curfew = parsed(CURFEW);
    expect(caseMarker(...at(curfew, 'curfew'))).toBe('because of');
    expect(caseMarker(...at(vow, 'Kirkuk'))).toBe('to');
    expect(caseMarker(...at(vow, 'Erbil'))).toBeNull();
    expect(caseMarker(...at(vow, 'town'))).toBeNull();
    expect(markerOf(...at(vow, 'flee'))).toBe('to');
    expect(markerOf(...at(vow, 'prompting'))).toBeNull();
    expect(words(vow, conjuncts(...at(vow, 'Kirkuk')))).toEqual(['Erbil']);
    expect(conjuncts(...at(vow, 'surround'))).toEqual([]);
    expect(words(hostages, conjuncts(...at(hostages, 'Militants')))).toEqual(['deserters']);
  });
});
