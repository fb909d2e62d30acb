/**
 * Word forms the features read. CoNLL is ASCII while Dossier's news uses curly quotes and
 * typographic dashes, so every feature sees quotes and dashes folded to ASCII first.
 */

const FOLD: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '`': "'",
  'ʼ': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '«': '"',
  '»': '"',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
};

const FOLDABLE = /[‘’‚‛`ʼ“”„‟«»‐‑‒–—―−]/g;

export function foldWord(word: string): string {
  return word.replace(FOLDABLE, (ch) => FOLD[ch] ?? ch);
}

function charClass(ch: string): string {
  if (ch >= '0' && ch <= '9') return 'd';
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower === upper) return ch;
  return ch === upper ? 'X' : 'x';
}

/** "Muhandis" → "Xxxxx" (runs capped at four), "1996-08-22" → "dddd-dd-dd". */
export function longShape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    const c = charClass(ch);
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 4) out += c;
  }
  return out;
}

/** "Muhandis" → "Xx", "al-Muhandis" → "x-Xx", "U.S." → "X.X.". */
export function shortShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = charClass(ch);
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

export function hasLetter(word: string): boolean {
  return word.toLowerCase() !== word.toUpperCase();
}

/** Starts with an upper-case letter. */
export function isCapitalized(word: string): boolean {
  const first = word[0] ?? '';
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Has letters and none of them lower-case ("IRAQ", "U.S."). */
export function isAllCaps(word: string): boolean {
  return hasLetter(word) && word === word.toUpperCase();
}
