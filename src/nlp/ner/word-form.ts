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
  // Most words have nothing to fold: a scan of their code units is cheaper than the replace.
  // Every foldable character is '`' or from U+00AB on.
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === 0x60 || code >= 0xab) return word.replace(FOLDABLE, (ch) => FOLD[ch] ?? ch);
  }
  return word;
}

function charClass(ch: string): string {
  // ASCII first, without changing case: most words are ASCII, and the answer is the same.
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    if (code >= 0x30 && code <= 0x39) return 'd';
    if (code >= 0x41 && code <= 0x5a) return 'X';
    if (code >= 0x61 && code <= 0x7a) return 'x';
    return ch;
  }
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
