import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allTestFiles, engineTestFiles, namesImportedFrom, storeOpenersOffEngine } from '../support/engine-tests.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** A throwaway repository holding `files` (path → text). */
function repoWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'dossier-engine-tests-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('which test files the PostgreSQL pass runs', () => {
  it('reads the names imported or re-exported from a module, over several lines, with type and renamed ones', () => {
    const text = [
      "import {\n  freshStoreTarget,\n  type Store as S,\n} from '../support/test-store.js';",
      "import { openTestStore as open } from './support/test-store.js';",
      "export { dialectUnderTest } from '../support/test-store.js';",
      "import { other } from '../support/test-store-notes.js';",
      "// import { testPostgresUrl } from '../support/test-store.js';",
    ].join('\n');
    expect(namesImportedFrom(text, 'support/test-store.js')).toEqual(['freshStoreTarget', 'Store', 'openTestStore', 'dialectUnderTest']);
  });

  it('takes a test that reaches an engine-dependent helper through other helpers, and leaves a SQLite-only or pure one', () => {
    const root = repoWith({
      'test/support/test-store.ts': 'export const x = 1;\n',
      'test/a/fixture.ts': "import { freshStoreTarget } from '../support/test-store.js';\n",
      'test/a/deep.ts': "import './fixture.js';\n",
      'test/a/through-helpers.test.ts': "import { it } from 'vitest';\nimport { thing } from './deep.js';\n",
      'test/b/sqlite-only.test.ts': "import { freshSqliteTarget } from '../support/test-store.js';\n",
      'test/b/pure.test.ts': "import { tokenize } from '../../src/text/tokenize.js';\n",
      'test/c/dynamic.test.ts': "const m = await import('../support/test-store.js');\nexport { openTestStore } from '../support/test-store.js';\n",
      'test/fixtures/ignored.test.ts': "import { openTestStore } from '../support/test-store.js';\n",
    });
    expect(allTestFiles(root)).toEqual(['test/a/through-helpers.test.ts', 'test/b/pure.test.ts', 'test/b/sqlite-only.test.ts', 'test/c/dynamic.test.ts']);
    expect(engineTestFiles(root)).toEqual(['test/a/through-helpers.test.ts', 'test/c/dynamic.test.ts']);
  });

  it('names a test that opens a store without the engine under test, directly or through a helper', () => {
    const root = repoWith({
      'test/support/test-store.ts': "import { openStore } from '../../src/store/open-store.js';\n",
      'test/a/own-store.test.ts': "import { openStore } from '../../src/store/open-store.js';\n",
      'test/a/helper.ts': "import { openStore } from '../../src/store/open-store.js';\n",
      'test/a/via-helper.test.ts': "import './helper.js';\n",
      'test/a/on-engine.test.ts': "import './helper.js';\nimport { openTestStore } from '../support/test-store.js';\n",
      'test/a/sqlite-itself.test.ts': "import { openStore } from '../../src/store/open-store.js';\nimport { freshSqliteTarget } from '../support/test-store.js';\n",
    });
    expect(storeOpenersOffEngine(root)).toEqual(['test/a/own-store.test.ts', 'test/a/via-helper.test.ts']);
  });

  it('finds every test of this repository that opens a store on the engine under test', () => {
    expect(storeOpenersOffEngine(ROOT)).toEqual([]);
    const engine = engineTestFiles(ROOT);
    // The folders the store engine matters to all have tests in the PostgreSQL pass.
    for (const folder of ['test/store/', 'test/records/', 'test/queue/', 'test/api/']) {
      expect(engine.some((f) => f.startsWith(folder))).toBe(true);
    }
    expect(engine.length).toBeLessThan(allTestFiles(ROOT).length);
  });
});
