
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { needsFiles } from '../support/prerequisites.js';
import { findQuotes } from '../../src/claims/find-quotes.js';
import { quoteKnowledgeOf } from '../../src/claims/quote-knowledge.js';
import { digestReader } from '../../src/ingest/digest/digest-reader.js';
import { loadInput } from '../../src/ingest/load-input.js';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { type QuoteView, viewQuotes } from './analyze-quotes.js';

// The shared seed digest is read at run time, never copied into the repo.
const SEED = join(__dirname, '../../../shared/corpus/seed-digest.txt');

describe('quotes of the seed digest', needsFiles(SEED), () => {
  const quotes: QuoteView[] = [];
  beforeAll(() => {
    const knowledge = loadKnowledge();
    const analyzer = createAnalyzer(knowledge);
    for (const raw of digestReader.read(loadInput(SEED)).articles) {
      const { doc } = analyzer.analyze(raw);
      quotes.push(...viewQuotes(doc, findQuotes(doc, quoteKnowledgeOf(knowledge))));
    }
  }, 60_000);

  const bySpeaker = (id: string) => quotes.filter((q) => q.speakerActorId === id);

  it('finds Qais al-Khazali, quoted via al-Ahed, and his later quotes', () => {
    const khazali = bySpeaker('per-qais-al-khazali');
    expect(khazali.length).toBeGreaterThanOrEqual(3);
    expect(khazali.some((q) => q.kind === 'direct' && q.viaActorId === 'med-al-ahed')).toBe(true);
    expect(khazali.some((q) => q.speaker === 'He' && q.cue === 'added')).toBe(true);
    expect(khazali.find((q) => q.role !== null)?.role).toMatch(/leader of Asa.ib Ahl al-Haq/);
  });

  it('finds the Syrian Ministry of Defense statement', () => {
    expect(bySpeaker('syr-mod').some((q) => q.kind === 'direct')).toBe(true);
  });

  it('finds Harakat Hezbollah al-Nujaba, named, as "it" and as "the group"', () => {
    const nujaba = bySpeaker('irq-nujaba');
    expect(nujaba.some((q) => q.speaker === 'Harakat Hezbollah al-Nujaba' || q.speaker?.includes('Nujaba'))).toBe(true);
    expect(nujaba.some((q) => q.speaker === 'it' && q.kind === 'statement')).toBe(true);
    expect(nujaba.some((q) => q.speaker === 'The group')).toBe(true);
  });

  it('finds Safa al-A’ssam via al-Maloumah, and his "he added" quote', () => {
    const assam = bySpeaker('per-safa-al-assam');
    expect(assam.some((q) => q.viaActorId === 'med-al-maalomah')).toBe(true);
    expect(assam.some((q) => q.kind === 'direct' && q.cue === 'added')).toBe(true);
  });

  it('finds Badr al-Ziyadi, his role, his outlets and the descriptions that point back to him', () => {
    const ziyadi = bySpeaker('per-badr-al-ziyadi');
    expect(ziyadi.length).toBeGreaterThanOrEqual(6);
    expect(ziyadi.some((q) => q.role === 'a member of the committee')).toBe(true);
    expect(ziyadi.some((q) => q.viaActorId === 'med-al-sabaah')).toBe(true);
    expect(ziyadi.some((q) => q.speaker === 'The lawmaker')).toBe(true);
  });

  it('finds the Asaib Ahl al-Haq spokesman, and "Asaib spokesman" resolved to him', () => {
    const rubaye = bySpeaker('per-mahmoud-al-rubaye');
    expect(rubaye.some((q) => /spokesman/.test(q.role ?? ''))).toBe(true);
    expect(rubaye.some((q) => q.speaker === 'Asaib spokesman')).toBe(true);
  });

  it.each([
    ['per-kata-al-rikabi', 'med-al-maalomah'],
    ['per-javad-zarif', null],
    ['per-heather-nauert', null],
    ['per-adel-abdul-mahdi', null],
    ['per-fazel-jaber', null],
    ['per-amos-harel', null],
    ['med-rudaw', null],
    ['med-afp', null],
    ['per-elijah-magnier', null],
    ['per-michael-oren', null],
  ])('finds %s as a speaker', (id, via) => {
    const found = bySpeaker(id);
    expect(found.length).toBeGreaterThan(0);
    if (via) expect(found.some((q) => q.viaActorId === via)).toBe(true);
  });

  it('keeps scare quotes and titles out', () => {
    // A few words in quote marks count only right next to a reporting verb.
    const short = quotes.filter((q) => q.kind === 'direct' && q.content.split(/\s+/).length <= 4);
    expect(short.filter((q) => q.cue === null || q.confidence < 0.5).map((q) => q.content)).toEqual([]);
    const scare = /^(Terrorists|tips|deal of the century|occupiers|proxies|deter|insurgents)\W*$/;
    expect(quotes.filter((q) => scare.test(q.content)).map((q) => q.content)).toEqual([]);
  });

  it('resolves most speakers to an actor', () => {
    const attributed = quotes.filter((q) => q.speakerName !== null);
    const resolved = attributed.filter((q) => q.speakerActorId !== null);
    expect(resolved.length / attributed.length).toBeGreaterThan(0.7);
  });
});
