/**
 * Abbreviations written in lower case inside running text. "vs." and "cf." sit between
 * two things and never end a sentence; the others may ("…and so on, etc. The next…").
 * Letter-dot forms such as "e.g.", "i.e." and "a.m." are caught by the acronym pattern.
 */
export const midSentenceLowercase: readonly string[] = Object.freeze(['vs', 'cf', 'approx', 'ca']);

export const terminalLowercase: readonly string[] = Object.freeze(['etc', 'al', 'ph.d', 'esp', 'incl', 'est']);
