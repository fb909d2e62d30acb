import { describe, expect, it } from 'vitest';
import { quotesOf } from './analyze-quotes.js';

// Every sentence below is invented for these tests; outlets are fictional.

describe('direct quotes', () => {
  it('attributes a quote to a speaker named after it', () => {
    const [q, ...rest] = quotesOf('“The border crossing will stay closed until the new year,” Omar Haddad said on Tuesday.');
    expect(rest).toEqual([]);
    expect(q).toMatchObject({ kind: 'direct', content: 'The border crossing will stay closed until the new year,', speaker: 'Omar Haddad', speakerName: 'Omar Haddad', cue: 'said' });
    expect(q!.speakerActorId).not.toBeNull();
    expect(q!.reason).toContain('after the quote');
  });

  it('attributes a quote to a speaker named before it, with a colon', () => {
    const [q] = quotesOf('Laila Nasser said: "Our party will take this result to the supreme court."');
    expect(q).toMatchObject({ kind: 'direct', speaker: 'Laila Nasser', content: 'Our party will take this result to the supreme court.' });
    expect(q!.reason).toContain('before the quote');
  });

  it('reads an inverted attribution and the role in apposition', () => {
    const [q] = quotesOf('"We have no plans to withdraw from the region," said Omar Haddad, the commander of the Northern Brigade.');
    expect(q).toMatchObject({ speaker: 'Omar Haddad', role: 'the commander of the Northern Brigade' });
  });

  it('gives both halves of a quote split by its attribution to the same speaker', () => {
    const qs = quotesOf('“We will not leave,” Omar Haddad said, “until the last foreign soldier has gone home.”');
    expect(qs.map((q) => q.content)).toEqual(['We will not leave,', 'until the last foreign soldier has gone home.']);
    expect(new Set(qs.map((q) => q.speakerActorId)).size).toBe(1);
    expect(qs[0]!.speakerActorId).not.toBeNull();
  });

  it('handles guillemets, low-high marks and single marks', () => {
    const qs = quotesOf(
      'Omar Haddad said: « The talks in Geneva have failed and we are going home. »\n\nLaila Nasser said: „The vote was fair and the count was open to everyone.“\n\nSami Karam said: ‘The new port will open in the spring of next year.’',
    );
    expect(qs.map((q) => q.speakerName)).toEqual(['Omar Haddad', 'Laila Nasser', 'Sami Karam']);
    expect(qs.every((q) => q.kind === 'direct')).toBe(true);
  });

  it('keeps a multi-sentence quote whole', () => {
    const [q] = quotesOf('“The army has left the town. The people are returning to their homes. The schools will reopen soon,” Omar Haddad told reporters.');
    expect(q!.content).toBe('The army has left the town. The people are returning to their homes. The schools will reopen soon,');
    expect(q!.speakerName).toBe('Omar Haddad');
  });

  it('carries a quote over paragraphs when the next one reopens it', () => {
    const qs = quotesOf('Omar Haddad spoke to reporters in Basra on Monday.\n\n“The harbour will reopen next week,” he said. “The ships are waiting outside the port.\n\n“The cranes are ready and the crews have been paid.”');
    expect(qs).toHaveLength(2);
    expect(qs[1]!.content).toContain('The ships are waiting outside the port.');
    expect(qs[1]!.content).toContain('the crews have been paid.');
    expect(qs.every((q) => q.speakerName === 'Omar Haddad')).toBe(true);
  });

  it('gives an unattributed quote in the same paragraph the speaker of the quotes before it', () => {
    const qs = quotesOf('“The harbour will reopen next week,” Omar Haddad said. “The ships are waiting outside and the cranes are ready.”');
    expect(qs).toHaveLength(2);
    expect(qs[1]).toMatchObject({ speakerName: 'Omar Haddad', speaker: null, cue: null });
    expect(qs[1]!.reason).toContain('continues the quotes');
    expect(qs[1]!.confidence).toBeLessThan(qs[0]!.confidence);
  });

  it('resolves "he added" to the last speaker', () => {
    const qs = quotesOf('“The election was stolen from the people,” Omar Haddad said.\n\nHe added, “We will hold protests in every city until the count is repeated.”');
    expect(qs).toHaveLength(2);
    expect(qs[1]).toMatchObject({ speaker: 'He', speakerName: 'Omar Haddad', cue: 'added' });
    expect(qs[1]!.speakerActorId).toBe(qs[0]!.speakerActorId);
  });

  it('resolves "she" to the last person of matching gender when known', () => {
    const qs = quotesOf('Laila Nasser, a spokeswoman for the Example Party, said the vote was fair.\n\n“We will accept the result and move on together,” she added.');
    const direct = qs.find((q) => q.kind === 'direct');
    expect(direct).toMatchObject({ speaker: 'she', speakerName: 'Laila Nasser' });
  });

  it('records the intermediary of a quote told to an outlet', () => {
    const [q] = quotesOf('“We reject the presence of foreign troops on our soil and will resist it,” Qais al-Khazali was quoted as saying by the al-Ahed news website.');
    expect(q).toMatchObject({ speakerActorId: 'per-qais-al-khazali', via: 'al-Ahed news website', viaActorId: 'med-al-ahed' });
    expect(q!.reason).toContain("via 'al-Ahed news website'");
  });

  it('reads "X quoted Y as saying" as Y speaking through X, before or after the reported words', () => {
    const [q] = quotesOf('The Example Wire agency quoted the commander of the border post as saying nine attacks had been repulsed overnight.');
    expect(q).toMatchObject({ kind: 'indirect', speaker: 'the commander', via: 'Example Wire agency', content: 'nine attacks had been repulsed overnight' });
    const [after] = quotesOf('Ten soldiers were killed near the border post on Monday, the Daily Sample quotes a senior official as saying.');
    expect(after).toMatchObject({ speaker: 'a senior official', content: 'Ten soldiers were killed near the border post on Monday' });
    expect(after!.via).toMatch(/Daily Sample/);
  });

  it('records an outlet the speaker told', () => {
    const [q] = quotesOf('“The committee has finished its study of the new air defense system,” Omar Haddad told the Daily Sample newspaper.');
    expect(q!.via).toBe('Daily Sample newspaper');
    expect(q!.speakerName).toBe('Omar Haddad');
  });

  it('links the actors named inside the quote as topics', () => {
    const [q] = quotesOf('“Iran and the United States must both leave our country alone,” Omar Haddad said.');
    expect(q!.topics.some((t) => t.includes('usa'))).toBe(true);
    expect(q!.topics.some((t) => t.includes('irn'))).toBe(true);
    expect(q!.topics).not.toContain(q!.speakerActorId);
  });

  it('makes a quote said in a statement a statement', () => {
    const [q] = quotesOf('“The operation will go on until every cell is dismantled,” Kataib Hezbollah said in a statement.');
    expect(q).toMatchObject({ kind: 'statement', speakerActorId: 'irq-kh' });
  });

  it('reads a reporting word after the quote even when it looks like a noun', () => {
    const [q] = quotesOf('“Foreign trainers are being sent home while the schools stay closed,” reports the AFP this week.');
    expect(q).toMatchObject({ kind: 'direct', cue: 'reports', speakerActorId: 'med-afp' });
  });

  it('makes a tweet a post', () => {
    const [q] = quotesOf('Foreign Minister Javad Zarif tweeted, “Iran starts no wars and wants none with its neighbours.”');
    expect(q).toMatchObject({ kind: 'post', speakerActorId: 'per-javad-zarif', role: 'Foreign Minister' });
  });
});

