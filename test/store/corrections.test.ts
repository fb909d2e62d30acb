import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { refreshRecordsOfEvents } from '../../src/records/record-upkeep.js';
import {
  activeCorrections,
  addCorrection,
  exportCorrections,
  importCorrections,
  parseCorrectionsFile,
  undoLastCorrection,
} from '../../src/store/corrections-repository.js';
import { findActors } from '../../src/store/mentions-queries.js';
import { saveMentions } from '../../src/store/mentions-repository.js';
import type { Store } from '../../src/store/open-store.js';
import { createDocument } from '../../src/text/create-document.js';
import type { Document, EntityType } from '../../src/text/document.js';
import { openTestStore } from '../support/test-store.js';
import { describeNewActor, insertArticleRow } from './store-fixtures.js';

const TEXT = 'Rowan Vale met Ivo Stark. Vale said the Harbour Guild and the Guild of Rowan Bay agreed.';

/** A Document whose entity and actor layers are written by hand, as the pipeline would. */
function annotated(id: string, links: Array<[string, EntityType, string]>): Document {
  const base = createDocument(id, TEXT);
  const entities = links.map(([surface, type]) => {
    const start = base.text.indexOf(surface);
    return { start, end: start + surface.length, type, confidence: 0.9, source: 'model' as const };
  });
  const actors = links.map(([, , actorId], entity) => ({ ...entities[entity]!, entity, actorId, name: links[entity]![0], confidence: 0.8, reason: 'test' }));
  return { ...base, layers: { entities, actors } };
}

const describeActor = describeNewActor;

const LINKS: Array<[string, EntityType, string]> = [
  ['Rowan Vale', 'PERSON', 'new:person:rowan-vale'],
  ['Ivo Stark', 'PERSON', 'new:person:ivo-stark'],
  ['Vale', 'PERSON', 'new:person:vale'],
  ['Harbour Guild', 'ORG', 'new:organization:harbour-guild'],
  ['Guild of Rowan Bay', 'ORG', 'new:organization:harbour-guild'],
];

async function saveArticleWithMentions(store: Store, id: string): Promise<void> {
  const corrections = await activeCorrections(store);
  await store.transaction().execute(async (trx) => {
    await insertArticleRow(trx, id, TEXT);
    await saveMentions(trx, id, annotated(id, LINKS), { corrections, describeActor }, []);
  });
}

const mentionsOf = async (store: Store): Promise<Record<string, number>> => Object.fromEntries((await findActors(store)).map((a) => [a.id, a.mentions]));

describe('analyst corrections', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore('corr');
    await saveArticleWithMentions(store, 'a1');
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('merge moves every mention, survives a re-run and a new article, and undo restores it', async () => {
    await addCorrection(store, { op: 'merge', into: 'new:person:rowan-vale', from: 'new:person:vale' }, refreshRecordsOfEvents);
    expect((await mentionsOf(store))['new:person:rowan-vale']).toBe(2);
    expect(await mentionsOf(store)).not.toHaveProperty('new:person:vale');
    // A re-run writes the pipeline's raw links again; the overlay still applies.
    await saveArticleWithMentions(store, 'a1');
    await saveArticleWithMentions(store, 'a2');
    expect((await mentionsOf(store))['new:person:rowan-vale']).toBe(4);
    const aliases = (await findActors(store)).find((a) => a.id === 'new:person:rowan-vale')!.aliases;
    expect(aliases).toContain('Vale');
    const undone = await undoLastCorrection(store, refreshRecordsOfEvents);
    expect(undone?.undone.correction.op).toBe('merge');
    expect(await mentionsOf(store)).toMatchObject({ 'new:person:rowan-vale': 2, 'new:person:vale': 2 });
    expect(await undoLastCorrection(store, refreshRecordsOfEvents)).toBeNull();
  });

  it('split moves one spelling to a new actor; rename changes the display name only', async () => {
    await addCorrection(store, { op: 'split', actor: 'new:organization:harbour-guild', surface: 'Guild of Rowan Bay', name: 'Rowan Bay Guild' }, refreshRecordsOfEvents);
    await addCorrection(store, { op: 'rename', actor: 'new:person:ivo-stark', name: 'Ivo K. Stark' }, refreshRecordsOfEvents);
    const actors = await findActors(store);
    const split = actors.find((a) => a.name === 'Rowan Bay Guild')!;
    expect(split.id).toMatch(/^split:/);
    expect(split.mentions).toBe(1);
    expect(actors.find((a) => a.id === 'new:organization:harbour-guild')!.mentions).toBe(1);
    expect(actors.find((a) => a.id === 'new:person:ivo-stark')!.name).toBe('Ivo K. Stark');
  });

  it('alias add and remove relink by spelling', async () => {
    await addCorrection(store, { op: 'alias-add', actor: 'new:person:rowan-vale', alias: 'VALE' }, refreshRecordsOfEvents);
    expect((await mentionsOf(store))['new:person:rowan-vale']).toBe(2);
    await addCorrection(store, { op: 'alias-remove', actor: 'new:person:rowan-vale', alias: 'Vale' }, refreshRecordsOfEvents);
    expect((await mentionsOf(store))['new:person:rowan-vale']).toBe(1);
    expect(await mentionsOf(store)).toHaveProperty('new:person:vale', 1);
  });

  it('refuses unknown actors and self-merges', async () => {
    await expect(addCorrection(store, { op: 'rename', actor: 'nobody', name: 'x' }, refreshRecordsOfEvents)).rejects.toThrow(/no actor with id "nobody"/);
    await expect(addCorrection(store, { op: 'merge', into: 'new:person:vale', from: 'new:person:vale' }, refreshRecordsOfEvents)).rejects.toThrow(/itself/);
  });

  it('exports and imports the overlay as a file, skipping what is already there', async () => {
    await addCorrection(store, { op: 'merge', into: 'new:person:rowan-vale', from: 'new:person:vale' }, refreshRecordsOfEvents);
    const file = exportCorrections(await activeCorrections(store));
    const other = await openTestStore('corr');
    try {
      await saveArticleWithMentions(other, 'a1');
      const parsed = parseCorrectionsFile(file, 'corr.json');
      expect(await importCorrections(other, parsed, refreshRecordsOfEvents)).toEqual({ added: 1, changed: 1 });
      expect(await importCorrections(other, parsed, refreshRecordsOfEvents)).toEqual({ added: 0, changed: 0 });
      expect((await mentionsOf(other))['new:person:rowan-vale']).toBe(2);
    } finally {
      await other.destroy();
    }
  });

  it('rejects a malformed corrections file naming the file and the entry', () => {
    expect(() => parseCorrectionsFile('{', 'bad.json')).toThrow(InputError);
    expect(() => parseCorrectionsFile(JSON.stringify({ dossier: 'actor-corrections', version: 1, corrections: [{ op: 'merge', into: 'a' }] }), 'bad.json')).toThrow(/bad\.json.*corrections\.0\.from/);
  });
});
