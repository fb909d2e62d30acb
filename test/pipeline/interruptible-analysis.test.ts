import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawArticle } from '../../src/ingest/raw-article.js';
import { createAnalyzer, STAGED_FROM_CHARS } from '../../src/pipeline/analyze-article.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { openTestStore } from '../support/test-store.js';

const analyzer = createAnalyzer(loadKnowledge());

/** About `chars` characters of news-like text of our own: fictional towns, people and dates. */
function text(chars: number): string {
  const towns = ['Saltmere', 'Fenwick', 'Dunmore', 'Ashby'];
  const parts: string[] = [];
  for (let i = 0, n = 0; n < chars; i++) {
    const s = `Mayor Ida Renner of ${towns[i % 4]} said on May ${1 + (i % 28)}, 2024, that ferry pier ${i} would close, a council spokesman told Example Wire.`;
    parts.push(s, i % 4 === 3 ? '\n\n' : ' ');
    n += s.length + 1;
  }
  return parts.join('');
}

const article = (title: string, body: string): RawArticle => ({
  title,
  outlet: 'Example Wire',
  author: null,
  date: { value: '2024-06-03', precision: 'day', raw: '2024-06-03', reason: 'test' },
  url: null,
  text: body,
  authorBio: null,
  provenance: { file: 'example-wire.txt', startLine: 1, endLine: 1, startByte: 0, endByte: body.length, reader: 'text' },
  sourceRuns: [],
  extra: {},
});

describe('an analysis that may be interrupted', () => {
  it('makes the same Document as one that may not, a stage at a time or in one call', async () => {
    const never = new AbortController().signal;
    for (const raw of [article('Long', text(STAGED_FROM_CHARS + 500)), article('Short', text(600))]) {
      let calls = 0;
      const within = <T>(run: () => T): T => {
        calls++;
        return run();
      };
      const interrupted = await analyzer.analyzeInterruptibly(raw, { signal: never, within });
      expect(interrupted.doc).toEqual(analyzer.analyze(raw).doc);
      // A long article a stage at a time, a short one in one call.
      expect(calls).toBe(raw.text.length >= STAGED_FROM_CHARS ? analyzer.pipeline.stages.length : 1);
    }
  });

  it('stops within a stage when `within` throws, and runs no stage after it', async () => {
    const stopping = new AbortController();
    const ran: number[] = [];
    const within = <T>(run: () => T): T => {
      ran.push(ran.length);
      if (ran.length === 3) {
        stopping.abort('SIGINT');
        throw new Error('interrupted');
      }
      return run();
    };
    await expect(analyzer.analyzeInterruptibly(article('Long', text(STAGED_FROM_CHARS)), { signal: stopping.signal, within })).rejects.toThrow('interrupted');
    expect(ran).toHaveLength(3);
  });

  it('hears a stop asked on the event loop (a signal listener) between two stages', async () => {
    const stopping = new AbortController();
    let ran = 0;
    const within = <T>(run: () => T): T => {
      // In the second stage a listener is due: it runs at the turn the pipeline gives before the third.
      if (++ran === 2) setImmediate(() => stopping.abort('SIGTERM'));
      return run();
    };
    await expect(analyzer.analyzeInterruptibly(article('Long', text(STAGED_FROM_CHARS)), { signal: stopping.signal, within })).rejects.toBe('SIGTERM');
    expect(ran).toBe(2);
  });

  it('ends the knowledge load itself when stopped during it, and analyses nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-interrupt-load-'));
    const file = join(dir, 'digest.txt');
    writeFileSync(file, 'Quay 1 reopens in Saltmere\nExample Wire – June 3, 2024\nThe harbour master of Saltmere said quay 1 reopened on Monday.\n');
    const store = await openTestStore('interrupt-in-load');
    try {
      let loads = 0;
      const loading = createAnalyzer(() => {
        loads++;
        return loadKnowledge();
      });
      const stopping = new AbortController();
      let calls = 0;
      // The first run given to `within` is the knowledge load: Ctrl-C there ends it before it is done.
      const within = <T>(_run: () => T): T => {
        calls++;
        stopping.abort('SIGINT');
        throw new Error('interrupted');
      };
      const summary = await ingestFiles(store, [file], { analyzer: loading, interrupt: { signal: stopping.signal, within } });
      expect([summary.articlesNew, summary.errors, summary.storageError]).toEqual([0, [], null]);
      expect([calls, loads]).toEqual([1, 0]);
      expect(await store.selectFrom('articles').select('id').execute()).toEqual([]);
    } finally {
      await store.destroy();
    }
  });

  it('drops the article in hand at the stop and saves those analysed before it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-interrupt-'));
    const file = join(dir, 'digest.txt');
    const story = (title: string, body: string): string => `${title}\nExample Wire – June 3, 2024\n${body}\n`;
    const shorts = (word: string): string[] => [1, 2, 3].map((i) => story(`${word} ${i} reopens in Saltmere`, `The harbour master of Saltmere said ${word.toLowerCase()} ${i} reopened on Monday.`));
    writeFileSync(file, [...shorts('Quay'), story('Ferry piers close across the coast', text(STAGED_FROM_CHARS * 2)), ...shorts('Berth')].join('\n'));
    const store = await openTestStore('interrupt-in-article');
    try {
      const stopping = new AbortController();
      let stages = 0;
      const within = <T>(run: () => T): T => {
        // The fourth article is the long one: a stage at a time; stopped in its fifth stage.
        if (++stages === 3 + 5) {
          stopping.abort('SIGINT');
          throw new Error('interrupted');
        }
        return run();
      };
      const summary = await ingestFiles(store, [file], { analyzer, interrupt: { signal: stopping.signal, within } });
      expect([summary.articlesNew, summary.errors]).toEqual([3, []]);
      const titles = (await store.selectFrom('articles').select('title').orderBy('title').execute()).map((r) => r.title);
      expect(titles).toEqual(['Quay 1 reopens in Saltmere', 'Quay 2 reopens in Saltmere', 'Quay 3 reopens in Saltmere']);
      expect(stages).toBe(3 + 5);
    } finally {
      await store.destroy();
    }
  });
});
