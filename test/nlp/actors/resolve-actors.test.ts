import { describe, expect, it } from 'vitest';
import { type ActorKnowledge, resolveActors } from '../../../src/nlp/actors/resolve-actors.js';
import { loadSyntaxModel } from '../../../src/nlp/syntax/syntax-model.js';
import { analyzeDocument } from '../../../src/nlp/syntax/syntax-stage.js';
import type { Document } from '../../../src/text/document.js';
import { withEntities } from '../../text/run-text-stages.js';

/** A registry of four actors, looked up by exact lower-cased alias only. */
const ACTORS = new Map([
  ['per-orla-brin', { id: 'per-orla-brin', name: 'Orla Brin', type: 'person', country: 'IRQ', aliases: ['orla brin'] }],
  ['usa-gov', { id: 'usa-gov', name: 'Government of the United States', type: 'organization', country: 'USA', aliases: [] }],
  ['cc-usa', { id: 'cc-usa', name: 'United States', type: 'state', country: 'USA', aliases: ['united states'] }],
  ['cc-irq', { id: 'cc-irq', name: 'Iraq', type: 'state', country: 'IRQ', aliases: ['iraq'] }],
  ['irq-gov', { id: 'irq-gov', name: 'Government of Iraq', type: 'organization', country: 'IRQ', aliases: [] }],
]);

const knowledge: ActorKnowledge = {
  lookup: (name) =>
    [...ACTORS.values()].filter((a) => a.aliases.includes(name.toLowerCase())).map((a) => ({ actorId: a.id, score: 1, reason: `alias '${name}'` })),
  actor: (id) => ACTORS.get(id),
  countryActor: (iso3) => `cc-${iso3.toLowerCase()}`,
  governmentActor: (iso3) => `${iso3.toLowerCase()}-gov`,
  countryOfName: (name) => ({ iraq: 'IRQ', 'united states': 'USA' })[name.toLowerCase()],
  capitalOf: (name) => ({ washington: 'USA', baghdad: 'IRQ' })[name.toLowerCase()],
  demonymCountry: (w) => ({ iraqi: 'IRQ', american: 'USA' })[w.toLowerCase()],
  foldName: (name) => name.toLowerCase().replace(/y/g, 'i').replace(/ia/g, 'i'),
  newActorKey: (name) => name.toLowerCase(),
};

const linkOf = (doc: Document, i: number) => resolveActors(doc, knowledge).find((l) => l.entity === i);

describe('resolveActors', () => {
  it('links a registry name, then its surname, and gives an unknown person a folded new id', () => {
    const doc = withEntities('Orla Brin met Tamsin Ziayadi in Baghdad. Brin later called Ziyadi.', [
      ['Orla Brin', 'PERSON'],
      ['Tamsin Ziayadi', 'PERSON'],
      ['Baghdad', 'GPE'],
      ['Brin', 'PERSON'],
      ['Ziyadi', 'PERSON'],
    ]);
    const links = resolveActors(doc, knowledge);
    expect(links.find((l) => l.entity === 0)?.actorId).toBe('per-orla-brin');
    expect(links.find((l) => l.entity === 3)).toMatchObject({ actorId: 'per-orla-brin', reason: expect.stringMatching(/short form of 'Orla Brin'/) });
    // "Ziyadi" is a short form of the full name spelled "Ziayadi": same new actor.
    expect(links.find((l) => l.entity === 4)?.actorId).toBe(links.find((l) => l.entity === 1)?.actorId);
    expect(links.find((l) => l.entity === 1)?.actorId).toMatch(/^new:person:/);
    // "in Baghdad" is a place, not the government.
    expect(links.find((l) => l.entity === 2)).toBeUndefined();
  });

  it('reads a capital as its government when it acts, and a country as the state', () => {
    const doc = withEntities('Washington warned Baghdad on Monday. Troops left Iraq.', [
      ['Washington', 'GPE'],
      ['Baghdad', 'GPE'],
      ['Iraq', 'GPE'],
    ]);
    expect(linkOf(doc, 0)).toMatchObject({ actorId: 'usa-gov', reason: expect.stringMatching(/metonymy.*subject of 'warned'/) });
    expect(linkOf(doc, 1)?.actorId).toBe('irq-gov');
    expect(linkOf(doc, 2)?.actorId).toBe('cc-irq');
  });

  it('reads any finite verb after a capital as the government acting, given part-of-speech tags', () => {
    const doc = withEntities('In January, Washington assassinated a commander. Talks in Washington followed.', [
      ['Washington', 'GPE'],
      ['Washington', 'GPE'],
    ]);
    const tagged = { ...doc, layers: { ...doc.layers, syntax: analyzeDocument(loadSyntaxModel(), doc) } };
    expect(resolveActors(tagged, knowledge).find((l) => l.entity === 0)).toMatchObject({ actorId: 'usa-gov', reason: expect.stringMatching(/subject of 'assassinated'/) });
    expect(resolveActors(tagged, knowledge).find((l) => l.entity === 1)).toBeUndefined();
  });

  it('reads a capital as its government when the parse makes it the subject of a verb further on', () => {
    const doc = withEntities('Washington again rejected the offer on Monday. Baghdad on Sunday also demanded talks. Flights to Baghdad resumed.', [
      ['Washington', 'GPE'],
      ['Baghdad', 'GPE'],
      ['Baghdad', 'GPE'],
    ]);
    const tagged = { ...doc, layers: { ...doc.layers, syntax: analyzeDocument(loadSyntaxModel(), doc) } };
    const links = resolveActors(tagged, knowledge);
    expect(links.find((l) => l.entity === 0)).toMatchObject({ actorId: 'usa-gov', reason: expect.stringMatching(/subject of 'rejected' in the parse/) });
    expect(links.find((l) => l.entity === 1)).toMatchObject({ actorId: 'irq-gov', reason: expect.stringMatching(/subject of 'demanded' in the parse/) });
    // A place the flights go to: no government acts.
    expect(links.find((l) => l.entity === 2)).toBeUndefined();
  });

  it('resolves "the Iraqi lawmaker" to the last named Iraqi lawmaker', () => {
    const doc = withEntities('Iraqi lawmaker Kadir Umran spoke first. Senator Pell replied. Later the Iraqi lawmaker said more.', [
      ['lawmaker', 'TITLE'],
      ['Kadir Umran', 'PERSON'],
      ['Senator', 'TITLE'],
      ['Pell', 'PERSON'],
      ['lawmaker', 'TITLE'],
    ]);
    const umran = linkOf(doc, 1)!;
    expect(linkOf(doc, 4)).toMatchObject({ actorId: umran.actorId, reason: expect.stringMatching(/last named IRQ lawmaker 'Kadir Umran'/) });
    // A title right before a name is that name's role, not a description.
    expect(linkOf(doc, 0)).toBeUndefined();
  });

  it('carries an acronym defined in parentheses to its later uses', () => {
    const doc = withEntities('The Harbour Defence League (HDL) met. Later the HDL left.', [
      ['Harbour Defence League', 'ORG'],
      ['HDL', 'ORG'],
      ['HDL', 'ORG'],
    ]);
    const first = linkOf(doc, 0)!;
    expect(linkOf(doc, 2)).toMatchObject({ actorId: first.actorId, reason: expect.stringMatching(/acronym/) });
  });
});