describe('not quotes', () => {
  it('keeps a quote in a heading only when it is attributed there', () => {
    const qs = quotesOf('“We Will Never Surrender Our Land to Anyone Again”\n\nThe rally in the capital drew thousands of people on Friday.');
    expect(qs).toEqual([]);
  });

  it('rejects scare quotes around a word or two', () => {
    expect(quotesOf('Paying Rewards for “Terrorists” Is a Bad Idea. Critics call the whole program a “kill list” and worse.')).toEqual([]);
  });

  it('rejects a quoted title inside a clause with no speaker', () => {
    expect(quotesOf('The plan was sold to voters as the “deal of the century” by its authors.')).toEqual([]);
  });

  it('keeps a long quote with nobody to say it only at very low confidence', () => {
    const qs = quotesOf('The poster on the wall read “Every citizen has the right to know what the government does in their name.”');
    expect(qs).toHaveLength(1);
    expect(qs[0]!.speakerName).toBeNull();
    expect(qs[0]!.confidence).toBeLessThan(0.3);
    expect(qs[0]!.reason).toContain('no speaker');
  });
});

describe('indirect speech', () => {
  it('reads "X said that ..."', () => {
    const [q] = quotesOf('Omar Haddad said that the talks had collapsed after the second day.');
    expect(q).toMatchObject({ kind: 'indirect', content: 'the talks had collapsed after the second day', cue: 'said', speakerName: 'Omar Haddad' });
  });

  it('reads "X said ..." without "that"', () => {
    const [q] = quotesOf('Omar Haddad said the army would leave the city by the end of the month.');
    expect(q).toMatchObject({ kind: 'indirect', content: 'the army would leave the city by the end of the month' });
  });

  it('reads "X told Y that ..." and the outlet as intermediary', () => {
    const [q] = quotesOf('Omar Haddad told the Daily Sample newspaper that the talks had collapsed.');
    expect(q).toMatchObject({ kind: 'indirect', content: 'the talks had collapsed', via: 'Daily Sample newspaper' });
  });

  it('reads "X warned of ..."', () => {
    const [q] = quotesOf('Mahmoud al-Rubaye warned of armed resistance if the foreign troops stay.');
    expect(q).toMatchObject({ kind: 'indirect', speakerActorId: 'per-mahmoud-al-rubaye', content: 'armed resistance if the foreign troops stay' });
  });

  it('reads "X stressed that ..." with "he added" later resolved to X', () => {
    const qs = quotesOf('Omar Haddad stressed that the vote must be repeated. He added that protests would go on.');
    expect(qs.map((q) => q.content)).toEqual(['the vote must be repeated', 'protests would go on']);
    expect(qs[1]!.speakerName).toBe('Omar Haddad');
  });

  it('reads an attribution after the clause and one inside it', () => {
    const after = quotesOf('The base will be handed over to the army next week, Omar Haddad pointed out.');
    expect(after[0]).toMatchObject({ content: 'The base will be handed over to the army next week', speakerName: 'Omar Haddad' });
    const inside = quotesOf('Omar Haddad spoke on Monday.\n\nThe troops, he added, will leave in June.');
    expect(inside[0]).toMatchObject({ speaker: 'he', speakerName: 'Omar Haddad', cue: 'added' });
  });

  it('reads "according to X" before and after the clause', () => {
    const before = quotesOf('According to Omar Haddad, the convoy was hit by two rockets.');
    expect(before[0]).toMatchObject({ kind: 'according-to', content: 'the convoy was hit by two rockets', speakerName: 'Omar Haddad' });
    const after = quotesOf('The convoy was hit by two rockets, according to local officials.');
    expect(after[0]).toMatchObject({ kind: 'according-to', content: 'The convoy was hit by two rockets', speakerName: 'local officials', speakerActorId: null });
  });

  it('reads statements: "in a statement, X said" and "X said in a statement that"', () => {
    const a = quotesOf('The Ministry of Defense of Syria said in a statement that its air defenses shot down several missiles.');
    expect(a[0]).toMatchObject({ kind: 'statement', speakerActorId: 'syr-mod' });
    const b = quotesOf('The Syrian Ministry of Defense reported an attack near Aleppo. In a statement, the ministry said the missiles came from the northeast.');
    expect(b.at(-1)).toMatchObject({ kind: 'statement', speaker: 'the ministry', content: 'the missiles came from the northeast' });
    expect(b.at(-1)!.speakerName).toMatch(/Ministry of Defense/);
  });

  it('reads a post: "X wrote on Twitter that ..."', () => {
    const [q] = quotesOf('Javad Zarif wrote on Twitter that Iran would not negotiate under pressure.');
    expect(q).toMatchObject({ kind: 'post', speakerActorId: 'per-javad-zarif', content: 'Iran would not negotiate under pressure' });
  });

  it('does not read a reporting verb that takes no clause as speech', () => {
    expect(quotesOf('The ministry announced the launch of a new campaign in the desert.')).toEqual([]);
    expect(quotesOf('The alleged organizer of the network was arrested in Mosul.')).toEqual([]);
  });
});

