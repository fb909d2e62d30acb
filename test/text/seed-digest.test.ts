import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { needsFiles } from '../support/prerequisites.js';
import type { Document } from '../../src/text/document.js';
import { runTextStages } from './run-text-stages.js';

// The shared seed digest is read, never copied: CI has ../shared beside the repo.
const seedPath = fileURLToPath(new URL('../../../shared/corpus/seed-digest.txt', import.meta.url));
const hasSeed = existsSync(seedPath);

function seedDocuments(): Document[] {
  return readFileSync(seedPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => runTextStages(line, `seed-${i}`));
}

const isLower = (ch: string) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();

describe('text layers on the seed digest (each line a document)', needsFiles(seedPath), () => {
  const docs = hasSeed ? seedDocuments() : [];
  const sentenceCount = docs.reduce((n, d) => n + (d.layers.sentences?.length ?? 0), 0);
  console.log(`seed digest: ${docs.length} lines, ${sentenceCount} sentences`);

  it('gives each line one paragraph and at least one sentence, covering all its tokens', () => {
    for (const doc of docs) {
      expect(doc.layers.paragraphs).toHaveLength(1);
      const sentences = doc.layers.sentences ?? [];
      const tokens = doc.layers.tokens ?? [];
      expect(sentences.length).toBeGreaterThan(0);
      expect(sentences[0]!.start).toBe(tokens[0]!.start);
      expect(sentences.at(-1)!.end).toBe(tokens.at(-1)!.end);
      for (let i = 1; i < sentences.length; i++) expect(sentences[i]!.start).toBeGreaterThan(sentences[i - 1]!.end);
    }
  });

  it('starts no sentence with a lower-case letter unless its paragraph does', () => {
    for (const doc of docs) {
      for (const s of doc.layers.sentences ?? []) {
        const paragraph = doc.layers.paragraphs![s.paragraph]!;
        if (s.start !== paragraph.start) expect(isLower(doc.text[s.start]!), doc.text.slice(s.start, s.end)).toBe(false);
      }
    }
  });

  it('ends no sentence after "U.S." when a lower-case word follows', () => {
    for (const doc of docs) {
      for (const s of doc.layers.sentences ?? []) {
        if (!doc.text.slice(s.start, s.end).endsWith('U.S.')) continue;
        const after = doc.text.slice(s.end).trimStart();
        expect(after === '' || !isLower(after[0]!), doc.text.slice(s.start, s.end)).toBe(true);
      }
    }
  });

  it('keeps "22:32" inside one sentence and "S-400" as one token', () => {
    let clocks = 0;
    let systems = 0;
    for (const doc of docs) {
      for (let i = doc.text.indexOf('22:32'); i !== -1; i = doc.text.indexOf('22:32', i + 1)) {
        clocks++;
        expect((doc.layers.sentences ?? []).some((s) => s.start <= i && i + 5 <= s.end)).toBe(true);
        expect((doc.layers.tokens ?? []).some((t) => t.start === i && t.end === i + 5)).toBe(true);
      }
      for (let i = doc.text.indexOf('S-400'); i !== -1; i = doc.text.indexOf('S-400', i + 1)) {
        systems++;
        expect((doc.layers.tokens ?? []).some((t) => t.start === i && t.end === i + 5)).toBe(true);
      }
    }
    expect(clocks).toBeGreaterThan(0);
    expect(systems).toBeGreaterThan(0);
  });
});
