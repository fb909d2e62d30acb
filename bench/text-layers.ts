/**
 * Throughput of the text layers: `npx tsx bench/text-layers.ts [repeats]`.
 * Runs normalize and the paragraphs, tokens and sentences stages over the seed digest
 * repeated `repeats` times (default 200) as one document, and prints chars/s, tokens/s and
 * sentences/s per step. Without ../shared it uses an invented paragraph instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Document, Layers } from '../src/text/document.js';
import { createDocument } from '../src/text/create-document.js';
import { createParagraphsStage } from '../src/text/paragraphs-stage.js';
import { createSentencesStage } from '../src/text/sentences-stage.js';
import { createTokensStage } from '../src/text/tokens-stage.js';

const seedPath = fileURLToPath(new URL('../../shared/corpus/seed-digest.txt', import.meta.url));
const invented =
  'Example Wire Opens Office\nLt. Gen. Arlo B Venn said on Monday that the U.S. Embassy in Rowan Bay, ' +
  'which employs 1,000 people, would close at 22:32. “We are ready,” he said. The S-400 system stays.\n';
const unit = existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : invented.repeat(100);
const repeats = Number(process.argv[2] ?? 200);
const raw = `${unit}\n`.repeat(repeats);

function time<T>(run: () => T): [T, number] {
  const t0 = performance.now();
  const value = run();
  return [value, (performance.now() - t0) / 1000];
}

const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString('en-US')}/s`;
const withLayer = <N extends keyof Layers>(doc: Document, name: N, layer: Layers[N]): Document => ({
  ...doc,
  layers: { ...doc.layers, [name]: layer },
});

// One warm-up round on a slice so the JIT has seen every path.
const warm = createDocument('warm', unit);
createTokensStage().run(warm);

const [doc, tNorm] = time(() => createDocument('bench', raw));
const [paragraphs, tPara] = time(() => createParagraphsStage().run(doc));
const [tokens, tTok] = time(() => createTokensStage().run(doc));
const withTokens = withLayer(withLayer(doc, 'paragraphs', paragraphs), 'tokens', tokens);
const [sentences, tSent] = time(() => createSentencesStage().run(withTokens));

console.log(`input: ${(raw.length / 1e6).toFixed(1)} M chars (${repeats} × ${unit.length.toLocaleString('en-US')})`);
console.log(`normalize   ${tNorm.toFixed(3)} s  ${rate(raw.length, tNorm)} chars`);
console.log(`paragraphs  ${tPara.toFixed(3)} s  ${rate(paragraphs.length, tPara)} paragraphs`);
console.log(`tokens      ${tTok.toFixed(3)} s  ${rate(tokens.length, tTok)} tokens (${tokens.length.toLocaleString('en-US')})`);
console.log(
  `sentences   ${tSent.toFixed(3)} s  ${rate(sentences.length, tSent)} sentences (${sentences.length.toLocaleString('en-US')})`,
);
const total = tNorm + tPara + tTok + tSent;
console.log(`all         ${total.toFixed(3)} s  ${rate(tokens.length, total)} tokens, ${rate(sentences.length, total)} sentences`);
