import type { CasingWords } from '../text/casing.js';
import words from './lexicon/casing-words.json' with { type: 'json' };

/** Which capitals are the source's artefact (lexicon/casing-words.json), for the casing stage. */
export function loadCasingWords(): CasingWords {
  return { abbreviations: words.abbreviations, namesOnTheirOwn: words.namesOnTheirOwn };
}
