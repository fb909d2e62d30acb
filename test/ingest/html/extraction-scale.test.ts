import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');

/**
 * Pages of thousands of unclosed tags, generated here: each the shape that made main-text
 * extraction quadratic (the pruning step asked every element for its own links and re-read
 * child lists per child). Run in a child process killed after a generous time, so a
 * regression fails the test instead of pinning a core; no timing is asserted.
 */
const SCRIPT = `
import { extractArticleText } from './src/ingest/html/main-text/index.ts';
const n = 20000;
const pages = {
  paragraphs: '<html><body><div>' + '<p>Some words of a story about the Example Wire harbour. '.repeat(n) + '</div></body></html>',
  links: '<html><body><div><ul>' + '<li><a href="/more">another story on this site</a> '.repeat(n) + '</ul><p>' + 'The story itself goes on. '.repeat(40) + '</p></div></body></html>',
  inline: '<html><body><p>' + '<span>words '.repeat(n) + '</p></body></html>',
};
for (const [name, html] of Object.entries(pages)) process.stdout.write(name + ' ' + extractArticleText(html).length + '\\n');
`;

function run(timeoutMs: number): Promise<{ code: number | null; signal: string | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out });
    }),
  );
}

describe('main-text extraction on pages of 20,000 unclosed tags', () => {
  it('finishes every page, with its text', { timeout: 200_000 }, async () => {
    const { code, signal, out } = await run(180_000);
    expect(signal, out).toBeNull();
    expect(code).toBe(0);
    const lengths = Object.fromEntries(out.trim().split('\n').map((l) => l.split(' ') as [string, string]));
    expect(Object.keys(lengths)).toEqual(['paragraphs', 'links', 'inline']);
    // The paragraphs are the story; the site's own link list is pruned, the story kept.
    expect(Number(lengths.paragraphs)).toBeGreaterThan(20000 * 40);
    expect(Number(lengths.links)).toBeGreaterThan(900);
    expect(Number(lengths.links)).toBeLessThan(20000 * 10);
  });
});
