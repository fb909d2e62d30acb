/**
 * Rewrites a syntax model from the old gzipped layout ("DSYN", syntax-ewt.bin.gz) into the
 * one loadSyntaxModel reads ("DSY2", syntax-ewt.bin), weight for weight: the same 16-bit
 * weights, the same scales, the same header.
 *   npx tsx scripts/convert-syntax-model.ts OLD.bin.gz [NEW.bin]
 * The output defaults to src/nlp/syntax/model/syntax-ewt.bin.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeLegacySyntaxModel, decodeSyntaxModel, encodeSyntaxModel, SYNTAX_MODEL_FILE } from '../src/nlp/syntax/syntax-model.js';

const [from, to = join(import.meta.dirname, '../src/nlp/syntax/model', SYNTAX_MODEL_FILE)] = process.argv.slice(2);
if (from === undefined) throw new Error('usage: npx tsx scripts/convert-syntax-model.ts OLD.bin.gz [NEW.bin]');
const model = decodeLegacySyntaxModel(readFileSync(from));
const bytes = encodeSyntaxModel(model);
// Read back before writing: a round trip that does not give the same bytes is a bug here.
if (!encodeSyntaxModel(decodeSyntaxModel(bytes)).equals(bytes)) throw new Error('the converted model does not read back to itself');
writeFileSync(to, bytes);
console.log(`wrote ${to}: ${(bytes.length / 1e6).toFixed(1)} MB`);
