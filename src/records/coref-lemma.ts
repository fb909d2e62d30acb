/**
 * A small rule-based English lemmatizer for event triggers, and the choice of a trigger's
 * head word. Good enough to tell "killed", "kills" and "killing" are one lemma; it does not
 * try to be a morphological analyser.
 */

/** Irregular forms news triggers take → lemma. */
const IRREGULAR: Readonly<Record<string, string>> = {
  was: 'be', were: 'be', been: 'be', is: 'be', are: 'be', am: 'be',
  began: 'begin', begun: 'begin', blew: 'blow', blown: 'blow', broke: 'break', broken: 'break',
  brought: 'bring', bought: 'buy', caught: 'catch', chose: 'choose', chosen: 'choose', came: 'come',
  did: 'do', done: 'do', drew: 'draw', drawn: 'draw', drove: 'drive', driven: 'drive', died: 'die', dies: 'die', dying: 'die',
  fell: 'fall', fallen: 'fall', fought: 'fight', found: 'find', fled: 'flee', flew: 'fly', flown: 'fly',
  forgave: 'forgive', froze: 'freeze', frozen: 'freeze', gave: 'give', given: 'give', got: 'get', gotten: 'get',
  went: 'go', gone: 'go', grew: 'grow', grown: 'grow', had: 'have', has: 'have', heard: 'hear', held: 'hold', hid: 'hide', hidden: 'hide',
  hit: 'hit', hurt: 'hurt', kept: 'keep', knew: 'know', known: 'know', laid: 'lay', led: 'lead', left: 'leave', lent: 'lend',
  let: 'let', lay: 'lie', lain: 'lie', lost: 'lose', made: 'make', meant: 'mean', met: 'meet', paid: 'pay', put: 'put', quit: 'quit',
  ran: 'run', rang: 'ring', rose: 'rise', risen: 'rise', said: 'say', saw: 'see', seen: 'see', sought: 'seek', sold: 'sell', sent: 'send',
  set: 'set', shook: 'shake', shot: 'shoot', shut: 'shut', slew: 'slay', slain: 'slay', spoke: 'speak', spoken: 'speak', spent: 'spend',
  stood: 'stand', stole: 'steal', stolen: 'steal', struck: 'strike', stricken: 'strike', swore: 'swear', sworn: 'swear',
  took: 'take', taken: 'take', taught: 'teach', told: 'tell', thought: 'think', threw: 'throw', thrown: 'throw',
  understood: 'understand', woke: 'wake', won: 'win', wore: 'wear', worn: 'wear', wrote: 'write', written: 'write',
  withdrew: 'withdraw', withdrawn: 'withdraw', overthrew: 'overthrow', overthrown: 'overthrow', overran: 'overrun',
  underwent: 'undergo', undergone: 'undergo', became: 'become', ate: 'eat', eaten: 'eat', felt: 'feel', fed: 'feed',
  built: 'build', bit: 'bite', bitten: 'bite', bled: 'bleed', dealt: 'deal', dug: 'dig', hung: 'hang', lit: 'light', sank: 'sink', sunk: 'sink',
  spread: 'spread', split: 'split', upset: 'upset', agreed: 'agree', freed: 'free', decreed: 'decree', guaranteed: 'guarantee', wound: 'wind', men: 'man', women: 'woman', children: 'child', people: 'person',
};

/** Words that end in -s, -ed or -ing but are lemmas already. */
const KEEP = new Set(['news', 'series', 'crisis', 'bus', 'gas', 'this', 'was', 'has', 'is', 'thus', 'plus', 'status', 'virus', 'bed', 'red', 'need', 'speed', 'seed', 'feed', 'shed', 'hundred', 'sacred', 'thing', 'king', 'ring', 'sing', 'bring', 'during', 'evening', 'morning', 'spring', 'string', 'wing', 'swing', 'sibling', 'ceiling', 'analysis', 'diagnosis', 'alias', 'chaos', 'canvas', 'always', 'perhaps', 'towards', 'us', 'its', 'dies']);

const VOWEL = /[aeiou]/;

