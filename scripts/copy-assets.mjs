// Copies the non-TypeScript assets that modules read at run time into dist/, beside the
// modules that read them, so a build runs without the source tree.
import { cpSync } from 'node:fs';

for (const dir of ['nlp/ner/model', 'nlp/syntax/model']) cpSync(`src/${dir}`, `dist/${dir}`, { recursive: true });
