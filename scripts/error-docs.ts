// Writes docs/errors.md from the error catalogue (src/errors.ts):
//   npx tsx scripts/error-docs.ts
// test/errors/error-catalogue.test.ts fails while the page differs from what this writes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ERROR_CATALOGUE, type ErrorCode } from '../src/errors.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The page: one row per code, in the catalogue's order. */
export function errorCatalogueMarkdown(): string {
  const rows = (Object.keys(ERROR_CATALOGUE) as ErrorCode[]).map((code) => {
    const kind = ERROR_CATALOGUE[code];
    return `| \`${code}\` | ${kind.exit} | ${kind.http} | ${cell(kind.message)} | ${cell(kind.when)} |`;
  });
  return [
    '# Errors',
    '',
    'Generated from the catalogue in `src/errors.ts` by `npx tsx scripts/error-docs.ts`; do not edit by hand.',
    '',
    'Every error Dossier raises on purpose has a code. The CLI prints its message after `error:` and ends with',
    'its exit code (a batch goes on past a rejected input, prints the code in brackets, and ends with 1); the API',
    'answers with its HTTP status and `{ "error": { "code", "message" } }` (plus `file` and `reason` for an input).',
    'In a message, the parts in braces vary; `{where}` is the file, with `:line` or `@byte offset` when known.',
    'Fastify\'s own refusals of a malformed request (bad JSON, not multipart) keep the 4xx status Fastify gives.',
    '',
    '| code | exit | HTTP | message | when |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../docs/errors.md', import.meta.url), errorCatalogueMarkdown());
}