const isDoubled = (stem: string): boolean => {
  const n = stem.length;
  return n >= 3 && stem[n - 1] === stem[n - 2] && !/[lsz]/.test(stem[n - 1] ?? '') && !VOWEL.test(stem[n - 1] ?? '');
};

/**
 * Undoes the suffix of -ed/-ing: a doubled consonant is undoubled ("stopped" → "stop"; but
 * "killed" keeps its double l), and otherwise a dropped "e" is restored ("arrived" → "arrive").
 * A doubled consonant marks a short vowel, so it never takes the "e" back ("putting" → "put").
 */
function undoSuffix(stem: string): string {
  return isDoubled(stem) ? stem.slice(0, -1) : restoreE(stem);
}

/** Adds back an "e" dropped before -ed/-ing ("arrived" → "arrive"), by spelling cues. */
function restoreE(stem: string): string {
  if (stem === 'focus') return stem;
  if (/(?:v|c|[rl]g|dg|[aeiou][^aeiou]+[aeiou]g|[^aeioul]l|[iy]z|[aeiou]s|ur|[^aeiou]at)$/.test(stem)) return `${stem}e`;
  if (/[^aeiou][aeiou][bdgkmnprt]$/.test(stem) && !/(?:en|er|it|et|on|el|al|or|om|ed|ad|op|up|ag|ig|og|ug|ub|ab|ib|ob|eb)$/.test(stem)) return `${stem}e`;
  return stem;
}

export function lemmatize(word: string): string {
  const w = word.toLowerCase().replace(/[^a-z0-9'-]/g, '');
  if (w.length <= 3 || KEEP.has(w)) return IRREGULAR[w] ?? w;
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.endsWith("'s")) return lemmatize(w.slice(0, -2));
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('ing') && VOWEL.test(w.slice(0, -3))) return undoSuffix(w.slice(0, -3));
  if (w.endsWith('eed')) return w;
  if (w.endsWith('ed') && VOWEL.test(w.slice(0, -2))) {
    const stem = w.slice(0, -2);
    if (stem.endsWith('e')) return stem;
    return undoSuffix(stem);
  }
  // "killings" → "killing" → "kill": a plural event noun takes its verb's lemma
  if (w.endsWith('ings') && w.length > 6) return lemmatize(w.slice(0, -1));
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/** Derivational stem: a lemma without common nominal suffixes, so "arrest" and "arrestee" meet. */
export function stem(lemma: string): string {
  const s = lemma.replace(/(?:ations?|itions?|tions?|sions?|ments?|ances?|ences?|ers?|ees?|ors?|als?|ings?|ness|ity|ive|ly|e)$/, '');
  return (s.length >= 3 ? s : lemma).slice(0, 6);
}

const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'up', 'out', 'off', 'over', 'down', 'into', 'onto', 'away', 'back',
  'under', 'no', 'not', 'never', 'longer', 'be', 'been', 'being', 'is', 'was', 'were', 'are', 'am', 'has', 'have', 'had', 'having', 'do', 'did',
  'does', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'must', 'shall', 'get', 'got', 'gets', 'getting', "n't", 'and', 'or', 'as',
  'from', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', '-', "'s", 'first', 'second',
]);

/**
 * The head word of a trigger: its only content word, or for a phrase the first content word
 * when it looks verbal ("opened fire", "took over") and the last one otherwise ("Academy
 * Awards ceremony", "first-degree murder").
 */
export function headWord(words: readonly string[]): string {
  const content = words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()) && /[A-Za-z0-9]/.test(w));
  const pool = content.length > 0 ? content : words.filter((w) => w.trim() !== '');
  if (pool.length <= 1) return pool[0] ?? '';
  const first = pool[0] ?? '';
  const lower = first.toLowerCase();
  if (/(?:ed|ing)$/.test(lower) || IRREGULAR[lower] !== undefined || /^(?:take|make|give|set|open|put|run|go|come|hand|let|push|bring|reach|cast|hook|show|weed|part|pull|step|turn|call|shut|break|hold|carry|sign|kick|blow)s?$/.test(lower)) return first;
  return pool[pool.length - 1] ?? '';
}
