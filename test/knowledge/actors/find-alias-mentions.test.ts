import { describe, expect, it } from 'vitest';
import { findAliasMentions } from '../../../src/knowledge/actors/alias-index.js';
import { loadActorRegistry } from '../../../src/knowledge/actors/load-registry.js';
import { runTextStages } from '../../text/run-text-stages.js';

const registry = loadActorRegistry();

/** Each mention as "text → ids" (plus "~" when only the fold matched). */
function mentions(raw: string): string[] {
  const doc = runTextStages(raw);
  return findAliasMentions(registry, doc).map(
    (m) => `${doc.text.slice(m.start, m.end)} → ${m.actorIds.join('|')}${m.exact ? '' : ' ~'}`,
  );
}

describe('findAliasMentions', () => {
  it('finds every spelling of the PMU and of Asa’ib Ahl al-Haq in running text', () => {
    expect(
      mentions(
        'Fighters of the Popular Mobilization Forces, known as al-Hashd al-Shaabi, joined PMU units ' +
          'and a Hashd al-Sha’abi brigade. Asa’ib Ahl al-Haq, also called Asaib or AAH, said so.',
      ),
    ).toEqual([
      'Popular Mobilization Forces → irq-pmu',
      'al-Hashd al-Shaabi → irq-pmu',
      'PMU → irq-pmu',
      'Hashd al-Sha’abi → irq-pmu',
      'Asa’ib Ahl al-Haq → irq-aah',
      'Asaib → irq-aah',
      'AAH → irq-aah',
    ]);
  });

  it('resolves the Hezbollah, Qassem, Daesh and Ziyadi spellings', () => {
    expect(mentions('Example Wire said Hizballah and Hezbollah are one party; Naim Qassim leads it.')).toEqual([
      'Hizballah → lbn-hezbollah',
      'Hezbollah → lbn-hezbollah',
      'Naim Qassim → per-naim-qassem',
    ]);
    expect(mentions('Deash cells fled; Daesh and ISIL regrouped, lawmaker Badr al-Ziayadi warned.')).toEqual([
      'Deash → arm-isis',
      'Daesh → arm-isis',
      'ISIL → arm-isis',
      'Badr al-Ziayadi → per-badr-al-ziyadi ~',
    ]);
  });

  it('resolves the Muhandis and Khazali spellings, with the article inside the span', () => {
    expect(mentions('Abu Mahdi al-Mohandes stood beside Qais al-Khazali; al-Muhandis spoke first.')).toEqual([
      'Abu Mahdi al-Mohandes → per-abu-mahdi-al-muhandis',
      'Qais al-Khazali → per-qais-al-khazali',
      'al-Muhandis → per-abu-mahdi-al-muhandis',
    ]);
  });

  it('matches a spelling no alias lists through the fold, marked not exact', () => {
    expect(mentions('A Hezballah official spoke.')).toEqual(['Hezballah → lbn-hezbollah ~']);
  });

  it('takes the longest alias and leaves a possessive out of the span', () => {
    expect(mentions('The Badr Organization’s chief met Kata’ib Hezbollah’s envoy in Iraq’s capital.')).toEqual([
      'Badr Organization → irq-badr',
      'Kata’ib Hezbollah → irq-kh',
      'Iraq → cc-irq',
    ]);
  });

  it('splits hyphen compounds into words with their own spans', () => {
    expect(mentions('A Trump-Rouhani meeting and the US-led coalition.')).toEqual([
      'Trump → per-donald-trump',
      'Rouhani → per-hassan-rouhani',
      'US-led coalition → coalition-oir',
    ]);
  });

  it('does not read lower-case words or pronouns as names', () => {
    expect(mentions('The amal of the village told us that badr is a month.')).toEqual([]);
    expect(mentions('Amal leaders met US envoys.')).toEqual(['Amal → lbn-amal', 'US → cc-usa']);
  });

  it('tells the Lebanese Forces party from Lebanese forces by case', () => {
    expect(mentions('Lebanese forces deployed as the Lebanese Forces objected.')).toEqual([
      'Lebanese forces → lbn-mil',
      'Lebanese Forces → lbn-lf',
    ]);
  });

  it('finds governments, armies and NORP groups', () => {
    expect(mentions('The Iraqi government asked Iraqi forces to protect Shiite and Yazidi pilgrims.')).toEqual([
      'Iraqi government → irq-gov',
      'Iraqi forces → irq-mil',
      'Shiite → norp-shia',
      'Yazidi → norp-yazidis',
    ]);
  });

  it('needs the tokens layer', () => {
    const doc = { ...runTextStages('PMU'), layers: {} };
    expect(() => findAliasMentions(registry, doc)).toThrow(/tokens/);
  });
});
