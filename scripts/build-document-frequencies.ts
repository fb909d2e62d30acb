import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSyntaxModel } from '../src/nlp/syntax/syntax-model.js';
import { contentWords } from '../src/records/evidence-words.js';

/**
 * Writes src/knowledge/lexicon/document-frequencies.json: in how many news documents each
 * content-word lemma occurs, so the story clustering weighs "Fakhrizadeh" or "Abqaiq" above
 * "said" or "killed" (inverse document frequency). Counted over Reuters-21578 (title and body)
 * and the CoNLL-2003 English training documents, with the very function the linking reads
 * words with (evidence-words.ts contentWords). Words in fewer than MIN_DF documents are left
 * out: the reader gives every unlisted word the rarest weight. Deterministic.
 *
 *   npx tsx scripts/build-document-frequencies.ts [../shared]
 */
const MIN_DF = 3;
const shared = process.argv[2] ?? '../shared';
const rules = loadSyntaxModel().lemmas;

function reutersDocuments(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`${dir}: no Reuters-21578 folder`);
  const out: string[] = [];
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&#\d+;/g, ' ');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.sgm')).sort()) {
    const sgml = readFileSync(join(dir, name), 'latin1');
    for (const record of sgml.split('</REUTERS>')) {
      const title = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(record)?.[1] ?? '';
      const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(record)?.[1] ?? '';
      if (title || body) out.push(decode(`${title}\n${body}`));
    }
  }
  return out;
}

function conllDocuments(file: string): string[] {
  if (!existsSync(file)) throw new Error(`${file}: no CoNLL-2003 training file`);
  const docs: string[] = [];
  let words: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      if (words.length > 0) docs.push(words.join(' '));
      words = [];
    } else if (line.trim()) words.push(line.split(' ')[0]!);
  }
  if (words.length > 0) docs.push(words.join(' '));
  return docs;
}

const documents = [...reutersDocuments(join(shared, 'corpus/reuters21578')), ...conllDocuments(join(shared, 'eval/conll2003/eng.train'))];
const df = new Map<string, number>();
for (const doc of documents) for (const w of contentWords(doc, rules)) df.set(w, (df.get(w) ?? 0) + 1);
const kept = [...df].filter(([, n]) => n >= MIN_DF).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const out = {
  about: 'Document frequencies of content-word lemmas in Reuters-21578 and the CoNLL-2003 English training documents (counts only), for inverse document frequency; built by scripts/build-document-frequencies.ts.',
  documents: documents.length,
  minimum: MIN_DF,
  df: Object.fromEntries(kept),
};
writeFileSync('src/knowledge/lexicon/document-frequencies.json', `${JSON.stringify(out)}\n`);
console.log(`${documents.length} documents, ${kept.length} words kept of ${df.size}`);
