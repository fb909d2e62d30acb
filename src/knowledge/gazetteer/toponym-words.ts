import type { DocumentFrequencies } from '../document-frequencies.js';
import words from '../lexicon/toponym-words.json' with { type: 'json' };

/**
 * The words by which the place recognizer tells a place name from other names
 * (`lexicon/toponym-words.json` says what each list is for). Loaded once and passed in.
 */
export interface ToponymWords {
  /** Capitalized last words that make a name a place: "County", "Street", "River". */
  readonly placeTails: ReadonlySet<string>;
  /** Capitalized first words (or two words) that make a name a place: "Lake", "Town of". */
  readonly placeHeads: readonly string[];
  /** Unit words a place name takes back when the tagger left them out: "County". */
  readonly unitWords: ReadonlySet<string>;
  /** Last words that turn a state's name into an institution's: "Ohio State". */
  readonly institutionTails: ReadonlySet<string>;
  /** Abbreviated provinces written with a final period: "Sask.". */
  readonly provinceAbbreviations: ReadonlySet<string>;
  /** Lower-case words written before a person's name: "coach", "mr". */
  readonly personTitles: ReadonlySet<string>;
  /** Prepositions after which a known name is a place: "in", "near". */
  readonly locativePrepositions: ReadonlySet<string>;
  /** Words after a place name that make an organisation of it: "Police", "Town". */
  readonly localInstitutionWords: ReadonlySet<string>;
  /** Party letters before a lawmaker's home town: "R", "DFL". */
  readonly partyPrefixes: ReadonlySet<string>;
  /** True for a word news writes as an ordinary word ("section", "health", "park"). */
  readonly ordinaryWord: (word: string) => boolean;
}

/**
 * `frequencies` tells ordinary words: a lemma the news counts list in three or more stories
 * has an idf below the rarest's.
 */
export function loadToponymWords(frequencies: DocumentFrequencies): ToponymWords {
  const rarest = frequencies.idf('\u0000');
  return {
    placeTails: new Set(words.placeTails.words),
    placeHeads: [...words.placeHeads.words],
    unitWords: new Set(words.unitWords.words),
    institutionTails: new Set(words.institutionTails.words),
    provinceAbbreviations: new Set(words.provinceAbbreviations.words),
    personTitles: new Set(words.personTitles.words),
    locativePrepositions: new Set(words.locativePrepositions.words),
    localInstitutionWords: new Set(words.localInstitutionWords.words),
    partyPrefixes: new Set(words.partyPrefixes.words),
    ordinaryWord: (word) => frequencies.idf(word.toLowerCase()) < rarest,
  };
}