describe('speaker resolution', () => {
  it('resolves "the group" to the last armed group, not a city', () => {
    const [q] = quotesOf('Kataib Hezbollah held a rally in Baghdad on Friday. The group said that it would keep its weapons.');
    expect(q).toMatchObject({ speaker: 'The group', speakerActorId: 'irq-kh' });
  });

  it('resolves "it" to the organization that spoke last', () => {
    const qs = quotesOf('Harakat Hezbollah al-Nujaba said the foreign troops must go. “Our fighters are ready to defend every province of the country,” it said in an online statement.');
    expect(qs.at(-1)).toMatchObject({ kind: 'statement', speaker: 'it', speakerActorId: 'irq-nujaba' });
  });

  it('resolves "Asaib spokesman" to the spokesman named earlier for the group', () => {
    const qs = quotesOf('Mahmoud al-Rubaye, a spokesman for Asaib Ahl al-Haq, said the attack was a crime.\n\nThe Asaib spokesman also warned of a wider war.');
    expect(qs).toHaveLength(2);
    expect(qs[1]).toMatchObject({ speaker: 'The Asaib spokesman', speakerActorId: 'per-mahmoud-al-rubaye' });
    expect(qs[0]!.role).toBe('a spokesman for Asaib Ahl al-Haq');
  });

  it('resolves a spokesman of a group nobody named to the group, with the role', () => {
    const [q] = quotesOf('An Asaib Ahl al-Haq spokesman said the group would not disarm.');
    expect(q).toMatchObject({ speakerActorId: 'irq-aah', role: 'spokesman' });
  });

  it('resolves a definite description of a person to the person speaking before', () => {
    const qs = quotesOf('Omar Haddad, an Iraqi lawmaker, said the budget was late.\n\nThe lawmaker added that the vote would be held in June.');
    expect(qs[1]).toMatchObject({ speaker: 'The lawmaker', speakerName: 'Omar Haddad' });
    expect(qs[0]!.role).toBe('an Iraqi lawmaker');
  });

  it('leaves an indefinite description unresolved but named', () => {
    const [q] = quotesOf('A senior military official said the strikes would continue for several days.');
    expect(q).toMatchObject({ speakerActorId: null, speakerName: 'A senior military official' });
  });

  it('takes the title before a name as the role', () => {
    const [q] = quotesOf('Former State Department spokeswoman Heather Nauert said Washington had warned several countries.');
    expect(q).toMatchObject({ speakerActorId: 'per-heather-nauert' });
    expect(q!.role).toContain('spokeswoman');
  });
});

