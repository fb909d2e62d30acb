import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldWord } from '../src/nlp/ner/word-form.js';
import { tokenize } from '../src/text/tokenize.js';

/**
 * Sentences of unlabelled news for the training scripts' word clusters: Reuters-21578 <BODY>
 * text, one paragraph a sentence, in Dossier's tokens with quotes and dashes folded.
 */
export function unlabelledSentences(dir: string): string[][] {
  if (!existsSync(dir)) return [];
  const out: string[][] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.sgm'))
    .sort()) {
    const sgml = readFileSync(join(dir, name), 'latin1');
    for (const match of sgml.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) {
      const body = match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&#\d+;/g, ' ');
      for (const paragraph of body.split(/\n\s+/)) {
        const words = tokenize(paragraph).map((t) => foldWord(paragraph.slice(t.start, t.end)));
        if (words.length > 0) out.push(words);
      }
    }
  }
  return out;
}
