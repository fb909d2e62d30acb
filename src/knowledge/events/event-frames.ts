import words from '../lexicon/event-frames.json' with { type: 'json' };
import reporting from '../lexicon/reporting-verbs.json' with { type: 'json' };

/**
 * The word classes by which the events stage reads an event's arguments from the dependency
 * tree (see `lexicon/event-frames.json` for what each class means). Lemmas, lower case.
 */
export interface EventFrameWords {
  readonly lightVerbs: ReadonlySet<string>;
  readonly patientPossessors: ReadonlySet<string>;
  readonly targetPrepositions: ReadonlySet<string>;
  readonly agentPrepositions: ReadonlySet<string>;
  readonly instrumentPrepositions: ReadonlySet<string>;
  readonly bodyPrepositions: ReadonlySet<string>;
  readonly blameVerbs: ReadonlySet<string>;
  readonly namingWords: ReadonlySet<string>;
  readonly responseVerbs: ReadonlySet<string>;
  readonly weaponNouns: ReadonlySet<string>;
  /** "a tanker hit a mine": charges whose striker is the one hit. */
  readonly mineNouns: ReadonlySet<string>;
  /** "the rigs, one of which was shelled": words picking some of a set named before them. */
  readonly partitiveWords: ReadonlySet<string>;
  readonly sayingVerbs: ReadonlySet<string>;
  readonly implicativeVerbs: ReadonlySet<string>;
  readonly aircraftNouns: ReadonlySet<string>;
  readonly droneNouns: ReadonlySet<string>;
  readonly referringPronouns: ReadonlySet<string>;
  readonly speechAgentPrepositions: ReadonlySet<string>;
  readonly undergoerVerbs: ReadonlySet<string>;
  /** "22 soldiers died in a Syrian strike": the subject is the target of the attack in the 'in' phrase. */
  readonly casualtyVerbs: ReadonlySet<string>;
  /** "a city that has seen civil war and bombings": perfect verbs whose bare event nouns are history. */
  readonly historyVerbs: ReadonlySet<string>;
  /** Lemmas of reporting verbs (lexicon/reporting-verbs.json): 'Iran reported heavy fighting today'. */
  readonly reportingVerbs: ReadonlySet<string>;
  /** CAMEO codes of acts parties do with each other: two doers and no one acted on give one event each way. */
  readonly reciprocalCodes: ReadonlySet<string>;
  /** "attacked the base at dawn": a time of day, never a thing acted on. */
  readonly timeOfDayNouns: ReadonlySet<string>;
  /** "estimated the damage at 50 million dollars": an amount, never a thing acted on. */
  readonly measureNouns: ReadonlySet<string>;
  /** "carried out a series of attacks": a noun counting acts, never a thing acted on. */
  readonly countingNouns: ReadonlySet<string>;
  /** "protesters demonstrated outside": verbs that name their event only with no object, clause or passive. */
  readonly objectlessVerbs: ReadonlySet<string>;
  /** "an offensive on the northern front": a noun that says where, never what was hit. */
  readonly whereNouns: ReadonlySet<string>;
  /** "positions held by the army corps": participles whose by-phrase names who holds the thing hit. */
  readonly holdingVerbs: ReadonlySet<string>;
  /** "“We will respond,” the minister said": first-person subjects of a direct quote stand for its speaker. */
  readonly speakerPronouns: ReadonlySet<string>;
  /** "he", "him": pronouns that stand for a person named before them. */
  readonly personPronouns: ReadonlySet<string>;
  /** "numerous attacks targeting Americans": a kind of act, not one that happened. */
  readonly genericQuantifiers: ReadonlySet<string>;
  /** "any attack on our forces": an act that may come, hypothetical. */
  readonly freeChoiceDeterminers: ReadonlySet<string>;
  /** "any interference would meet a strong response": a threat against such an act is conditional on it. */
  readonly conditionDeterminers: ReadonlySet<string>;
  /** "was asked why", "asked if": verbs that ask a question rather than make an appeal. */
  readonly questionVerbs: ReadonlySet<string>;
  /** Words opening the question such a verb asks: "if", "whether", "why", "how", and "about". */
  readonly questionOpeners: ReadonlySet<string>;
  /** "the raid by X on Y": prepositions naming what an attack hit. */
  readonly attackedPrepositions: ReadonlySet<string>;
  /** "RELATED Example headline", "Read More: …": a line pointing to another story. */
  readonly linkLineOpeners: ReadonlySet<string>;
}

export function loadEventFrameWords(): EventFrameWords {
  const set = (list: { lemmas: string[] }) => new Set(list.lemmas);
  return {
    lightVerbs: set(words.lightVerbs),
    patientPossessors: set(words.patientPossessors),
    targetPrepositions: set(words.targetPrepositions),
    agentPrepositions: set(words.agentPrepositions),
    instrumentPrepositions: set(words.instrumentPrepositions),
    bodyPrepositions: set(words.bodyPrepositions),
    blameVerbs: set(words.blameVerbs),
    namingWords: set(words.namingWords),
    responseVerbs: set(words.responseVerbs),
    weaponNouns: set(words.weaponNouns),
    mineNouns: set(words.mineNouns),
    partitiveWords: set(words.partitiveWords),
    sayingVerbs: set(words.sayingVerbs),
    implicativeVerbs: set(words.implicativeVerbs),
    aircraftNouns: set(words.aircraftNouns),
    droneNouns: set(words.droneNouns),
    referringPronouns: set(words.referringPronouns),
    speechAgentPrepositions: set(words.speechAgentPrepositions),
    undergoerVerbs: set(words.undergoerVerbs),
    casualtyVerbs: set(words.casualtyVerbs),
    historyVerbs: set(words.historyVerbs),
    reportingVerbs: new Set(Object.keys(reporting.verbs)),
    reciprocalCodes: new Set(words.reciprocalCodes.codes),
    timeOfDayNouns: set(words.timeOfDayNouns),
    measureNouns: set(words.measureNouns),
    countingNouns: set(words.countingNouns),
    objectlessVerbs: set(words.objectlessVerbs),
    whereNouns: set(words.whereNouns),
    holdingVerbs: set(words.holdingVerbs),
    speakerPronouns: set(words.speakerPronouns),
    personPronouns: set(words.personPronouns),
    genericQuantifiers: set(words.genericQuantifiers),
    freeChoiceDeterminers: set(words.freeChoiceDeterminers),
    conditionDeterminers: set(words.conditionDeterminers),
    questionVerbs: set(words.questionVerbs),
    questionOpeners: set(words.questionOpeners),
    attackedPrepositions: set(words.attackedPrepositions),
    linkLineOpeners: set(words.linkLineOpeners),
  };
}
