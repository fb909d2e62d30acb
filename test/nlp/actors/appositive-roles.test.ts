import { describe, expect, it } from 'vitest';
import { type ActorKnowledge, resolveActors } from '../../../src/nlp/actors/resolve-actors.js';
import { loadSyntaxModel } from '../../../src/nlp/syntax/syntax-model.js';
import { analyzeDocument } from '../../../src/nlp/syntax/syntax-stage.js';
import type { Document, EntityType } from '../../../src/text/document.js';
import { withEntities } from '../../text/run-text-stages.js';

// People, groups and places are invented; the registry knows none of them.
const knowledge: ActorKnowledge = {
  lookup: () => [],
  actor: () => undefined,
  countryActor: () => undefined,
  governmentActor: () => undefined,
  countryOfName: () => undefined,
  capitalOf: () => undefined,
  demonymCountry: () => undefined,
  foldName: (name) => name.toLowerCase(),
  newActorKey: (name) => name.toLowerCase(),
};

const model = loadSyntaxModel();

/** Text layers from the real stages, entities placed by hand in order, and the syntax layer when `parsed`. */
function document(text: string, marks: Array<[string, EntityType]>, parsed: boolean): Document {
  const withText = withEntities(text, marks);
  return parsed ? { ...withText, layers: { ...withText.layers, syntax: analyzeDocument(model, withText) } } : withText;
}

const linkOf = (doc: Document, i: number) => resolveActors(doc, knowledge).find((l) => l.entity === i);

describe('roles in apposition, from the tree', () => {
  const text =
    'Omar Haddad, the leader of the Example Front, met Sami Karam, the leader of the Harbour League, in Saltmere. Later the leader of the Example Front said the talks were over.';
  const marks: Array<[string, EntityType]> = [
    ['Omar Haddad', 'PERSON'],
    ['leader', 'TITLE'],
    ['Example Front', 'ORG'],
    ['Sami Karam', 'PERSON'],
    ['leader', 'TITLE'],
    ['Harbour League', 'ORG'],
    ['Saltmere', 'GPE'],
    ['leader', 'TITLE'],
    ['Example Front', 'ORG'],
  ];

  it('resolves "the leader of Y" to the person named leader of Y, not the last leader named', () => {
    const doc = document(text, marks, true);
    const haddad = linkOf(doc, 0)!;
    expect(linkOf(doc, 7)).toMatchObject({ actorId: haddad.actorId, reason: expect.stringMatching(/leader of 'Example Front' 'Omar Haddad'/) });
  });

  it('takes the last leader named without a syntax layer', () => {
    const doc = document(text, marks, false);
    expect(linkOf(doc, 7)?.actorId).toBe(linkOf(doc, 3)!.actorId);
  });

  it('reads a title before the name it is in apposition with', () => {
    const reversed = 'The leader of the Example Front, Omar Haddad, arrived in Saltmere on Monday. Later the leader spoke to the crowd.';
    const reversedMarks: Array<[string, EntityType]> = [
      ['leader', 'TITLE'],
      ['Example Front', 'ORG'],
      ['Omar Haddad', 'PERSON'],
      ['Saltmere', 'GPE'],
      ['leader', 'TITLE'],
    ];
    const doc = document(reversed, reversedMarks, true);
    expect(linkOf(doc, 4)?.actorId).toBe(linkOf(doc, 2)!.actorId);
    // The word window sees no title next to the name.
    expect(linkOf(document(reversed, reversedMarks, false), 4)).toBeUndefined();
  });

  it('reads a title with words between the comma and it', () => {
    const veteran = "Omar Haddad, the movement's veteran leader, arrived in Saltmere on Monday. Later the leader spoke to the crowd.";
    const veteranMarks: Array<[string, EntityType]> = [
      ['Omar Haddad', 'PERSON'],
      ['leader', 'TITLE'],
      ['Saltmere', 'GPE'],
      ['leader', 'TITLE'],
    ];
    expect(linkOf(document(veteran, veteranMarks, true), 3)?.actorId).toBe(linkOf(document(veteran, veteranMarks, true), 0)!.actorId);
    expect(linkOf(document(veteran, veteranMarks, false), 3)).toBeUndefined();
  });
});
