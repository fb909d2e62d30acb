import { describe, expect, it } from 'vitest';
import { analyzeText, eventAt, eventsOf, names, placeName } from './analyze-text.js';

const codesOf = (text: string) => eventsOf(analyzeText(text)).map((e) => e.code);

// Our own sentences; the publication date is Tuesday 5 May 2020. Each case is a phrase the
// parser or the chunker reads loosely, or words that match an entry without naming its event.

describe('events: phrases the parse misplaces, and words that name no event', () => {
  it('reads a published thing as no release: statements, figures and videos are not prisoners', () => {
    expect(codesOf('The Interior Ministry of Ruritania released a statement on Thursday.')).not.toContain('0841');
    expect(codesOf('The casualty figures were released by the ministry on Friday.')).not.toContain('0841');
    const freed = eventAt(analyzeText('Ruritania released two fishermen on Friday.'), 'released');
    expect(freed?.code).toBe('0841');
  });

  it('takes the "on" phrase after an attack noun as its target when the parse hangs it on the verb above', () => {
    const e = eventAt(analyzeText('The Red Hand militia claimed responsibility for a drone attack on two oil facilities in Tikrit.'), 'drone attack');
    expect(names(e!.targets).join(' ')).toMatch(/oil facilities/);
  });

  it('reads an attack said to be another attack as one act, with the doer the predicate names', () => {
    const doc = analyzeText('The minister said the attacks on two refineries in Basra were an Iranian attack.');
    const attacks = eventsOf(doc).filter((e) => e.rootCode === '19');
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.sources.map((s) => s.cameo)).toContain('IRN');
    expect(names(attacks[0]!.targets).join(' ')).toMatch(/refineries/);
  });

  it('takes the phrase before a passive verb the parse left without a subject as its target, and opens a new phrase at a determiner', () => {
    const e = eventAt(analyzeText('An official later told news agencies an American naval drone was downed over the strait.'), 'downed');
    expect(names(e!.targets)).toEqual(['American naval drone']);
  });

  it('codes beating back an offensive as fighting, not as a beating', () => {
    const e = eventAt(analyzeText('Iraqi forces beat back the latest Iranian offensive near Basra.'), 'beat');
    expect(e?.code).toBe('190');
    expect(e!.targets.map((t) => t.cameo)).toContain('IRN');
  });
});

describe('events: statements and threats told with a word of blame or of force', () => {
  it('codes calling or describing an act by a word of blame as criticism, across scare quotes and a long object', () => {
    expect(eventAt(analyzeText('The defence official called the attack "troubling" because of the number of rockets.'), 'called')?.code).toBe('111');
    expect(eventAt(analyzeText('The Ruritanian envoy described the seizure of both fishing boats as "unacceptable".'), 'described')?.code).toBe('111');
  });

  it('reads meeting an act with force as a threat when still to come, and meeting a deadline as no meeting', () => {
    expect(eventAt(analyzeText('Any attack on our ships will be met with force, the minister said.'), 'met')?.code).toBe('138');
    expect(eventAt(analyzeText('We are ready to meet any escalation with stronger countermeasures, the minister said.'), 'meet')?.code).toBe('138');
    expect(eventAt(analyzeText('The minister met his Ruritanian counterpart on Monday.'), 'met')?.code).toBe('040');
    expect(codesOf('The contractors met the deadline on Monday.')).not.toContain('040');
  });
});

describe('events: a refusal holds what it refuses', () => {
  it('gives one refusal, aimed at whom the refused act was, not a second event for the act refused', () => {
    const doc = analyzeText('The president refused to sign off on the arrest of the Ruritanian general.');
    const refusal = eventAt(doc, 'refused');
    expect(refusal?.code.startsWith('12')).toBe(true);
    expect(eventsOf(doc).map((e) => e.code)).not.toContain('057');
  });

  it('tells a refusal in the past as done, whatever it was refused on, and one ahead as conditional', () => {
    expect(eventAt(analyzeText('The president refused to sign off on the raid unless Osterlich attacked first.'), 'refused')?.modality).toBe('asserted');
    expect(eventAt(analyzeText('Ruritania will refuse to sign the deal unless Osterlich withdraws its troops.'), 'refuse')?.modality).toBe('conditional');
  });
});

describe('events: who did it, when the parse loses the subject', () => {
  it('takes the noun before a date the parse read as the subject', () => {
    const e = eventAt(analyzeText('In Basra, a military spokesman said Iraqi warplanes today destroyed an oil pumping station.'), 'destroyed');
    expect(names(e!.sources)).toEqual(['Iraqi warplanes']);
  });

  it("takes the person a title's long phrase ends in, not the title", () => {
    const e = eventAt(analyzeText('Prime Minister of the Kurdistan Region of Iraq Masrour Barzani, strongly condemned the rocket attacks.'), 'condemned');
    expect(names(e!.sources)).toEqual(['Masrour Barzani']);
  });
});

