import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, moduleEdges, moduleOf, type ValueImport, valueImportsUnder, valueSpecifiers } from './module-graph.js';

/*
 * The layers of docs/architecture.md, enforced: the table on that page says which modules each
 * module may load values from, and every value import under src/ must be one it allows. Modules
 * and files must not form cycles.
 */

const ROOT = resolve(__dirname, '../..');
const SRC = resolve(ROOT, 'src');
const DOC = resolve(ROOT, 'docs/architecture.md');

/**
 * Value imports against the picture that are still there, each with why. The check fails on one
 * that no longer occurs, so this list only shrinks.
 */
const KNOWN_EXCEPTIONS: readonly (ValueImport & { readonly why: string })[] = [];

/** The "may import" table of docs/architecture.md: module → the modules it may import. */
function allowedImports(markdown: string, file: string): Map<string, Set<string>> {
  const lines = markdown.split('\n');
  const heading = lines.findIndex((l) => l.startsWith('## What each module may import'));
  if (heading < 0) throw new Error(`${file}: no "## What each module may import" section`);
  const allowed = new Map<string, Set<string>>();
  for (let i = heading + 1; i < lines.length && !lines[i]?.startsWith('## '); i++) {
    const row = /^\|\s*`([\w-]+)`\s*\|(.*)\|\s*$/.exec(lines[i] ?? '');
    if (!row) continue;
    const [, module = '', targets = ''] = row;
    if (allowed.has(module)) throw new Error(`${file}:${i + 1}: module \`${module}\` is in the table twice`);
    allowed.set(module, new Set([...targets.matchAll(/`([\w-]+)`/g)].map((m) => m[1] ?? '')));
  }
  if (allowed.size === 0) throw new Error(`${file}:${heading + 1}: the section has no table rows`);
  return allowed;
}

/**
 * The arrows of the page's mermaid picture, as "from → to" pairs of modules; an arrow from or to
 * a subgraph stands for an arrow from or to each module in it.
 */
function pictureArrows(markdown: string, file: string): [string, string][] {
  const block = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!block) throw new Error(`${file}: no mermaid picture`);
  const groups = new Map<string, string[]>();
  let group: string[] | null = null;
  const arrows: [string, string][] = [];
  for (const line of block.split('\n')) {
    const opened = /^\s*subgraph (\w+)/.exec(line);
    if (opened) {
      group = [];
      groups.set(opened[1] ?? '', group);
      continue;
    }
    if (/^\s*end\s*$/.test(line)) {
      group = null;
      continue;
    }
    const arrow = /^\s*(\w+)(?:\[[^\]]*\])?\s*-->\s*(\w+)/.exec(line);
    if (!arrow) continue;
    const [, from = '', to = ''] = arrow;
    arrows.push([from, to]);
    group?.push(from, to);
  }
  const members = (node: string): string[] => [...new Set(groups.get(node) ?? [node])];
  return arrows.flatMap(([from, to]) => members(from).flatMap((f) => members(to).map((t): [string, string] => [f, t])));
}

/** The modules each module reaches along the arrows. */
function reach(arrows: readonly [string, string][]): Map<string, Set<string>> {
  const next = new Map<string, string[]>();
  for (const [from, to] of arrows) next.set(from, [...(next.get(from) ?? []), to]);
  const reached = new Map<string, Set<string>>();
  for (const start of next.keys()) {
    const seen = new Set<string>();
    const queue = [...(next.get(start) ?? [])];
    for (let node = queue.pop(); node !== undefined; node = queue.pop()) {
      if (seen.has(node)) continue;
      seen.add(node);
      queue.push(...(next.get(node) ?? []));
    }
    reached.set(start, seen);
  }
  return reached;
}

/** The modules under src/: its folders, and its top-level .ts files by name. */
function srcModules(): string[] {
  return readdirSync(SRC, { withFileTypes: true })
    .filter((e) => e.isDirectory() || e.name.endsWith('.ts'))
    .map((e) => (e.isDirectory() ? e.name : e.name.replace(/\.ts$/, '')))
    .sort();
}

const sameImport = (a: ValueImport, b: ValueImport): boolean => a.from === b.from && a.to === b.to;

