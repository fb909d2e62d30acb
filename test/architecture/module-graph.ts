import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/*
 * The value imports between files under src/, read from the source text. With
 * verbatimModuleSyntax on (tsconfig.json), a type-only import is marked in the text
 * (`import type`, `{ type X }`) and erased from the build, so what is left here is exactly what
 * loads at run time: the imports that make one module depend on another.
 */

/** One value import: from one file under src/ to another, both as paths relative to src/ with `/`. */
export interface ValueImport {
  readonly from: string;
  readonly to: string;
}

/** Specifiers of the imports in `text` that load a value: type-only ones are left out. */
export function valueSpecifiers(text: string): string[] {
  const source = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (importsAValue(node)) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (exportsAValue(node)) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) found.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importsAValue(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return true; // `import './x.js'` runs the module
  if (clause.isTypeOnly) return false;
  if (clause.name) return true;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return true;
  // `import { type A, type B }` is erased; `import {}` is kept and runs the module.
  return bindings.elements.length === 0 || bindings.elements.some((e) => !e.isTypeOnly);
}

function exportsAValue(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return false;
  const clause = node.exportClause;
  if (!clause || ts.isNamespaceExport(clause)) return true;
  return clause.elements.some((e) => !e.isTypeOnly);
}

export function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFilesUnder(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

const toPosix = (path: string): string => path.split(/[\\/]/).join('/');

/** Every value import between two files under `srcDir`; imports of packages and node: are left out. */
export function valueImportsUnder(srcDir: string): ValueImport[] {
  const root = resolve(srcDir);
  return tsFilesUnder(root).flatMap((file) =>
    valueSpecifiers(readFileSync(file, 'utf8')).flatMap((specifier) => {
      if (!specifier.startsWith('.')) return [];
      const target = relative(root, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts');
      if (target.startsWith('..')) return [];
      return [{ from: toPosix(relative(root, file)), to: toPosix(target) }];
    }),
  );
}

/** The module a file belongs to: its top-level folder under src/, or its own name for a file at the top (`errors`). */
export function moduleOf(path: string): string {
  const [first = '', ...rest] = path.split('/');
  return rest.length === 0 ? first.replace(/\.ts$/, '') : first;
}

/** Edges between modules ("a → b"), each with the file imports that make it, sorted. */
export function moduleEdges(imports: readonly ValueImport[]): Map<string, ValueImport[]> {
  const edges = new Map<string, ValueImport[]>();
  for (const imp of imports) {
    const from = moduleOf(imp.from);
    const to = moduleOf(imp.to);
    if (from === to) continue;
    const key = `${from} → ${to}`;
    edges.set(key, [...(edges.get(key) ?? []), imp]);
  }
  return new Map([...edges].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The strongly connected components with more than one node of a directed graph (Tarjan):
 * each is a set of nodes that can all reach each other, i.e. a cycle or several tangled ones.
 */
export function cycles(nodes: Iterable<string>, next: (node: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const to of next(node)) {
      if (!index.has(to)) {
        connect(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      component.push(top);
      if (top === node) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of nodes) if (!index.has(node)) connect(node);
  return found.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}
