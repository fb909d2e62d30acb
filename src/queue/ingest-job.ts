import { z } from 'zod';
import type { RawArticle } from '../ingest/raw-article.js';
import { READER_NAMES } from '../ingest/raw-article.js';

/** Job names on the ingest queue. */
export const ARTICLE_JOB = 'article';
export const WRITE_JOB = 'write';

const dateReading = z.object({ value: z.string(), precision: z.enum(['day', 'month', 'year']), raw: z.string(), reason: z.string() });

/** A RawArticle as it travels through Redis: checked on arrival, since another process wrote it. */
const rawArticle = z.object({
  title: z.string(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  date: dateReading.nullable(),
  url: z.string().nullable(),
  text: z.string(),
  headings: z.array(z.object({ start: z.number().int(), end: z.number().int() })).optional(),
  authorBio: z.string().nullable(),
  provenance: z.object({
    file: z.string(),
    startLine: z.number().int(),
    endLine: z.number().int(),
    startByte: z.number().int(),
    endByte: z.number().int(),
    reader: z.enum(READER_NAMES),
  }),
  sourceRuns: z.array(z.object({ textStart: z.number().int(), length: z.number().int(), sourceByte: z.number().int() })),
  extra: z.record(z.string(), z.unknown()),
});

/** One article to analyze: its batch (the `ingest --queue` run) and its place in that run's order. */
export const articleJob = z.object({ batch: z.string().min(1), index: z.number().int().min(0), article: rawArticle });
export type ArticleJob = { readonly batch: string; readonly index: number; readonly article: RawArticle };

/** Sent once a batch is registered: writes whatever was staged before the batch existed. */
export const writeJob = z.object({ batch: z.string().min(1) });
export type WriteJob = z.infer<typeof writeJob>;

/** Job ids are deterministic, so enqueuing the same batch twice adds nothing. */
export const articleJobId = (batch: string, index: number): string => `${batch}-${index}`;
