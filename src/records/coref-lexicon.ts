import type { LemmaRules } from '../nlp/syntax/lemmatizer.js';
import { lemmaOfWord } from '../nlp/syntax/word-lemma.js';

/**
 * Hand-written groups of English words that news uses for one kind of event ("arrest",
 * "capture", "nab"), general knowledge written for this project, not learned from any corpus.
 * Two different trigger lemmas in one group may name the same event; the pair model weighs
 * that evidence with the rest (a shared group alone does not link two mentions).
 * Words are lemmatised with the project's lemma rules when the lexicon is made, so they
 * match trigger lemmas.
 */
const GROUPS: readonly string[] = [
  // violence and death
  'kill killing murder slay slaying homicide assassinate assassination massacre slaughter execute execution die death dead perish fatality fatal dying',
  'shoot shooting shot gunfire gun gunman gunned fire',
  'attack assault raid ambush strike bombing bomb blast explosion explode shelling airstrike hit',
  'injure injury wound hurt wounded maim',
  'stab stabbing knife',
  'kidnap kidnapping abduct abduction hostage seize',
  'hijack hijacking seize seizure commandeer',
  'rob robbery heist steal theft burglary burgle loot holdup stickup',
  'rape molest abuse assault',
  // crime and justice
  'arrest capture apprehend nab detain detention custody catch seize bust collar',
  'charge indict indictment accuse accusation prosecute prosecution',
  'convict conviction guilty',
  'sentence jail imprison imprisonment prison term',
  'release free parole bail',
  'escape flee run getaway abscond evade',
  'surrender',
  'trial hearing case',
  'plead plea',
  'testify testimony',
  'investigate investigation probe inquiry',
  'search hunt manhunt',
  'find discover locate discovery',
  'thwart foil prevent avert stop block',
  // accidents and disasters
  'crash accident collision collide wreck smash',
  'fall plunge tumble slip',
  'sink capsize',
  'fire blaze burn arson inferno flame',
  'quake earthquake temblor tremor shake',
  'flood flooding deluge',
  'storm hurricane cyclone typhoon tornado',
  'erupt eruption',
  'evacuate evacuation',
  'rescue save',
  'spill leak',
  'outage downtime disruption failure cut sever',
  'hack hacking breach cyberattack intrusion',
  'recall defect',
  // politics and war
  'invade invasion incursion offensive',
  'deploy deployment dispatch',
  'ceasefire truce',
  'elect election vote ballot poll',
  'protest demonstration rally march',
  'meet meeting talk summit',
  'sign signing agreement deal accord treaty pact',
  'resign resignation quit step leave depart departure',
  'fire dismiss dismissal sack oust ouster terminate termination axe remove removal relieve',
  'hire appoint appointment name tap choose select pick replace succeed successor',
  'nominate nomination nominee',
  'suspend suspension ban',
  // business and technology
  'buy acquire acquisition purchase takeover bid merger merge',
  'announce announcement unveil reveal launch introduce introduction debut present',
  'sell sale',
  // sport and entertainment
  'win victory beat defeat triumph clinch rout edge top',
  'lose loss',
  'trade swap deal',
  'host hosting emcee present',
  'ceremony gala award awards show telecast broadcast',
  'perform performance concert gig',
  // personal life
  'marry marriage wedding wed',
  'divorce split separation',
  'birth born bear deliver',
  'rehab rehabilitation treatment',
  'drive driving dui dwi drunk',
];

/** Words that stand in for an event already named ("the incident", "it"). */
const ANAPHORS = ['it', 'this', 'that', 'incident', 'event', 'tragedy', 'episode', 'affair', 'case', 'situation', 'ordeal'];

/** The lexicon in lemmas: made once per lemma rules, by createEventLexicon. */
export interface EventLexicon {
  /** True when some lemma of `a` and some lemma of `b` share a lexicon group. */
  readonly related: (a: Iterable<string>, b: Iterable<string>) => boolean;
  /** True for a lemma that stands in for an event already named. */
  readonly isAnaphor: (lemma: string) => boolean;
}

export function createEventLexicon(rules: LemmaRules): EventLexicon {
  const groupsOf = new Map<string, number[]>();
  GROUPS.forEach((line, g) => {
    for (const word of line.split(' ')) {
      const lemma = lemmaOfWord(rules, word);
      const list = groupsOf.get(lemma) ?? [];
      if (!list.includes(g)) list.push(g);
      groupsOf.set(lemma, list);
    }
  });
  const anaphors = new Set(ANAPHORS.map((w) => lemmaOfWord(rules, w)));
  return {
    related: (a, b) => {
      const groups = new Set<number>();
      for (const lemma of a) for (const g of groupsOf.get(lemma) ?? []) groups.add(g);
      for (const lemma of b) for (const g of groupsOf.get(lemma) ?? []) if (groups.has(g)) return true;
      return false;
    },
    isAnaphor: (lemma) => anaphors.has(lemma),
  };
}
