/**
 * Repairs mojibake: UTF-8 text that was read as Windows-1252 somewhere on its way ("Kessowâ€™s"
 * for "Kessow’s", "â€‹" for a zero-width space). A copy scraped through such a page differs
 * from its source in every apostrophe and dash, and each one breaks a few shingles; undoing
 * the misreading makes the two compare equal again.
 *
 * Only runs that re-encode to one valid UTF-8 character are replaced, so ordinary accented
 * text ("Kessów", "São Tomé", "Ã" before a capital) is left alone: a lead byte must be
 * followed by exactly the continuation bytes it announces.
 */

// Windows-1252 at bytes 0x80–0x9F; the five bytes it leaves undefined read as the C1 controls.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const CONTINUATION = `[\\u0080-\\u00BF${CP1252_HIGH.replace(/[\u0080-\u00BF]/g, '')}]`;

// A lead byte (0xC2–0xF4 read as Latin-1) and up to three continuation bytes.
const SUSPECT = new RegExp(`[\\u00C2-\\u00F4]${CONTINUATION}{1,3}`, 'g');

const decoder = new TextDecoder('utf-8', { fatal: true });

export function repairMojibake(text: string): string {
  // Most text has none: a cheap test first keeps the common path free.
  if (!/[\u00C2-\u00F4]/.test(text)) return text;
  return text.replace(SUSPECT, repairRun);
}

function repairRun(run: string): string {
  const bytes = Array.from(run, byteOf);
  const length = sequenceLength(bytes[0]!);
  if (length === 0 || bytes.length < length) return run;
  try {
    return decoder.decode(Uint8Array.from(bytes.slice(0, length))) + run.slice(length);
  } catch {
    return run;
  }
}

/** The Windows-1252 byte a character stands for (every character of a SUSPECT run has one). */
function byteOf(char: string): number {
  const code = char.charCodeAt(0);
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  const high = CP1252_HIGH.indexOf(char);
  return high >= 0 ? 0x80 + high : code;
}

/** Bytes in the UTF-8 sequence a lead byte opens; 0 when it opens none. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}
