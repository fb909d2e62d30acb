import { describe, expect, it } from 'vitest';
import { rolesAt } from '../../../src/knowledge/actors/actor-roles.js';
import { loadActorRegistry } from '../../../src/knowledge/actors/load-registry.js';
import type { Document } from '../../../src/text/document.js';
import { analyzeText, codes, eventAt, names } from '../../events/analyze-text.js';

// Our own sentences, as an invented outlet ("Example Wire") would print them in 1987 and in 2020.

const registry = loadActorRegistry();

/** The registry actors the document links, as "surface → id". */
function linked(doc: Document): string[] {
  return (doc.layers.actors ?? [])
    .filter((a) => !a.actorId.startsWith('new:'))
    .map((a) => `${doc.text.slice(a.start, a.end)} → ${a.actorId}`);
}

/** The offices an actor the document links held on the document's publication date. */
function officesOn(doc: Document, id: string): string[] {
  const a = registry.actors.get(id);
  if (!a) throw new Error(`no actor ${id}`);
  return rolesAt(a, doc.meta.published).map((r) => r.title);
}

describe('actors of 1987 and of 2020', () => {
  it('codes a 1987 meeting between the Soviet and US foreign ministers as SUNGOV and USAGOV', () => {
    const doc = analyzeText('Eduard Shevardnadze met George Shultz in Geneva on Tuesday.', '1987-09-15');
    expect(linked(doc)).toEqual(['Eduard Shevardnadze → per-eduard-shevardnadze', 'George Shultz → per-george-shultz']);
    const met = eventAt(doc, 'met');
    expect(codes(met!.sources)).toEqual(['SUNGOV']);
    expect(codes(met!.targets)).toEqual(['USAGOV']);
    expect(officesOn(doc, 'per-eduard-shevardnadze')).toEqual(['Minister of Foreign Affairs of the Soviet Union']);
  });

  it('takes "Soviet" as the Soviet Union in a 1987 text', () => {
    const doc = analyzeText('A Soviet foreign ministry official criticised Iran on Monday.', '1987-06-01');
    const e = eventAt(doc, 'criticised');
    expect(codes(e!.sources)).toEqual(['SUNGOV']);
    expect(codes(e!.targets).map((c) => c?.slice(0, 3))).toEqual(['IRN']);
  });

  it("gives Iran's prime minister of 1987 his code, and the same person his office of the date", () => {
    const doc = analyzeText('Mir-Hossein Mousavi accused Iraq of attacking tankers.', '1987-06-01');
    const e = eventAt(doc, 'accused');
    expect(names(e!.sources)).toEqual(['Mir-Hossein Mousavi']);
    expect(codes(e!.sources)).toEqual(['IRNGOV']);
    expect(officesOn(doc, 'per-mir-hossein-mousavi')).toEqual(['Prime Minister of Iran']);
  });

  it('gives Khamenei the presidency in a 1987 text and the supreme leadership in a 2020 one', () => {
    const old = analyzeText('Ali Khamenei criticised the United States on Monday.', '1987-07-20');
    const now = analyzeText('Ali Khamenei criticised the United States on Monday.', '2020-01-06');
    expect(linked(old)).toContain('Ali Khamenei → per-ali-khamenei');
    expect(linked(now)).toContain('Ali Khamenei → per-ali-khamenei');
    expect(officesOn(old, 'per-ali-khamenei')).toEqual(['President of Iran']);
    expect(officesOn(now, 'per-ali-khamenei')).toEqual(['Supreme Leader of Iran']);
  });

  it('keeps the present-day state in a 2020 text: Russia is RUS, not the Soviet Union', () => {
    const doc = analyzeText('Sergey Lavrov met Mike Pompeo in Sochi on Tuesday.', '2020-05-05');
    const met = eventAt(doc, 'met');
    expect(codes(met!.sources)).toEqual(['RUSGOV']);
    expect(codes(met!.targets)).toEqual(['USAGOV']);
  });

  it('codes the US parties as parties', () => {
    const doc = analyzeText('Democrats criticised Ronald Reagan over the arms sales.', '1987-03-04');
    const e = eventAt(doc, 'criticised');
    expect(codes(e!.sources)).toEqual(['USAPTY']);
    expect(codes(e!.targets)).toEqual(['USAGOV']);
  });
});
