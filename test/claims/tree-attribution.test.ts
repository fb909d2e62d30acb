import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/claims/find-quotes.js';
import type { Document } from '../../src/text/document.js';
import { analyzeText, type QuoteView, viewQuotes } from './analyze-quotes.js';

// Every sentence below is invented for these tests; people, places and outlets are fictional.

/** The quotes of `text`, from the parse, and by the word heuristics alone (arcs taken out of the syntax layer). */
function bothWays(text: string): { parsed: QuoteView[]; words: QuoteView[] } {
  const doc = analyzeText(text);
  const syntax = doc.layers.syntax ?? [];
  const flat: Document = { ...doc, layers: { ...doc.layers, syntax: syntax.map((n) => ({ ...n, head: -1, rel: 'dep' })) } };
  return { parsed: viewQuotes(doc, findQuotes(doc)), words: viewQuotes(flat, findQuotes(flat)) };
}

describe('the speaker is the subject of the reporting verb in the parse', () => {
  it('takes a long subject with an apposition whole, the apposition as the role', () => {
    const { parsed } = bothWays('Maria Delgado, a spokeswoman for the port authority in Saltmere, said on Tuesday that the northern quay would stay closed until March.');
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({
      kind: 'indirect',
      speaker: 'Maria Delgado',
      speakerName: 'Maria Delgado',
      role: 'a spokeswoman for the port authority in Saltmere',
      content: 'the northern quay would stay closed until March',
    });
    expect(parsed[0]!.reason).toContain('speaker is the subject in the parse');
  });

  it('takes the name in apposition to a title before it, and the title as the role', () => {
    const { parsed, words } = bothWays('The leader of the Example Front, Omar Haddad, said the ceasefire would hold until the talks resume.');
    expect(parsed[0]).toMatchObject({ speaker: 'Omar Haddad', speakerName: 'Omar Haddad', role: 'The leader of the Example Front' });
    // The words alone stop at the first noun phrase: a description with no name.
    expect(words[0]!.speaker).toBe('The leader of the Example Front');
  });

  it('takes the name after a possessive description', () => {
    const { parsed, words } = bothWays("Laila Nasser's deputy, Omar Haddad, told reporters that the vote would be repeated.");
    expect(parsed[0]).toMatchObject({ speaker: 'Omar Haddad', speakerName: 'Omar Haddad', content: 'the vote would be repeated' });
    expect(words[0]!.speakerName).not.toBe('Omar Haddad');
  });

  it.each([
    ['Saltmere will close its northern quay until March, said the harbour minister.', 'the harbour minister', 'Saltmere will close its northern quay until March', null],
  ])('reads an inverted speaker after the clause: %s', (text, speaker, content, role) => {
    const { parsed, words } = bothWays(text);
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ kind: 'indirect', speaker, content, role });
    expect(parsed[0]!.reason).toContain('attribution after the clause');
    // The words alone find no clause for a speaker named after the verb.
    expect(words).toEqual([]);
  });

  it('reads an inverted speaker with an apposition after the clause', () => {
    const { parsed } = bothWays('Omar Haddad will resign next week, said Laila Nasser, the mayor of Saltmere.');
    expect(parsed[0]).toMatchObject({ kind: 'indirect', speaker: 'Laila Nasser', content: 'Omar Haddad will resign next week', role: 'the mayor of Saltmere' });
  });

  // A known parser gap (issue 12 stays open): the parser hangs "…, Omar Haddad told reporters"
  // from the main verb as advcl where UD writes parataxis. This fails until the parse is right.
  it.fails('reads a reporting clause with an object after the clause it reports', () => {
    const { parsed, words } = bothWays('The ferry to Saltmere will not run this winter, Omar Haddad told reporters.');
    expect(parsed[0]).toMatchObject({ speaker: 'Omar Haddad', content: 'The ferry to Saltmere will not run this winter' });
    expect(words).toEqual([]);
  });
});

describe('what was said is the clausal complement of the reporting verb', () => {
  it('ends the claim where a clause of the verb’s own begins', () => {
    const { parsed, words } = bothWays('The port authority claimed it had warned the shipping lines about the storm, but it is unclear whether the crews were told.');
    expect(parsed[0]!.content).toBe('it had warned the shipping lines about the storm');
    expect(words[0]!.content).toContain('but it is unclear');
  });

  it('makes no claim of an indirect question', () => {
    const { parsed, words } = bothWays('The report explains why the ferry to Saltmere stopped running last winter.');
    expect(parsed).toEqual([]);
    expect(words).toEqual([]);
  });
});

describe('without a syntax layer', () => {
  it('falls back on the word heuristics', () => {
    const doc = analyzeText('“The border crossing will stay closed until the new year,” Omar Haddad said on Tuesday.');
    const { syntax: _, ...rest } = doc.layers;
    const bare: Document = { ...doc, layers: rest };
    const [q] = viewQuotes(bare, findQuotes(bare));
    expect(q).toMatchObject({ kind: 'direct', speaker: 'Omar Haddad', content: 'The border crossing will stay closed until the new year,' });
    expect(q!.reason).not.toContain('parse');
  });
});