describe('lede descriptions', () => {
  it('names an unnamed speaker of the lede after the person named as a speaker next', () => {
    const qs = quotesOf('A senior Iraqi lawmaker has said that the budget vote will be delayed again.\n\nSpeaking to reporters on Monday, Omar Haddad said that the finance committee had not met.');
    expect(qs).toHaveLength(2);
    expect(qs[0]).toMatchObject({ speakerName: 'Omar Haddad', role: 'A senior Iraqi lawmaker' });
    expect(qs[0]!.speakerActorId).toBe(qs[1]!.speakerActorId);
    expect(qs[0]!.confidence).toBeLessThan(qs[1]!.confidence);
    expect(qs[0]!.reason).toContain('lede');
  });

  it('does not name a description outside the lede', () => {
    const filler = 'The weather in the capital was mild on Monday.\n\nMarkets were calm.\n\nTraffic was light.\n\n';
    const qs = quotesOf(`${filler}A senior Iraqi lawmaker has said that the budget vote will be delayed again.\n\nOmar Haddad said that the finance committee had not met.`);
    expect(qs[0]).toMatchObject({ speakerActorId: null, speakerName: 'A senior Iraqi lawmaker' });
  });
});

describe('items', () => {
  it('span the whole attribution and come sorted by start', () => {
    const text = 'Omar Haddad said the talks had failed. “We are going home tomorrow morning,” Laila Nasser said.';
    const qs = quotesOf(text);
    expect(qs.map((q) => q.speakerName)).toEqual(['Omar Haddad', 'Laila Nasser']);
    expect(qs.every((q) => q.confidence > 0 && q.confidence <= 1 && q.reason.length > 0)).toBe(true);
  });
});
