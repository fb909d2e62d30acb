import { z } from 'zod';

/**
 * The actor registry's schema. An actor is one identity that news text names in many ways:
 * a person, an organization, a state, an armed or political group, or a NORP group (a
 * nationality, religion or ethnicity: "Shiite", "Kurdish"). Types are inferred from the
 * zod schemas so the data files, user overrides and code cannot drift apart.
 */

export const ACTOR_TYPES = ['person', 'organization', 'state', 'group', 'norp'] as const;

/**
 * The core list first; "intelligence", "opposition" and "ethnic" were added for
 * actors that fit none of the core ones (spy agencies, exiled oppositions, NORP groups).
 */
export const SECTORS = [
  'government',
  'military',
  'police',
  'intelligence',
  'militia',
  'rebel',
  'designated terrorist group',
  'party',
  'legislature',
  'judiciary',
  'media',
  'IGO',
  'NGO',
  'business',
  'civilian',
  'religious',
  'ethnic',
  'opposition',
] as const;

export const ACTOR_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A CAMEO actor code: three-letter blocks, a country or IGO/IMG prefix then role codes. */
export const CAMEO_PATTERN = /^(?:[A-Z]{3}){1,4}$/;
/** Day precision when known; a month or a year alone when only that much is sure. */
export const PARTIAL_DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const actorId = z.string().regex(ACTOR_ID_PATTERN, 'must be a lower-case slug like "irq-pmu"');
const partialDate = z
  .string()
  .regex(PARTIAL_DATE_PATTERN, 'must be a date "YYYY-MM-DD" (or "YYYY-MM", "YYYY" when only that is known)')
  .nullable();

export const actorRoleSchema = z.strictObject({
  title: z.string().min(1),
  /** The id of the actor the role is held in ("irq-gov" for Iraq's prime minister). */
  of: actorId,
  from: partialDate,
  to: partialDate,
});

const nonEmptyName = z.string().trim().min(1, 'must not be empty');

/** When an actor existed: a former state ("cc-sun", 1922-12-30 to 1991-12-26); null ends are open. */
export const existedSchema = z.strictObject({ from: partialDate, to: partialDate });

const actorFields = {
  id: actorId,
  name: nonEmptyName,
  aliases: z.array(nonEmptyName),
  type: z.enum(ACTOR_TYPES),
  country: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code like "IRQ", or null')
    .nullable(),
  sector: z.enum(SECTORS),
  memberOf: z.array(actorId),
  roles: z.array(actorRoleSchema),
  cameo: z.string().regex(CAMEO_PATTERN, 'must be a CAMEO code of 3-letter blocks like "IRQGOV"').nullable(),
  wikidata: z.string().regex(/^Q[1-9]\d*$/, 'must be a Wikidata QID like "Q796"'),
  /** A state's capital, for the lead's metonymy rule ("Baghdad said" → the government). */
  capital: z.string().min(1),
  existed: existedSchema,
  note: z.string(),
};

export const actorSchema = z.strictObject({
  ...actorFields,
  aliases: actorFields.aliases.default([]),
  memberOf: actorFields.memberOf.default([]),
  roles: actorFields.roles.default([]),
  cameo: actorFields.cameo.default(null),
  wikidata: actorFields.wikidata.optional(),
  capital: actorFields.capital.optional(),
  existed: actorFields.existed.optional(),
  note: actorFields.note.optional(),
});

/**
 * What a data file or a user file holds for one id: a whole new actor, or changes to a known
 * one. Only `id` is required here; the merged result is checked against `actorSchema`.
 */
export const actorPatchSchema = z.strictObject({
  id: actorId,
  name: actorFields.name.optional(),
  aliases: actorFields.aliases.optional(),
  /** With true, `aliases` replace the known ones instead of extending them. */
  replaceAliases: z.boolean().optional(),
  type: actorFields.type.optional(),
  country: actorFields.country.optional(),
  sector: actorFields.sector.optional(),
  memberOf: actorFields.memberOf.optional(),
  roles: actorFields.roles.optional(),
  cameo: actorFields.cameo.optional(),
  wikidata: actorFields.wikidata.optional(),
  capital: actorFields.capital.optional(),
  existed: actorFields.existed.optional(),
  note: actorFields.note.optional(),
});

/** A registry file: a list of actors, or an object with an `actors` list. */
export const actorFileSchema = z.union([
  z.array(actorPatchSchema),
  z.strictObject({ actors: z.array(actorPatchSchema), description: z.string().optional() }),
]);

export type ActorType = (typeof ACTOR_TYPES)[number];
export type Sector = (typeof SECTORS)[number];
export type ActorRole = z.infer<typeof actorRoleSchema>;
export type ActorSpan = z.infer<typeof existedSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type ActorPatch = z.infer<typeof actorPatchSchema>;
