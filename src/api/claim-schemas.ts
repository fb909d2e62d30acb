import { z } from 'zod';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors.js';

/** Response shapes of EventOut and QuoteOut (src/store/events-queries.ts), shared by several routes. */

const Participant = z.object({ id: z.string().nullable(), name: z.string(), text: z.string(), cameo: z.string().nullable() });

export const ReviewStatus = z.enum(['accepted', 'rejected', 'fixed']).nullable();

export const EventSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  code: z.string(),
  rootCode: z.string(),
  plover: z.string().nullable(),
  ploverMode: z.string().nullable(),
  source: z.array(Participant),
  target: z.array(Participant),
  place: z
    .object({ id: z.string(), name: z.string(), lat: z.number(), lon: z.number(), geonamesId: z.number().nullable(), precision: z.string() })
    .nullable(),
  date: z.string().nullable(),
  dateEnd: z.string().nullable(),
  datePrecision: z.string().nullable(),
  modality: z.string(),
  attributedTo: z.object({ speaker: z.string().nullable(), speakerId: z.string().nullable(), outlet: z.string().nullable() }).nullable(),
  magnitudes: z.array(
    z.object({ kind: z.string(), value: z.number().nullable(), qualifier: z.string(), text: z.string(), span: z.object({ start: z.number().int(), end: z.number().int() }).optional().describe('the figure in the article text') }),
  ),
  evidence: z.string(),
  evidenceSpan: z.object({ start: z.number().int(), end: z.number().int() }),
  trigger: z.string(),
  fields: z.record(z.string(), z.unknown()),
  confidence: z.number(),
  reason: z.string(),
  review: ReviewStatus,
});

export const QuoteSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  outlet: z.string().nullable(),
  speaker: z.object({ id: z.string().nullable(), name: z.string().nullable(), role: z.string().nullable(), text: z.string().nullable() }),
  via: z.object({ name: z.string(), id: z.string().nullable() }).nullable(),
  kind: z.string(),
  direct: z.boolean(),
  text: z.string(),
  span: z.object({ start: z.number().int(), end: z.number().int() }),
  date: z.string().nullable(),
  topicActorIds: z.array(z.string()),
  confidence: z.number(),
  reason: z.string(),
  review: ReviewStatus,
});

/** The codes of the error catalogue (src/errors.ts, docs/errors.md). */
const ErrorCodeSchema = z.enum(Object.keys(ERROR_CATALOGUE) as [ErrorCode, ...ErrorCode[]]);

export const ErrorSchema = z.object({
  error: z.object({ code: ErrorCodeSchema, message: z.string(), file: z.string().optional(), reason: z.string().optional() }),
});

/** The error responses every route may give, for the OpenAPI document. */
export const errorResponses = { 400: ErrorSchema, 404: ErrorSchema, 500: ErrorSchema, 503: ErrorSchema };
export const writeErrorResponses = { ...errorResponses, 401: ErrorSchema, 403: ErrorSchema, 413: ErrorSchema };
