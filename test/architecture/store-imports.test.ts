import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tsFilesUnder } from './module-graph.js';

/*
 * The store persists and queries; what stored rows add up to is worked out above it. So no file
 * under src/store may import, even a type, from the stages, the records, the pipeline or the
 * front ends: a store that reads records code ends up computing verdicts while reading.
 */

const SRC = resolve(__dirname, '../../src');
const ABOVE_THE_STORE = ['records', 'nlp', 'claims', 'events', 'pipeline', 'api', 'cli'];

/** Every module a source text names: imports of values and types, re-exports, side-effect and dynamic imports. */
const specifiersOf = (text: string): string[] => ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);

/** The folder under src/ a relative specifier points into, from a file at `from`; null for a package. */
function srcFolderOf(specifier: string, from: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const inSrc = relative(SRC, resolve(dirname(from), specifier));
  return inSrc.startsWith('..') ? null : (inSrc.split(/[\\/]/)[0] ?? null);
}

/** The imports of `file` into folders above the store, as "specifier" strings. */
function forbiddenImports(file: string, text: string): string[] {
  return specifiersOf(text).filter((s) => ABOVE_THE_STORE.includes(srcFolderOf(s, file) ?? ''));
}

describe('what src/store imports', () => {
  it('finds value, type, multi-line, re-exported, side-effect and dynamic imports, but not comments or strings', () => {
    const file = join(SRC, 'store', 'example.ts');
    const text = [
      "import type { MentionFeatures } from '../records/link-events.js';",
      "import {\n  effectiveActor,\n} from '../nlp/actors/resolve-actors.js';",
      "export type { QuotedSpan } from '../claims/quote-marks.js';",
      "import '../pipeline/stages.js';",
      "const api = await import('../api/server.js');",
      "// import { main } from '../cli/main.js';",
      "const note = \"from '../events/events-stage.js'\";",
      "import { sql } from 'kysely';",
      "import type { Database } from './schema.js';",
      "import { dayRange } from '../time/day-range.js';",
    ].join('\n');
    expect(forbiddenImports(file, text)).toEqual([
      '../records/link-events.js',
      '../nlp/actors/resolve-actors.js',
      '../claims/quote-marks.js',
      '../pipeline/stages.js',
      '../api/server.js',
    ]);
  });

  it('names nothing above the store, in any file under src/store', () => {
    const files = tsFilesUnder(join(SRC, 'store'));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((f) => forbiddenImports(f, readFileSync(f, 'utf8')).map((s) => `${relative(SRC, f)}: ${s}`));
    expect(found).toEqual([]);
  });
});