describe('events: verbs joined by "and" share where and when', () => {
  it('gives each of two joined attack verbs the place and the date only one of them names', () => {
    const doc = analyzeText('Ruritanian warships destroyed an oil platform in the Gulf and struck at a second on Monday.');
    const struck = eventAt(doc, 'struck');
    const destroyed = eventAt(doc, 'destroyed');
    expect(struck?.date).toBe('2020-05-04');
    expect(destroyed?.date).toBe('2020-05-04');
    expect(placeName(doc, struck!)).toBe(placeName(doc, destroyed!));
    expect(placeName(doc, struck!)).not.toBeNull();
  });
});

describe('events: a threat against any act of a kind is conditional', () => {
  it('reads "any X would meet a response" as conditional, and a threat against every ship as a plain threat', () => {
    expect(eventAt(analyzeText('Any interference in our waters would meet a strong response, the minister said.'), 'meet')?.modality).toBe('conditional');
    expect(eventAt(analyzeText('Ruritania threatened to attack every ship in the strait.'), 'threatened')?.modality).not.toBe('conditional');
  });
});

describe("events: a reporter's question is no appeal", () => {
  it('drops "asked why / if / about", keeps "asked X to" as an appeal', () => {
    expect(codesOf('The minister was asked why Ruritania had closed the border.')).not.toContain('020');
    expect(codesOf('Asked on Example Radio if the talks would resume, the envoy smiled.')).not.toContain('020');
    expect(codesOf('The envoy was asked about statements from a senior official.')).not.toContain('020');
    expect(eventAt(analyzeText('Ruritania asked Osterlich to lease two tankers.'), 'asked')?.code).toBe('020');
  });
});

describe('events: a question told of the asker is a request', () => {
  it('keeps "Ruritania asked if protection could be provided" as an appeal', () => {
    expect(codesOf('Ruritania had asked if protection for its tankers could be provided by Osterlich.')).toContain('020');
  });
});

describe('events: the event noun a light verb carries is no target', () => {
  it('gives "launched a new offensive" no target, and codes gaining footholds as occupying ground', () => {
    const launched = eventAt(analyzeText('Ruritanian troops launched a new offensive near Basra on Sunday.'), 'launched');
    expect(launched?.rootCode).toBe('19');
    expect(names(launched!.targets)).toEqual([]);
    expect(eventAt(analyzeText('The Ruritanian troops had gained footholds on Osterlich territory.'), 'gained')?.code).toBe('192');
  });
});

