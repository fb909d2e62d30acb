import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/*
 * Which test files the PostgreSQL pass runs, worked out from the imports rather than kept as a
 * list. The store engine reaches a test only through test/support/test-store.ts (the one place
 * DOSSIER_TEST_DIALECT is read): a test file whose imports, followed through the test helpers,
 * never take an engine-dependent function from it gives the same result on both engines, so it
 * runs once. checkStoreOpeners keeps that premise true: a test that opens a store itself, without
 * test-store, would be tested on SQLite only, and the architecture test names it.
 */

const TEST_STORE = 'test/support/test-store.ts';
/** test-store's exports whose result depends on the engine under test (freshSqliteTarget does not). */
const ENGINE_EXPORTS = ['openTestStore', 'freshStoreTarget', 'dialectUnderTest', 'freshPostgresDatabase', 'testPostgresUrl'];
const OPEN_STORE = 'src/store/open-store.ts';

/** Every module a source text names: imports of values and types, re-exports, side-effect and dynamic imports. */
const specifiersOf = (text: string): string[] => ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);

/** The names `text` imports (or re-exports) from a module whose specifier ends with `moduleName` (`import { a, type B as C } from '…/test-store.js'`). */
export function namesImportedFrom(text: string, moduleName: string): string[] {
  const names: string[] = [];
  const source = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, false);
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const from = statement.moduleSpecifier;
    if (!from || !ts.isStringLiteral(from) || !from.text.endsWith(moduleName)) continue;
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : statement.exportClause;
    if (!bindings) continue;
    if (ts.isNamespaceImport(bindings) || ts.isNamespaceExport(bindings)) names.push('*');
    else for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
  }
  return names;
}

/** A relative specifier as a repository path (`../support/x.js` from test/a/b.ts → test/support/x.ts); null for a package. */
function resolveSpecifier(root: string, fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const path = relative(root, resolve(dirname(join(root, fromFile)), specifier));
  return path.replace(/\.js$/, '.ts');
}

function filesUnder(root: string, dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : filesUnder(root, path, keep);
    return keep(e.name) ? [path] : [];
  });
}

interface TestFileFacts {
  /** Test-side files it imports (helpers under test/). */
  readonly helpers: string[];
  /** It takes an engine-dependent function from test-store. */
  readonly usesEngine: boolean;
  /** It imports openStore itself. */
  readonly opensStore: boolean;
  /** It tests SQLite itself (its write lock, its reader threads), on a file of its own: `freshSqliteTarget`. */
  readonly sqliteByChoice: boolean;
}

/** What each .ts file under test/ imports that matters here, keyed by repository path. */
function factsOfTestFiles(root: string): Map<string, TestFileFacts> {
  const facts = new Map<string, TestFileFacts>();
  for (const file of filesUnder(root, 'test', (name) => name.endsWith('.ts'))) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = specifiersOf(text).flatMap((s) => resolveSpecifier(root, file, s) ?? []);
    const fromStore = namesImportedFrom(text, 'support/test-store.js');
    facts.set(file, {
      helpers: targets.filter((t) => t.startsWith('test/') && t !== TEST_STORE),
      usesEngine: fromStore.some((name) => name === '*' || ENGINE_EXPORTS.includes(name)),
      opensStore: file !== TEST_STORE && targets.includes(OPEN_STORE),
      sqliteByChoice: fromStore.includes('freshSqliteTarget'),
    });
  }
  return facts;
}

/** The test files under test/ (…/*.test.ts), sorted. */
export function allTestFiles(root: string): string[] {
  return filesUnder(root, 'test', (name) => name.endsWith('.test.ts')).sort();
}

/** The files a test file reaches through test helpers, itself included. */
function closure(facts: Map<string, TestFileFacts>, start: string): string[] {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const helper of facts.get(file)?.helpers ?? []) {
      if (!seen.has(helper)) {
        seen.add(helper);
        queue.push(helper);
      }
    }
  }
  return [...seen];
}

/** The test files whose result can depend on the store engine: the PostgreSQL pass runs these. */
export function engineTestFiles(root: string): string[] {
  const facts = factsOfTestFiles(root);
  return allTestFiles(root).filter((file) => closure(facts, file).some((f) => facts.get(f)?.usesEngine));
}

/**
 * Test files that open a store (openStore, directly or through a helper) but never on the engine
 * under test. A file that tests SQLite itself says so by taking its file from `freshSqliteTarget`.
 */
export function storeOpenersOffEngine(root: string): string[] {
  const facts = factsOfTestFiles(root);
  return allTestFiles(root).filter((file) => {
    const reached = closure(facts, file);
    return reached.some((f) => facts.get(f)?.opensStore) && !reached.some((f) => facts.get(f)?.usesEngine || facts.get(f)?.sqliteByChoice);
  });
}
