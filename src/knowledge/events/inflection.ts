/**
 * Our own small English inflector: the surface forms of a verb lemma and of a noun, so the
 * dictionary can be keyed by every form a trigger takes in text. Over-generation is
 * harmless (a form that never occurs costs a map entry), so doubling and e-dropping are
 * both tried where English spelling is unsure.
 */

/** Irregular verbs news uses: lemma → [past, past participle]. */
const IRREGULAR: Readonly<Record<string, readonly [string, string]>> = {
  be: ['was', 'been'],
  beat: ['beat', 'beaten'],
  begin: ['began', 'begun'],
  blow: ['blew', 'blown'],
  break: ['broke', 'broken'],
  bring: ['brought', 'brought'],
  build: ['built', 'built'],
  burn: ['burnt', 'burnt'],
  buy: ['bought', 'bought'],
  catch: ['caught', 'caught'],
  deal: ['dealt', 'dealt'],
  draw: ['drew', 'drawn'],
  drive: ['drove', 'driven'],
  fight: ['fought', 'fought'],
  find: ['found', 'found'],
  flee: ['fled', 'fled'],
  fly: ['flew', 'flown'],
  forbid: ['forbade', 'forbidden'],
  forgive: ['forgave', 'forgiven'],
  freeze: ['froze', 'frozen'],
  give: ['gave', 'given'],
  go: ['went', 'gone'],
  hang: ['hanged', 'hung'],
  hear: ['heard', 'heard'],
  hit: ['hit', 'hit'],
  hold: ['held', 'held'],
  keep: ['kept', 'kept'],
  lay: ['laid', 'laid'],
  lead: ['led', 'led'],
  leave: ['left', 'left'],
  lend: ['lent', 'lent'],
  lose: ['lost', 'lost'],
  make: ['made', 'made'],
  meet: ['met', 'met'],
  overrun: ['overran', 'overrun'],
  overthrow: ['overthrew', 'overthrown'],
  pay: ['paid', 'paid'],
  put: ['put', 'put'],
  quit: ['quit', 'quit'],
  rise: ['rose', 'risen'],
  run: ['ran', 'run'],
  say: ['said', 'said'],
  seek: ['sought', 'sought'],
  sell: ['sold', 'sold'],
  send: ['sent', 'sent'],
  set: ['set', 'set'],
  shoot: ['shot', 'shot'],
  show: ['showed', 'shown'],
  shut: ['shut', 'shut'],
  sink: ['sank', 'sunk'],
  slay: ['slew', 'slain'],
  speak: ['spoke', 'spoken'],
  stand: ['stood', 'stood'],
  steal: ['stole', 'stolen'],
  strike: ['struck', 'struck'],
  swear: ['swore', 'sworn'],
  sweep: ['swept', 'swept'],
  take: ['took', 'taken'],
  teach: ['taught', 'taught'],
  tell: ['told', 'told'],
  throw: ['threw', 'thrown'],
  undertake: ['undertook', 'undertaken'],
  win: ['won', 'won'],
  withdraw: ['withdrew', 'withdrawn'],
  withhold: ['withheld', 'withheld'],
  write: ['wrote', 'written'],
};

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

function isConsonant(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z]/.test(ch) && !VOWELS.has(ch);
}

/** The verbs whose past forms are irregular, for the lemmatizer's training (scripts/train-syntax.ts). */
export function irregularVerbs(): string[] {
  return Object.keys(IRREGULAR);
}

/** Every form of a verb lemma: base, -s, past, past participle, -ing. */
export function verbForms(lemma: string): string[] {
  const forms = new Set<string>([lemma]);
  const irregular = IRREGULAR[lemma];
  const last = lemma.at(-1);
  const beforeLast = lemma.at(-2);
  // -s
  if (/(s|sh|ch|x|z|o)$/.test(lemma)) forms.add(`${lemma}es`);
  else if (last === 'y' && isConsonant(beforeLast)) forms.add(`${lemma.slice(0, -1)}ies`);
  else forms.add(`${lemma}s`);
  // -ed and -ing
  const stems: string[] = [];
  if (last === 'e') {
    forms.add(`${lemma}d`);
    stems.push(lemma.endsWith('ee') ? lemma : lemma.slice(0, -1));
  } else if (last === 'y' && isConsonant(beforeLast)) {
    forms.add(`${lemma.slice(0, -1)}ied`);
    stems.push(lemma);
  } else {
    forms.add(`${lemma}ed`);
    stems.push(lemma);
    // "plan" → "planned", "ban" → "banned": spelling doubles after a short final syllable.
    if (isConsonant(last) && last !== 'w' && last !== 'x' && last !== 'y' && VOWELS.has(beforeLast ?? '') && !VOWELS.has(lemma.at(-3) ?? '')) {
      forms.add(`${lemma}${last}ed`);
      stems.push(`${lemma}${last}`);
    }
  }
  for (const stem of stems) forms.add(`${stem}ing`);
  if (lemma.endsWith('ie')) forms.add(`${lemma.slice(0, -2)}ying`);
  if (irregular) for (const f of irregular) forms.add(f);
  return [...forms];
}

/** Singular and plural of a noun ("strike" → "strikes", "casualty" → "casualties"). */
export function nounForms(noun: string): string[] {
  const forms = new Set<string>([noun]);
  if (noun.endsWith('s') && !noun.endsWith('ss')) return [...forms];
  if (/(s|sh|ch|x|z)$/.test(noun)) forms.add(`${noun}es`);
  else if (noun.endsWith('y') && isConsonant(noun.at(-2))) forms.add(`${noun.slice(0, -1)}ies`);
  else forms.add(`${noun}s`);
  return [...forms];
}