describe('events: a repeated event noun is the act told before', () => {
  it('gives "the shelling" the actor of the Turkish shelling the paragraph told before', () => {
    const doc = analyzeText('Monitors documented the deaths due to the Turkish ground shelling on the area, they are: three persons were killed in the shelling which targeted the village of Tal Rifaat.');
    const shellings = eventsOf(doc).filter((e) => doc.text.slice(e.trigger.start, e.trigger.end).endsWith('shelling'));
    expect(shellings.length).toBeGreaterThan(1);
    for (const e of shellings) expect(e.sources.map((s) => s.cameo?.slice(0, 3))).toContain('TUR');
  });

  it('takes no amount for what was hit: money and distances are never a target', () => {
    const raid = eventAt(analyzeText('Iraq put the damage from the Iranian raid at about 50 million dollars.'), 'raid');
    expect(raid?.rootCode).toBe('19');
    expect(names(raid!.targets)).toEqual([]);
  });

  it('names the holder of a thing hit as the target: positions of fighters, homes of civilians', () => {
    const shelled = eventAt(analyzeText('Soldiers shelled the homes of civilians in the village.'), 'shelled');
    expect(names(shelled!.targets)).toEqual(['civilians']);
    expect(shelled!.targets[0]!.cameo).toBe('CVL');
  });

  it('gives a light-verb pattern the finer code of its event noun, and folds in the participle that says what it hit', () => {
    const doc = analyzeText('Houthi rebels have carried out drone attacks targeting Saudi air bases.');
    const attacks = eventsOf(doc).filter((e) => e.rootCode === '19');
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.code).toBe('1952');
    expect(attacks[0]!.sources.map((s) => s.cameo)).toEqual(['YEMREB']);
    expect(attacks[0]!.targets.map((t) => t.cameo?.slice(0, 3))).toEqual(['SAU']);
  });

  it('places an act "over" a name that is itself a geographic noun: the strait, the gulf', () => {
    const doc = analyzeText("Iran's shoot-down of an American drone over the Strait of Hormuz angered Washington.");
    const downing = eventAt(doc, 'shoot-down');
    expect(downing && placeName(doc, downing)).toBe('Strait of Hormuz');
  });

  it('takes no "where" noun for what was hit: a front, an area, the tip of a gulf', () => {
    const offensive = eventAt(analyzeText('Iraq said its troops repelled a new Iranian offensive on the northern front.'), 'offensive');
    expect(offensive?.rootCode).toBe('19');
    expect(names(offensive!.targets)).toEqual([]);
  });

  it('reads the passive the parse hides: a reduced relative made the main verb, a subject hung on its own preposition, a joined participle', () => {
    const tankers = eventAt(analyzeText('Two supertankers attacked in the Gulf by Iranian gunboats on Saturday have anchored off Bahrain.'), 'attacked');
    expect(tankers?.sources.map((s) => s.cameo?.slice(0, 3))).toEqual(['IRN']);
    expect(names(tankers!.targets).join(' ')).toMatch(/supertankers/);
    const patrol = eventAt(analyzeText('Officials said about 70 soldiers on foot patrol were attacked by guerrillas near the border.'), 'attacked');
    expect(names(patrol!.targets).join(' ')).toMatch(/soldiers/);
    const doc = analyzeText('A Greek cargo ship was attacked and hit in the engine room in the northern Gulf.');
    const attacks = eventsOf(doc).filter((e) => e.rootCode === '19');
    expect(attacks.length).toBeGreaterThan(0);
    for (const e of attacks) expect(e.sources.map((s) => s.cameo)).not.toContain('GRC');
  });

  it('names who holds the positions hit, told by a participle of holding', () => {
    const shelled = eventAt(analyzeText('Rebels shelled positions held by the army near the border.'), 'shelled');
    expect(names(shelled!.targets)).toEqual(['army']);
  });

  it('gives the act of a for-gerund to the object of the verb it hangs on: blamed X for firing', () => {
    const firing = eventAt(analyzeText('Washington blamed Tehran for firing missiles at the tanker.'), 'firing');
    expect(firing?.sources.map((s) => s.cameo?.slice(0, 3))).toEqual(['IRN']);
    const sending = eventAt(analyzeText('Soviet officials criticized the United States for sending naval forces into the Gulf.'), 'sending');
    expect(sending?.sources.map((s) => s.cameo)).toEqual(['USA']);
  });

  it('reads "hit the streets" as no attack, and a kind ("of this nature") as no target', () => {
    expect(codesOf('Thousands of protesters hit the streets of Baghdad on Friday.').filter((c) => c.startsWith('19'))).toEqual([]);
    for (const e of eventsOf(analyzeText('Iran said any attack of this nature would be answered.'))) expect(names(e.targets)).not.toContain('nature');
  });

  it('folds a participle into the attack noun it modifies, even inside a phrase: "in retaliation for the attack damaging a ship"', () => {
    const doc = analyzeText("Warships shelled a platform in retaliation for Friday's Iranian attack damaging a Kuwaiti tanker.");
    expect(eventsOf(doc).map((e) => e.code)).not.toContain('171');
    const attack = eventAt(doc, 'attack');
    expect(attack?.sources.map((s) => s.cameo?.slice(0, 3))).toEqual(['IRN']);
    expect(attack!.targets.map((t) => t.cameo)).toEqual(['KWT']);
  });

  it('keeps the actors after a parenthetical report ("In the north, the agency said, X captured Y") as the act\'s', () => {
    const e = eventAt(analyzeText('In the north, the Ruritanian news agency said, Iranian forces captured several Iraqi posts.'), 'captured');
    expect(e?.sources.map((s) => s.cameo?.slice(0, 3))).toEqual(['IRN']);
    expect(e?.targets.map((t) => t.cameo?.slice(0, 3))).toEqual(['IRQ']);
  });

  it('reads a light verb the treebank never showed by its lemma: who convened the meeting is its source', () => {
    const e = eventAt(analyzeText('The Ruritanian president convened a security meeting on Thursday.'), 'meeting');
    expect(names(e!.sources).join(' ')).toMatch(/president/i);
  });

  it('reads through a noun that counts acts: "carried out a series of attacks on X" hit X, not "series"', () => {
    const e = eventAt(analyzeText('Ruritanian rebels carried out a series of attacks on Saudi airports.'), 'carried');
    expect(names(e!.targets)).not.toContain('series');
    expect(e!.targets.map((t) => t.cameo?.slice(0, 3))).toEqual(['SAU']);
    const killed = eventAt(analyzeText('The militia killed dozens of protesters in Basra on Monday.'), 'killed');
    expect(names(killed!.targets).join(' ')).toMatch(/protesters/);
  });

  it('keeps two joined attack verbs with objects of their own apart: "hit the jetty and struck a tanker" is two acts', () => {
    const doc = analyzeText('Iraqi jets hit the western jetty of the terminal and struck a supertanker nearby.');
    const attacks = eventsOf(doc).filter((e) => e.rootCode === '19');
    expect(attacks.map((e) => names(e.targets).join(' '))).toEqual([expect.stringMatching(/jetty/), expect.stringMatching(/supertanker/)]);
    expect(attacks.every((e) => e.sources.some((s) => s.cameo?.startsWith('IRQ')))).toBe(true);
    // One object shared by both verbs stays one act.
    expect(eventsOf(analyzeText('Iraqi jets shelled and destroyed two platforms.')).filter((e) => e.rootCode === '19')).toHaveLength(1);
  });

  it('reads a group named by its kind as an armed actor, and a place by its name as what an attack targeted', () => {
    const e = eventAt(analyzeText('A terrorist group targeted Saltmere Governorate with several rockets on Monday.'), 'targeted');
    expect(e?.code).toBe('190');
    expect(e?.sources.map((s) => s.cameo)).toEqual(['UAF']);
    expect(names(e!.targets).join(' ')).toMatch(/Saltmere/);
    expect(eventAt(analyzeText('An armed group attacked the village on Monday.'), 'attacked')?.sources.map((s) => s.cameo)).toEqual(['UAF']);
    expect(eventAt(analyzeText('Two tankers were attacked by gunboats off Saltmere.'), 'attacked')?.sources.map((s) => s.cameo)).toEqual(['MIL']);
    // "the group" alone names no one's kind.
    expect(eventAt(analyzeText('The group attacked the village on Monday.'), 'attacked')?.sources ?? []).toEqual([]);
  });

  it('knows irregular past forms of dictionary verbs and particle verbs told in the passive', () => {
    const blows = eventAt(analyzeText('Ruritanian planes dealt heavy blows to the rebel positions on Monday.'), 'dealt');
    expect(blows?.rootCode).toBe('19');
    // Told object first, the trigger starts at the object.
    const downed = eventAt(analyzeText('The Iranian surveillance drone was brought down over the strait on Monday.'), 'drone');
    expect(downed?.code).toBe('190');
    expect(downed!.targets.map((t) => t.cameo)).toEqual(['IRN']);
    expect(codesOf('The scandal brought down the government.').filter((c) => c.startsWith('19'))).toEqual([]);
  });

  it('reads "X were under attack from Y" as Y attacking X', () => {
    const e = eventAt(analyzeText('The Ruritanian guards were under attack from Iraqi warplanes on Monday.'), 'attack');
    expect(e?.sources.map((s) => s.cameo)).toEqual(['IRQMIL']);
    expect(names(e!.targets).join(' ')).toMatch(/guards/);
  });

  it('dates the saying, not the act told, by a time between the reporting verb and the subject', () => {
    // Published Tuesday 5 May 2020: "today" is 5 May, "yesterday" 4 May.
    expect(eventAt(analyzeText('Ruritania said today its forces had beaten back the rebel attacks.'), 'beaten')?.date).toBeNull();
    expect(eventAt(analyzeText('The agency said yesterday the rebels overran two army posts.'), 'overran')?.date).toBeNull();
    // After the subject or after "that", the time is the act's own.
    expect(eventAt(analyzeText('Ruritania said its forces today attacked a rebel camp.'), 'attacked')?.date).toBe('2020-05-05');
  });

  it('gives a planned act noun the subject of the verb that plans it: "Ruritania was planning attacks on X"', () => {
    const e = eventAt(analyzeText('Ruritania was planning attacks on Iraqi army posts, officials said.'), 'attacks');
    expect(e?.modality).toBe('planned');
    expect(names(e!.sources).join(' ')).toMatch(/Ruritania/);
  });

  it('reads "executed a raid" as carrying out the raid, not a killing, and finds its subject the parse hung beside it', () => {
    const doc = analyzeText('The minister said Iraqi special forces had executed a daring night raid in northern Syria.');
    expect(eventsOf(doc).map((e) => e.code)).not.toContain('1823');
    const raid = eventAt(doc, 'raid');
    expect(raid?.sources.map((s) => s.cameo?.slice(0, 3))).toEqual(['IRQ']);
    expect(eventAt(analyzeText('The militants executed two hostages on Monday.'), 'executed')?.code).toBe('1823');
  });

  it('codes a thing by its owner, not by the country of a hyphenated modifier: "a U.S.-flagged Kuwaiti ship" is Kuwaiti', () => {
    expect(eventAt(analyzeText('Gunboats attacked a U.S.-flagged Kuwaiti ship on Monday.'), 'attacked')?.targets.map((t) => t.cameo)).toEqual(['KWT']);
    expect(eventAt(analyzeText('Gunboats attacked a U.S.-flagged tanker on Monday.'), 'attacked')?.targets.map((t) => t.cameo)).toEqual(['USA']);
  });

  it('types a planned act by what it is in PLOVER, a promise or a threat: a withdrawal to come concedes', () => {
    const planned = eventAt(analyzeText('Iraq will withdraw its troops from the border next week, the minister said.'), 'withdraw');
    expect([planned?.modality, planned?.plover]).toEqual(['planned', 'CONCEDE']);
    const done = eventAt(analyzeText('Iraq withdrew its troops from the border on Monday.'), 'withdrew');
    expect([done?.modality, done?.plover]).toEqual(['asserted', 'RETREAT']);
  });

  it('reads a bare noun phrase right after the verb as its object, whatever label the parse gives it', () => {
    const e = eventAt(analyzeText('Guerrillas wounded two soldiers in an ambush.'), 'wounded');
    expect(e?.sources.map((s) => s.cameo)).toEqual(['REB']);
    expect(names(e!.targets).join(' ')).toMatch(/soldiers/);
  });

  it('finds the doers a count or a title hides: "Thousands of Iraqi Kurds", "Cairo\'s security chief", "Palestinian leader X Wednesday"', () => {
    expect(eventAt(analyzeText('Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.'), 'demonstrated')?.sources.map((s) => s.cameo)).toEqual(['IRQ']);
    expect(eventAt(analyzeText("Cairo's security chief warned that the rallies would be broken up."), 'warned')?.sources.map((s) => s.cameo)).toEqual(['EGYCOP']);
    expect(eventAt(analyzeText('Palestinian leader Salim Haddad Wednesday rejected the offer.'), 'rejected')?.sources.map((s) => s.cameo)).toEqual(['PSEGOV']);
  });

  it('reads "guerrillas wounded two soldiers in a bomb attack" as one active act, whatever the tagger made of "wounded"', () => {
    const doc = analyzeText('Ruritanian guerrillas wounded two Iraqi soldiers in a bomb attack on Thursday, police said.');
    const attacks = eventsOf(doc).filter((e) => ['18', '19'].includes(e.rootCode));
    expect(attacks).toHaveLength(1);
    expect(names(attacks[0]!.sources).join(' ')).toMatch(/guerrillas/);
    expect(attacks[0]!.targets.map((t) => t.cameo)).toEqual(['IRQMIL']);
    // A passive participle is followed by a preposition, not a noun phrase: still passive.
    const passive = eventAt(analyzeText('Soldiers wounded in the attack were taken to hospital.'), 'wounded');
    expect(names(passive!.targets).join(' ')).toMatch(/Soldiers/);
  });

  it('gives a sentence that opens with "It" or "They" the body the sentence before was about', () => {
    const doc = analyzeText('The Iraqi army launched an offensive on Monday. It captured two villages near Mosul on Tuesday.');
    expect(eventAt(doc, 'captured')?.sources.map((s) => s.cameo)).toEqual(['IRQMIL']);
    // Not a person: "he" is read elsewhere, and "it" never stands for one.
    const person = analyzeText('Salim Haddad visited Basra on Monday. It was attacked on Tuesday.');
    expect(eventAt(person, 'attacked')?.targets.map((t) => t.name) ?? []).not.toContain('Salim Haddad');
  });

  it('reads an acronym in capitals as a name, and a sentence\'s only participle as its active verb', () => {
    const is = eventAt(analyzeText('IS fighters had carried out three attacks on Iraqi forces near the base.'), 'carried');
    expect(is?.sources.map((s) => s.cameo)).toEqual(['IMGMUS']);
    const fought = eventAt(analyzeText('Iraqi forces fought against IS in Mosul.'), 'fought');
    expect(fought?.sources.map((s) => s.cameo)).toEqual(['IRQMIL']);
    expect(fought?.targets.map((t) => t.cameo)).toEqual(['IMGMUS']);
    // A by-agent keeps it passive.
    expect(eventAt(analyzeText('Tankers attacked by gunboats off Saltmere.'), 'attacked')?.targets.map((t) => t.name)).toEqual(['Tankers']);
  });

  it('gives "him" the person named before it, so a killing told with a pronoun is that person\'s', () => {
    const doc = analyzeText('Salim Haddad led the brigade for a decade. Killing him in a drone strike was a gamble, the officer said.');
    expect(names(eventAt(doc, 'killing')?.targets ?? [])).toEqual(['Salim Haddad']);
  });

  it('dates a by-gerund by the verb it tells the manner of: "responded on Monday by firing rockets"', () => {
    const e = eventAt(analyzeText('The militias responded on Monday by firing rockets at the Saltmere base.'), 'firing');
    expect(e?.date).toBe('2020-05-04');
  });

  it('reads an act that is itself rejected as condemned, not denied; what rejected reports tell stays denied', () => {
    expect(eventAt(analyzeText('Ruritania rejected the violation of its airspace by Iraqi jets on Monday.'), 'violation')?.modality).toBe('asserted');
    expect(eventAt(analyzeText('Ruritania rejected reports that its jets attacked the convoy on Monday.'), 'attacked')?.modality).toBe('denied');
  });

  it('takes the phrase after a verb in scare quotes as its object', () => {
    const e = eventAt(analyzeText('Officials have said that the frigate “destroyed” an Iranian drone on Monday.'), 'destroyed');
    expect(names(e?.targets ?? [])).toEqual(['Iranian drone']);
  });

  it('codes a ship seized as property seized (171), impounded or confiscated as 1711, and a boat captured as no arrest', () => {
    expect(eventAt(analyzeText('Ruritanian guards seized a tanker in the strait on Monday.'), 'seized')?.code).toBe('171');
    expect(eventAt(analyzeText('Ruritanian guards impounded a tanker in the strait on Monday.'), 'impounded')?.code).toBe('1711');
    expect(eventAt(analyzeText('The envoy described the capture of two fishing boats as unacceptable.'), 'capture')?.code).toBe('171');
    expect(eventAt(analyzeText('Police in Saltmere arrested two protesters on Monday.'), 'arrested')?.code).toBe('173');
  });

  it('takes whom a talk is with as its target, even when the parse hangs the with-phrase on the topic', () => {
    const e = eventAt(analyzeText('The envoy discussed the deployment of missiles near the Saltmere strait with Ruritanian Foreign Minister Anna Kovac.'), 'discussed');
    expect(names(e?.targets ?? [])).toEqual(['Anna Kovac']);
    expect(names(eventAt(analyzeText('Trump discussed Iran with Macron on Friday.'), 'discussed')?.targets ?? [])).toEqual(['Emmanuel Macron']);
  });

  it('takes no weapon or force a show of force uses as its target', () => {
    expect(eventAt(analyzeText('Iran has test-fired its new anti-ship missile.'), 'test-fired')?.targets).toEqual([]);
  });

  it('reads what hit a mine as the target, with no attacker', () => {
    const e = eventAt(analyzeText('A Ruritanian patrol struck a roadside bomb near Saltmere on Monday.'), 'struck');
    expect(e?.sources).toEqual([]);
    expect(names(e?.targets ?? [])).toEqual(['Ruritanian patrol']);
  });

  it('reads "the rigs, one of which was shelled" as the rigs shelled', () => {
    const e = eventAt(analyzeText('The rigs, one of which was shelled by Ruritanian gunboats on Monday, were still burning.'), 'shelled');
    expect(names(e?.targets ?? [])).toEqual(['rigs']);
  });

  it('gives a gerund opened by "in" the subject of its clause, wherever the parse hung it', () => {
    const e = eventAt(analyzeText('Turkey invoked the right of self-defence in destroying a Syrian oil platform, the envoy said.'), 'destroying');
    expect(e?.sources.map((x) => x.cameo?.slice(0, 3))).toEqual(['TUR']);
  });

  it('gives an active verb joined to a reported passive clause the subject of the saying verb', () => {
    const e = eventAt(analyzeText('Iran said several sailors were injured in the raid and vowed retaliation.'), 'vowed');
    expect(e?.sources.map((s) => s.cameo?.slice(0, 3))).toEqual(['IRN']);
  });

  it('reads "undertook an act of aggression against X" as the subject\'s act', () => {
    const e = eventAt(analyzeText('Ruritania has undertaken an act of armed aggression against Iran.'), 'aggression');
    expect(names(e?.sources ?? [])).toEqual(['Ruritania']);
  });

  it('lets "it" stand for a group that claims an act', () => {
    const e = eventAt(analyzeText('An armed group claimed it had attacked the Saltmere checkpoint.'), 'attacked');
    expect(names(e?.sources ?? [])).toEqual(['armed group']);
  });

  it('places an act claimed through "responsibility for" by the claiming clause', () => {
    const doc = analyzeText('Rebels claimed responsibility for a drone attack on two oil facilities in eastern Saudi Arabia.');
    expect(placeName(doc, eventAt(doc, 'drone attack')!)).toBe('Saudi Arabia');
  });

  it('places an attack on a town there, but an attack on a country nowhere in particular', () => {
    const basra = analyzeText('The statement marked the end of an assault on the port city of Basra.');
    expect(placeName(basra, eventAt(basra, 'assault')!)).toMatch(/Basra/);
    const iraq = analyzeText('Ruritanian jets attacked Iraq on Monday.');
    expect(placeName(iraq, eventAt(iraq, 'attacked')!)).toBeNull();
  });

  it('lets "they" stand for the plural noun that says they did it, and reads through "tens of thousands of"', () => {
    expect(names(eventAt(analyzeText('Ruritanian militants said they attacked the Saltmere checkpoint on Monday.'), 'attacked')?.sources ?? [])).toEqual(['Ruritanian militants']);
    expect(names(eventAt(analyzeText('Tens of thousands of students staged demonstrations in Saltmere on Monday.'), 'staged')?.sources ?? [])).toEqual(['students']);
  });

  it('codes no demand for strikes ordered, only the strikes; a show of force takes no weapon system as target', () => {
    const text = 'In the autumn, Netanyahu ordered a series of Israeli strikes against militias in Saltmere.';
    const doc = analyzeText(text);
    expect(codesOf(text)).not.toContain('100');
    expect(eventAt(doc, 'strikes')).toBeDefined();
    expect(eventAt(analyzeText('Americans installed Patriot missile systems at Ain al-Asad air base.'), 'installed')?.targets).toEqual([]);
  });

  it('reads no word inside a name as a verb, whatever a headline\'s title case made of it', () => {
    expect(codesOf('U.S. Forces Withdraw From Key Base Near Syrian Border.')).not.toContain('170');
  });

  it('takes the name after "According to X," as the subject of the verb that follows it', () => {
    const e = eventAt(analyzeText('According to the presidency, Turkish President Recep Tayyip Erdogan convened a security meeting on Monday evening, attended by army chiefs.'), 'meeting');
    expect(e?.sources.map((s) => s.cameo)).toEqual(['TURGOV']);
  });

  it('reads "was going to (directly) attack" as planned, and "went on to attack" as done', () => {
    expect(eventAt(analyzeText('Ruritania was going to directly attack the Saltmere garrison.'), 'attack')?.modality).toBe('planned');
    expect(eventAt(analyzeText('Ruritanian troops went on to attack the Saltmere garrison.'), 'attack')?.modality).toBe('asserted');
    expect(eventAt(analyzeText('Ruritania was going to ‘directly attack the Saltmere garrison’, the memo showed.'), 'attack')?.modality).toBe('planned');
  });

  it('reads "a barrage of threats" as no shelling, and "a barrage of rockets" as one', () => {
    expect(codesOf('Ruritania launched a barrage of threats and ridicule on Monday.').filter((c) => c.startsWith('19'))).toEqual([]);
    expect(codesOf('A barrage of rockets slammed into the Saltmere base on Monday.')).toContain('194');
  });

  it('denies only what a denial governs, not a second verb joined to it', () => {
    const doc = analyzeText('Iran denied reports that it intended to threaten shipping and said any Ruritanian interference would meet a strong response.');
    expect(eventAt(doc, 'meet')?.modality).toBe('conditional');
    expect(eventAt(doc, 'threaten')?.modality).toBe('denied');
    expect(eventAt(analyzeText('Iran denied that it attacked the ship and seized its crew.'), 'seized')?.modality).toBe('denied');
  });

  it('gives a threat whose verb names no one to carry it out to its speaker, but not a threat a speaker only tells of', () => {
    const made = eventAt(analyzeText('Any Saltmere attack on our ships will bring a forceful response, a Turkish defence official said.'), 'bring');
    expect(made?.sources.map((s) => s.cameo)).toEqual(['TURGOV']);
    // "it" is the drone, not the president who tells of it.
    const told = eventAt(analyzeText('President Donald Trump said the drone flew to within 1,000 meters of the ship after it threatened the ship.'), 'threatened');
    expect(told?.sources.map((s) => s.name)).not.toContain('Donald Trump');
    // A threat named by a noun is what the speaker speaks of.
    const spoken = eventAt(analyzeText('"The threat to Turkish citizens has grown," the Turkish defence minister said.'), 'threat');
    expect(spoken?.sources ?? []).toEqual([]);
  });

  it('keeps an international body the actor when its ministers act, and names a seized ship by its quoted name', () => {
    expect(eventAt(analyzeText('OPEC ministers reached an accord in Vienna on Saturday.'), 'reached')?.sources.map((s) => s.cameo)).toEqual(['IGO']);
    const seized = eventAt(analyzeText('The tanker “Sea Lark” was seized on Friday by Iranian forces.'), 'seized');
    expect(names(seized?.targets ?? [])).toEqual(['Sea Lark']);
    expect(names(eventAt(analyzeText('Iranian forces seized the tanker “Sea Lark” on Friday.'), 'seized')?.targets ?? [])).toEqual(['Sea Lark']);
    const captured = eventAt(analyzeText('Iran said the vessel named "Blue Heron" had been captured in the strait.'), 'captured');
    expect(names(captured?.targets ?? [])).toEqual(['Blue Heron']);
  });

  it('matches no verb-and-object entry across a preposition: "launching posts for attacks", "meeting on a response"', () => {
    const doc = analyzeText('The army says the raids are aimed at guerrilla bases and launching posts for attacks against Saltmere.');
    expect(eventAt(doc, 'launching')).toBeUndefined();
    expect(eventAt(analyzeText('Ruritanian officials had been meeting on a response since Friday.'), 'meeting')?.code).toBe('040');
    expect(codesOf('Ruritanian rebels launched a wave of attacks on Monday.')).toContain('190');
  });

  it('reads a participle before its noun as done to that noun, by no one the phrase names', () => {
    const e = eventAt(analyzeText('Walters said that the gunmen on the destroyed Iranian platform had fired at passing ships.'), 'destroyed');
    expect(e?.sources ?? []).toEqual([]);
    expect(e?.targets.map((t) => t.cameo)).toEqual(['IRN']);
  });

  it('codes an attack from the air as aerial: jets pounding positions, a killing in an attack by aircraft, a drone attack in a headline', () => {
    expect(eventAt(analyzeText('Turkish jets began pounding positions of Kurdish fighters near the town.'), 'pounding')?.code).toBe('195');
    expect(eventAt(analyzeText('Turkish troops began pounding positions of Kurdish fighters near the town.'), 'pounding')?.code).toBe('194');
    expect(eventAt(analyzeText('Ten Turkish soldiers were killed in an attack by Russian aircraft in Idlib.'), 'killed')?.code).toBe('195');
    expect(codesOf('Saltmere cuts oil output after Houthi drone attack')).toContain('1952');
  });

  it('places an event told in a "where" clause at the place the clause follows', () => {
    const doc = analyzeText('Most of the casualties were in Mosul, where at least eight protesters were killed.');
    expect(placeName(doc, eventAt(doc, 'killed')!)).toBe('Mosul');
  });

  it('dates no act by a time that names a thing ("the 1973 War Powers Act"), but keeps the time of its own noun', () => {
    expect(eventAt(analyzeText('Ruritanian lawmakers demanded that the president comply with the 1973 War Powers Act.'), 'demanded')?.date).toBeNull();
    expect(eventAt(analyzeText('The rebels launched a major overnight assault on the town.'), 'launched')?.date).toBe('2020-05-04');
    expect(eventAt(analyzeText('In March the president announced sanctions on Saltmere.'), 'announced')?.date).toBe('2020-03');
  });

  it('reads "demonstrated" as a protest only with no object, clause or passive', () => {
    expect(codesOf('Nor have the attacks on the embassy been demonstrated to be their work.')).not.toContain('141');
    expect(codesOf('The test demonstrated that the missile works.')).not.toContain('141');
    expect(codesOf('Thousands demonstrated outside the embassy on Friday.')).toContain('141');
  });

  it('binds "its" to the subject of the clauses it lies in, not to the last state named in a list', () => {
    const doc = analyzeText("Damascus's forces were holding new positions after their assault on Turkish lines near the border.");
    expect(eventAt(doc, 'assault')?.sources.map((t) => t.cameo)).toEqual(['SYRMIL']);
    const kuwait = eventAt(analyzeText('Kuwait agreed to charter tankers from Russia in a move to protect its oil exports.'), 'protect');
    expect(kuwait?.targets.map((t) => t.cameo) ?? []).not.toContain('RUS');
  });

  it('reads a state named before "flagged" as the flag, however the hyphen is spaced', () => {
    const e = eventAt(analyzeText('Ruritania fired a missile at a U.S.- flagged Kuwaiti ship on Friday.'), 'fired');
    expect(e?.targets.map((t) => t.cameo)).toEqual(['KWT']);
  });

  it('puts no object first for a pattern that ends in a preposition ("a camp for refugees was attacked" is no criticism)', () => {
    const e = eventAt(analyzeText('A camp for Saltmere refugees was attacked by militiamen armed with machetes, the agency reported.'), 'attacked');
    expect(e?.code).toBe('190');
  });

  it('never reads an object pronoun as the subject of its own verb', () => {
    const e = eventAt(analyzeText('Iranian gunboats were fleeing when U.S. helicopters attacked them.'), 'attacked');
    expect(e?.targets.map((t) => t.cameo)).toEqual(['IRNMIL']);
  });

  it('reads quelling a mood or a fire as no repression, however the parse reads the participle before it', () => {
    expect(codesOf('The envoy flew to Saltmere to help quell escalating tension in the region.')).not.toContain('175');
    expect(codesOf('Riot police quelled the protests in Saltmere on Friday.')).toContain('175');
  });

  it('reads fire fighters as no armed group, and their deployment as no show of force', () => {
    expect(codesOf('Fire fighters and rescue teams were deployed to the site, the governor said.')).not.toContain('154');
    expect(codesOf('Ruritanian troops were deployed to the border on Monday.')).toContain('154');
  });

  it('reads "Thank God" as no praise of anyone', () => {
    expect(codesOf('Thank God, the plant is working as before, the director said.')).not.toContain('051');
    expect(codesOf('The minister thanked Ruritania for its help.')).toContain('051');
  });

  it('takes no one who tells an act as what the act was done to', () => {
    const e = eventAt(analyzeText('The fires were under control and the authorities were investigating, the ministry tweeted.'), 'investigating');
    expect(e?.targets ?? []).toEqual([]);
  });

  it('reads "to help quell" as a purpose, not a deed, and "helped quell" as done', () => {
    expect(eventAt(analyzeText('The government sent troops to Saltmere to help quell the protests.'), 'quell')?.modality).toBe('hypothetical');
    expect(eventAt(analyzeText('Turkish troops helped quell the protests in Saltmere.'), 'quell')?.modality).toBe('asserted');
  });

  it('dates an event told in a "when" clause by the time the clause follows, which another event may hold too', () => {
    expect(eventAt(analyzeText('The last attack on shipping was on April 8, when a Saltmere tanker was hit by a missile.'), 'hit')?.date).toBe('2020-04-08');
  });

  it('reads "a group of X" and "a crowd of X" through to the people they gather', () => {
    const e = eventAt(analyzeText('A group of Chechen refugees are continuing a hunger strike in Saltmere.'), 'continuing');
    expect(names(e?.sources ?? [])).toEqual(['Chechen refugees']);
  });

  it('reads a participle right after its subject as active when an object follows it (a passive takes none)', () => {
    const e = eventAt(analyzeText('Zambia extradited suspected British militant Omar Haddad to Britain on Sunday, an official said.'), 'extradited');
    expect(e?.sources.map((s) => s.cameo)).toEqual(['ZMB']);
    expect(names(eventAt(analyzeText('Three soldiers killed in the ambush were buried on Monday.'), 'killed')?.targets ?? [])).toEqual(['Three soldiers']);
  });

  it('gives an act named by a noun the subject of "give", "provide" or "tighten" as its doer', () => {
    expect(eventAt(analyzeText('Finland will give Ruritania a grant of 580 million shillings next year.'), 'grant')?.sources.map((s) => s.cameo)).toEqual(['FINGOV']);
    expect(eventAt(analyzeText('NATO said it would tighten the naval blockade of Serbia.'), 'naval')?.sources.map((s) => s.cameo)).toEqual(['IGO']);
  });
});
