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

/** A class of event arguments, by its name in src/knowledge/lexicon/argument-classes.json. */
const argumentClass = z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, 'must be a class name of argument-classes.json, like "armed-agent"');

/**
 * A frame (issue 13): what the verb's arguments must be for its words to name this event, so
 * "strike" is an attack with an attacker or a target that can be attacked ("the jets struck
 * the convoy", "rebels struck at dawn") and not in "the book strikes the reader" or "struck a
 * deal". The classes are lists of head nouns and actor codes in
 * src/knowledge/lexicon/argument-classes.json (read them with `argumentClasses()` and
 * `inArgumentClass()`, argument-classes.ts). The event holds when:
 *
 * - `needs` is met: `agent`: the source is in one of the `agent` classes; `target`: the
 *   target is in one of the `target` classes; `agent-or-target`: either; `agent-and-target`:
 *   both; `none`: any arguments, only the exclusions below apply ("released a statement"). A passive verb's agent is its "by" phrase or instrument ("hit by a missile").
 * - and no target is in a `notTarget` class ("hit a record", "strike a deal"), and no source
 *   in a `notAgent` class ("an earthquake struck the city", "exporters hit by falling
 *   prices"), whatever the other argument is.
 *
 * Without a frame the words alone decide, as before. The events stage does not read frames
 * yet; they are data for the stage that will.
 */
export const eventFrameSchema = z
  .strictObject({
    needs: z.enum(['agent', 'target', 'agent-or-target', 'agent-and-target', 'none']),
    agent: z.array(argumentClass).default([]),
    target: z.array(argumentClass).default([]),
    notTarget: z.array(argumentClass).default([]),
    notAgent: z.array(argumentClass).default([]),
  })
  .superRefine((f, ctx) => {
    if (f.needs !== 'target' && f.needs !== 'none' && f.agent.length === 0) ctx.addIssue({ code: 'custom', path: ['agent'], message: `needs "${f.needs}" but names no agent class` });
    if (f.needs !== 'agent' && f.needs !== 'none' && f.target.length === 0) ctx.addIssue({ code: 'custom', path: ['target'], message: `needs "${f.needs}" but names no target class` });
  });

/**
 * A more specific code the entry takes when its participants say what kind of act it is
 * (issue 13): "rebels killed 18 soldiers" is fighting, which CAMEO codes as conventional
 * military force (190), not the assault of "a man was killed by a neighbour" (1823); "21
 * protesters were killed" is violent repression (175). `when` is an argument class of
 * argument-classes.json; `side` says whose class it is (`either`: the source or a target).
 * The first rule that holds wins.
 */
export const eventRecodeSchema = z.strictObject({
  when: argumentClass,
  side: z.enum(['source', 'target', 'either']),
  code: z.string().regex(EVENT_CODE_PATTERN, 'must be a CAMEO event code like "19", "190" or "1951"'),
});

/**
 * One dictionary entry: the CAMEO code and the verb and noun patterns that name it.
 * `of`: what "the <noun> of X" makes X ("withdrawal of US troops" → source; "arrest of X" →
 * target). `magnitude`: what a bare count near the trigger counts ("killed at least 10").
 * `weight` (0..1): how surely the words mean this event outside our domain ("strike").
 * `frame`: what the verb's source and target must be (see eventFrameSchema); for the
 * entry's verbs, not its nouns. `recode`: a more specific code by the kind of participants
 * (see eventRecodeSchema), for verbs and nouns. `onlyAhead`: the words name this event only
 * when the act is told as still to come (planned, conditional, hypothetical): "we will
 * retaliate" is a threat (138); "Turkey retaliated by attacking" names no threat.
 */
export const eventEntrySchema = z.strictObject({
  code: z.string().regex(EVENT_CODE_PATTERN, 'must be a CAMEO event code like "19", "190" or "1951"'),
  verbs: z.array(pattern).default([]),
  nouns: z.array(pattern).default([]),
  of: z.enum(['source', 'target']).optional(),
  magnitude: z.enum(MAGNITUDE_KINDS).optional(),
  weight: z.number().min(0).max(1).optional(),
  frame: eventFrameSchema.optional(),
  recode: z.array(eventRecodeSchema).optional(),
  onlyAhead: z.boolean().optional(),
  note: z.string().optional(),
});

/**
 * A dictionary file: a list of entries, or an object with them. `source` and `licence` say
 * where mined entries come from (event-dictionary-petrarch.json); `weight` is the default
 * weight of the file's entries (an entry's own weight wins).
 */
export const eventDictionaryFileSchema = z.union([
  z.array(eventEntrySchema),
  z.strictObject({
    description: z.string().optional(),
    source: z.string().optional(),
    licence: z.string().optional(),
    weight: z.number().min(0).max(1).optional(),
    entries: z.array(eventEntrySchema),
  }),
]);

export type EventEntry = z.infer<typeof eventEntrySchema>;
export type EventFrame = z.infer<typeof eventFrameSchema>;
export type EventRecode = z.infer<typeof eventRecodeSchema>;
export type DictionaryMagnitude = (typeof MAGNITUDE_KINDS)[number];