describe('reading imports', () => {
  it('counts value, side-effect, re-exported and dynamic imports, and leaves out type-only ones', () => {
    const text = [
      "import type { Knowledge } from '../knowledge/knowledge.js';",
      "import { type Span, type Token } from '../text/document.js';",
      "import { createDocument, type Document } from '../text/create-document.js';",
      "import {\n  loadNerModel,\n} from '../nlp/ner/recognize.js';",
      "import * as store from '../store/open-store.js';",
      "import './side-effect.js';",
      "export { runStages } from '../pipeline/stage.js';",
      "export type { Analyzer } from '../pipeline/analyze-article.js';",
      "export { type Stage } from '../pipeline/stages.js';",
      "const api = await import('../api/server.js');",
      "// import { main } from '../cli/main.js';",
      "const note = \"from '../events/events-stage.js'\";",
    ].join('\n');
    expect(valueSpecifiers(text)).toEqual([
      '../text/create-document.js',
      '../nlp/ner/recognize.js',
      '../store/open-store.js',
      './side-effect.js',
      '../pipeline/stage.js',
      '../api/server.js',
    ]);
  });

  it('names a file by its folder under src/, or by itself at the top', () => {
    expect([moduleOf('nlp/ner/model.ts'), moduleOf('errors.ts'), moduleOf('cli/main.ts')]).toEqual(['nlp', 'errors', 'cli']);
  });

  it('finds each cycle once, and no cycle in a graph that points one way', () => {
    const graph: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a', 'd'], d: ['e'], e: ['d'], f: ['a'] };
    expect(cycles(Object.keys(graph), (n) => graph[n] ?? [])).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    const layered: Record<string, string[]> = { cli: ['api', 'store'], api: ['store'], store: [] };
    expect(cycles(Object.keys(layered), (n) => layered[n] ?? [])).toEqual([]);
  });

  it('reads the table of a page, and says which line is wrong', () => {
    const page = ['# x', '## What each module may import', '| module | may import |', '|---|---|', '| `a` | `b`, `c` |', '| `b` | (nothing) |', '| `a` | `c` |'].join('\n');
    expect(() => allowedImports(page, 'docs/x.md')).toThrow('docs/x.md:7: module `a` is in the table twice');
    expect(allowedImports(page.split('\n').slice(0, 6).join('\n'), 'docs/x.md')).toEqual(
      new Map([
        ['a', new Set(['b', 'c'])],
        ['b', new Set()],
      ]),
    );
  });
});

describe('the layers of docs/architecture.md', () => {
  const allowed = allowedImports(readFileSync(DOC, 'utf8'), 'docs/architecture.md');
  const imports = valueImportsUnder(SRC);

  it('place every module under src/, and only those', () => {
    expect([...allowed.keys()].sort()).toEqual(srcModules());
    for (const targets of allowed.values()) for (const t of targets) expect(srcModules()).toContain(t);
  });

  it('are the picture: each arrow is allowed by the table, and each import the table allows follows the arrows', () => {
    const arrows = pictureArrows(readFileSync(DOC, 'utf8'), 'docs/architecture.md');
    expect(arrows.filter(([from, to]) => !allowed.get(from)?.has(to)).map(([from, to]) => `${from} → ${to}`)).toEqual([]);
    const reached = reach(arrows);
    const unseen = [...allowed].flatMap(([from, targets]) => [...targets].filter((to) => !reached.get(from)?.has(to)).map((to) => `${from} → ${to}`));
    expect(unseen).toEqual([]);
  });

  it('point one way: the table itself allows no cycle', () => {
    expect(cycles(allowed.keys(), (m) => [...(allowed.get(m) ?? [])])).toEqual([]);
  });

  it('allow every value import between modules, but for the known exceptions', () => {
    expect(imports.length).toBeGreaterThan(500);
    const against = [...moduleEdges(imports)].flatMap(([, edge]) =>
      edge.filter((imp) => !allowed.get(moduleOf(imp.from))?.has(moduleOf(imp.to)) && !KNOWN_EXCEPTIONS.some((k) => sameImport(k, imp))),
    );
    expect(against.map((imp) => `${imp.from} imports ${imp.to}: ${moduleOf(imp.from)} may not import ${moduleOf(imp.to)}`)).toEqual([]);
  });

  it('keep no known exception that no longer occurs', () => {
    const stale = KNOWN_EXCEPTIONS.filter((k) => !imports.some((imp) => sameImport(k, imp)));
    expect(stale.map((k) => `${k.from} → ${k.to} no longer occurs: remove it from KNOWN_EXCEPTIONS`)).toEqual([]);
  });

  it('leave no cycle between modules, the known exceptions aside', () => {
    const kept = imports.filter((imp) => !KNOWN_EXCEPTIONS.some((k) => sameImport(k, imp)));
    const next = new Map<string, string[]>();
    for (const key of moduleEdges(kept).keys()) {
      const [from = '', to = ''] = key.split(' → ');
      next.set(from, [...(next.get(from) ?? []), to]);
    }
    expect(cycles(srcModules(), (m) => next.get(m) ?? [])).toEqual([]);
  });

  it('leave no cycle between files', () => {
    const next = new Map<string, string[]>();
    for (const imp of imports) next.set(imp.from, [...(next.get(imp.from) ?? []), imp.to]);
    expect(cycles(next.keys(), (f) => next.get(f) ?? [])).toEqual([]);
  });
});
