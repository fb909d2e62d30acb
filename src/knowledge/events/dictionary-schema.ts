import { z } from 'zod';

/** A CAMEO event code as the dictionary writes it: the root and up to two more digits. */
export const EVENT_CODE_PATTERN = /^(0[1-9]|1\d|20)\d{0,2}$/;

const MAGNITUDE_KINDS = ['killed', 'injured', 'arrested', 'kidnapped', 'missing', 'displaced'] as const;

/** Words of a pattern: lower-case words, alternatives joined by "|", no empty alternative. */
const pattern = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .regex(/^[a-z0-9'-]+(?:\|[a-z0-9'-]+)*(?: [a-z0-9'-]+(?:\|[a-z0-9'-]+)*)*$/, 'must be lower-case words separated by single spaces, alternatives joined by "|"');

/**
 * One dictionary entry: the CAMEO code and the verb and noun patterns that name it.
 * `of`: what "the <noun> of X" makes X ("withdrawal of US troops" → source; "arrest of X" →
 * target). `magnitude`: what a bare count near the trigger counts ("killed at least 10").
 * `weight` (0..1): how surely the words mean this event outside our domain ("strike").
 */
export const eventEntrySchema = z.strictObject({
  code: z.string().regex(EVENT_CODE_PATTERN, 'must be a CAMEO event code like "19", "190" or "1951"'),
  verbs: z.array(pattern).default([]),
  nouns: z.array(pattern).default([]),
  of: z.enum(['source', 'target']).optional(),
  magnitude: z.enum(MAGNITUDE_KINDS).optional(),
  weight: z.number().min(0).max(1).optional(),
  note: z.string().optional(),
});

export const eventDictionaryFileSchema = z.union([
  z.array(eventEntrySchema),
  z.strictObject({ description: z.string().optional(), entries: z.array(eventEntrySchema) }),
]);

export type EventEntry = z.infer<typeof eventEntrySchema>;
export type DictionaryMagnitude = (typeof MAGNITUDE_KINDS)[number];
