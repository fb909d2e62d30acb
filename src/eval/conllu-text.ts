import { ConlluError, type ConlluSentence } from './conllu.js';
import { type SurfaceToken, surfaceTokens, withoutSpaces } from './parse-words.js';

/**
 * The running text of CoNLL-U sentences, as the CoNLL 2018 shared task handed it to the
 * systems it scored from raw text: one text per document (`# newdoc`), paragraphs
 * (`# newpar`) separated by a blank line, the sentences of a paragraph joined by a space
 * (by nothing after a token with SpaceAfter=No). Each sentence says its own text in
 * `# text`; without one, its tokens and their SpaceAfter spell it.
 */

export interface RunningText {
  readonly raw: string;
  readonly sentences: readonly ConlluSentence[];
}

export function runningTexts(sentences: readonly ConlluSentence[], file: string): RunningText[] {
  const out: RunningText[] = [];
  let raw = '';
  let group: ConlluSentence[] = [];
  let spaceAfterLast = true;
  for (const sentence of sentences) {
    if (sentence.newDoc && group.length > 0) {
      out.push({ raw, sentences: group });
      raw = '';
      group = [];
    }
    if (group.length > 0) raw += sentence.newPar ? '\n\n' : spaceAfterLast ? ' ' : '';
    const tokens = surfaceTokens(sentence, file);
    raw += sentenceText(sentence, tokens, file);
    spaceAfterLast = tokens[tokens.length - 1]?.spaceAfter ?? true;
    group.push(sentence);
  }
  if (group.length > 0) out.push({ raw, sentences: group });
  return out;
}

/** `# text`, checked against the FORMs (the gold offsets come from those), or the FORMs spelled out. */
function sentenceText(sentence: ConlluSentence, tokens: readonly SurfaceToken[], file: string): string {
  const spelled = tokens.map((t, i) => (t.spaceAfter && i + 1 < tokens.length ? `${t.form} ` : t.form)).join('');
  if (sentence.text === null) return spelled;
  const said = withoutSpaces(sentence.text);
  const forms = withoutSpaces(spelled);
  if (said !== forms) {
    let at = 0;
    while (at < said.length && said[at] === forms[at]) at++;
    throw new ConlluError(
      file,
      sentence.line,
      `the # text of sentence ${sentence.id} differs from its FORMs after ${JSON.stringify(said.slice(Math.max(0, at - 20), at))}: ` +
        `${JSON.stringify(said.slice(at, at + 10))} in the text, ${JSON.stringify(forms.slice(at, at + 10))} in the FORMs`,
    );
  }
  return sentence.text;
}
