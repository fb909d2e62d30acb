// Compiles, at build time, the knowledge that every process would otherwise rebuild from the
// npm packages at start: the gazetteer's records and indexes. Written into dist/ beside the
// module that reads it (run after tsc, by `npm run build`), so it always matches the code
// that built it; a run from src/ (tests, tsx scripts) builds from the packages as before.
import { writeFileSync } from 'node:fs';

const dist = new URL('../dist/knowledge/gazetteer/', import.meta.url);
const { buildGazetteerFromPackages, COMPILED_GAZETTEER_FILE } = await import(new URL('gazetteer.js', dist).href);
const { encodeGazetteer } = await import(new URL('compiled-gazetteer.js', dist).href);

const gazetteer = buildGazetteerFromPackages();
const text = encodeGazetteer(gazetteer);
writeFileSync(new URL(COMPILED_GAZETTEER_FILE, dist), text);
process.stdout.write(`compile-knowledge: gazetteer, ${gazetteer.stats.records} records, ${gazetteer.stats.keys} keys, ${(text.length / 1e6).toFixed(1)} MB\n`);
