/**
 * Place-name keys: one spelling-insensitive key per name, so "Al-Qa'im", "al Qaim" and
 * "Qaim" meet, and "Ḥalab" meets "Halab". Keys are for lookups, never for display.
 */

// Arabic article particles, written "al-", "el-", or assimilated ("ad-Din", "as-Sakhar").
const ARTICLES = new Set([
  'al', 'el', 'ad', 'as', 'an', 'ar', 'at', 'az', 'ash', 'ath', 'adh', 'ul', 'ud', 'ut',
  'ez', 'es', 'ed', 'et', 'er', 'en', 'esh',
]);

// Abbreviated and full forms of common name words meet on the short form.
const WORD_FORMS: ReadonlyMap<string, string> = new Map([
  ['saint', 'st'],
  ['sainte', 'ste'],
  ['mount', 'mt'],
  ['fort', 'ft'],
  ['point', 'pt'],
]);

const PLAIN = /^[\x20-\x7e]*$/;

/** Lower-case, diacritics folded, apostrophes and ayn/hamza marks dropped, punctuation as spaces. */
export function foldName(name: string): string {
  // Most names are plain ASCII: skip Unicode normalization, the costliest step of a gazetteer build.
  if (PLAIN.test(name)) {
    return name
      .toLowerCase()
      .replace(/['`]/g, '')
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßẞ]/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[ıİ]/g, 'i')
    .replace(/[đĐ]/g, 'd')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/['’‘`´ʿʾʻʼ]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The lookup key: the folded name without a leading "the" and without Arabic article
 * particles anywhere ("Jurf al-Sakhar" = "Jurf as Sakhar" = "Jurf Sakhar"). A name that is
 * only particles keeps them.
 */
export function placeKey(name: string): string {
  const folded = foldName(name);
  if (!folded.includes(' ')) return ARTICLES.has(folded) ? folded : (WORD_FORMS.get(folded) ?? folded);
  const words = folded.split(' ');
  if (words[0] === 'the' && words.length > 1) words.shift();
  const kept = words.filter((w) => !ARTICLES.has(w));
  return (kept.length > 0 ? kept : words).map((w) => WORD_FORMS.get(w) ?? w).join(' ');
}

/** Trailing words that say what kind of unit a name is: "Anbar Province", "Washington state". */
export const UNIT_SUFFIXES: ReadonlyMap<string, 'admin1' | 'admin2' | 'city' | 'region'> = new Map([
  ['province', 'admin1'],
  ['governorate', 'admin1'],
  ['state', 'admin1'],
  ['region', 'admin1'],
  ['oblast', 'admin1'],
  ['prefecture', 'admin1'],
  ['department', 'admin1'],
  ['district', 'admin2'],
  ['county', 'admin2'],
  ['parish', 'admin2'],
  ['city', 'city'],
  ['town', 'city'],
]);

/** A key split into its base and unit suffix: "anbar province" → { base: "anbar", unit: "admin1" }. */
export function splitUnitSuffix(key: string): { base: string; unit: 'admin1' | 'admin2' | 'city' | 'region' } | null {
  const space = key.lastIndexOf(' ');
  if (space <= 0) return null;
  const unit = UNIT_SUFFIXES.get(key.slice(space + 1));
  return unit === undefined ? null : { base: key.slice(0, space), unit };
}

/**
 * A looser key for names written the way people transliterate them: "Falluja", "Fallujah"
 * and "Fallouja" meet, as do "Kerkuk" and "Kirkuk", "Salahuddin" and "Salah al-Din". Words
 * are joined (so "Salah al-Din" meets "Salahuddin"), an article assimilated inside a word
 * ("-ud-d", "-ed-d") is dropped, vowels fall into three classes (a; e, i, y; o, u), "ou"
 * and "oo" are u, "q" and "ck" are k, a final "h" after a vowel and a final "e" after a
 * consonant go, and doubled letters are single. Only a fallback when the exact key finds
 * nothing: it joins names that are different places too.
 */
export function variantKey(key: string): string {
  const unit = splitUnitSuffix(key);
  const base = unit === null ? key : unit.base;
  return base
    .split(' ')
    .map((word) => word.replace(/^(.{3,}?)[eu](d|s|n|r|t|z)\2(?=[aeiou])/, '$1$2'))
    .join('')
    .replace(/([aeiou])h$/, '$1')
    .replace(/([^aeiouy])e$/, '$1')
    .replace(/ou|oo/g, 'u')
    .replace(/ck|q/g, 'k')
    .replace(/[eiy]/g, 'i')
    .replace(/o/g, 'u')
    .replace(/(.)\1+/g, '$1');
}
