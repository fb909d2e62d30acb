/**
 * Main-text extraction on generated pages of n unclosed tags, n doubling (issue 20): the shapes
 * test/ingest/html/extraction-scale.test.ts runs at 20,000 (a story of unclosed paragraphs, a
 * site's list of unclosed links before a short story, one paragraph of unclosed inline tags).
 * Prints, per shape and n, the seconds by the clock and of CPU, and the length of the text kept:
 * where the time grows about as n does, the extraction is linear on that shape.
 * Usage: npx tsx bench/html-extraction-scale.ts [--sizes 2000,4000,8000]
 */
import { parseArgs } from 'node:util';
import { extractArticleText } from '../src/ingest/html/main-text/index.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '2000,4000,8000' } } });
const sizes = values.sizes.split(',').map(Number);

const shapes: Record<string, (n: number) => string> = {
  paragraphs: (n) => `<html><body><div>${'<p>Some words of a story about the Example Wire harbour. '.repeat(n)}</div></body></html>`,
  links: (n) =>
    `<html><body><div><ul>${'<li><a href="/more">another story on this site</a> '.repeat(n)}</ul><p>${'The story itself goes on. '.repeat(40)}</p></div></body></html>`,
  inline: (n) => `<html><body><p>${'<span>words '.repeat(n)}</p></body></html>`,
};

console.log('shape       n        clock s  CPU s   text kept (chars)');
for (const [name, page] of Object.entries(shapes)) {
  for (const n of sizes) {
    const html = page(n);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const text = extractArticleText(html);
    const clock = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(`${name.padEnd(11)} ${String(n).padEnd(8)} ${clock.toFixed(2).padStart(7)}  ${cpuSeconds.toFixed(2).padStart(6)}  ${text.length}`);
  }
}
