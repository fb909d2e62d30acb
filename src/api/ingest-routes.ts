import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DossierError } from '../errors.js';
import { ingestFiles } from '../pipeline/ingest-files.js';
import { StorageError } from '../store/storage-errors.js';
import type { ApiContext } from './api-context.js';
import { writeErrorResponses } from './claim-schemas.js';

export const MAX_UPLOAD_FILES = 100;

const IngestSummarySchema = z.object({
  files: z.number().int(),
  articlesNew: z.number().int(),
  articlesKnown: z.number().int(),
  errors: z.array(z.object({ file: z.string(), message: z.string(), code: z.string() })),
  /** What was done to keep an input within the limits (a long article cut), one line each. */
  warnings: z.array(z.string()),
});

/**
 * The name an upload is stored under: its own base name (readers look at the extension), with
 * nothing that could climb out of the upload folder or confuse a shell.
 */
export function uploadName(filename: string | undefined, index: number): string {
  const base = basename((filename ?? '').replace(/\\/g, '/'))
    .replace(/[^\w.\- ]+/g, '_')
    .replace(/^\.+/, '')
    .slice(-120);
  return base || `upload-${index + 1}`;
}

/** POST /api/ingest: multipart files written to a temporary folder, ingested, and the folder removed. */
export const ingestRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.post(
    '/api/ingest',
    {
      onRequest: ctx.guard,
      schema: {
        tags: ['ingest'],
        summary: `Upload and ingest one or more news files (multipart/form-data; at most ${MAX_UPLOAD_FILES} files)`,
        consumes: ['multipart/form-data'],
        security: [{ bearer: [] }],
        response: { 200: IngestSummarySchema, ...writeErrorResponses },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw new DossierError('DOSSIER_USAGE', 'expected a multipart/form-data upload with one or more files');
      const dir = await mkdtemp(join(tmpdir(), 'dossier-upload-'));
      try {
        // Each file in its own folder: two uploads with one name stay two files, each keeping its name.
        const uploads: Array<{ path: string; name: string }> = [];
        for await (const part of req.files({ limits: { fileSize: ctx.maxUploadBytes, files: MAX_UPLOAD_FILES } })) {
          const name = uploadName(part.filename, uploads.length);
          const folder = join(dir, String(uploads.length + 1));
          await mkdir(folder);
          const path = join(folder, name);
          await pipeline(part.file, createWriteStream(path));
          // With throwFileSizeLimit the iterator throws; this covers a stream cut short anyway.
          if (part.file.truncated) throw new DossierError('DOSSIER_API_TOO_LARGE', `${name} is larger than the upload limit of ${ctx.maxUploadBytes} bytes`);
          uploads.push({ path, name });
        }
        if (uploads.length === 0) throw new DossierError('DOSSIER_USAGE', 'the upload holds no file');
        // Stored under the name the client sent: the temporary path is gone once this returns.
        const names = new Map(uploads.map((u) => [u.path, u.name]));
        const summary = await ingestFiles(ctx.store, uploads.map((u) => u.path), { analyzer: await ctx.analyzer(), storedName: (file) => names.get(file) ?? basename(file) });
        // Clients know their files by the names they sent, not by our temporary paths.
        const shown = (s: string): string => uploads.reduce((acc, u) => acc.split(u.path).join(u.name), s);
        if (summary.storageError) throw new StorageError(shown(summary.storageError.during), summary.storageError.cause);
        return {
          files: summary.files,
          articlesNew: summary.articlesNew,
          articlesKnown: summary.articlesKnown,
          errors: summary.errors.map((e) => ({ file: shown(e.location.file), message: shown(e.message), code: e.code })),
          warnings: summary.warnings.map(shown),
        };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
};
