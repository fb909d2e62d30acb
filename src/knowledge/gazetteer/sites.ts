import { z } from 'zod';
import sites from './sites.json' with { type: 'json' };

/**
 * The curated sites file: places news names that city lists lack (bases, crossings,
 * districts, waters, regions), checked for shape when the gazetteer is built.
 */

const SiteSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  geonamesId: z.number().int().nullable().default(null),
  featureClass: z.enum(['A', 'H', 'L', 'P', 'R', 'S', 'T', 'U', 'V']),
  featureCode: z.string(),
  country: z.string().length(3).nullable(),
  admin1: z.string().nullable().default(null),
  precision: z.enum(['site', 'city', 'district', 'region', 'country', 'area']),
  population: z.number().optional(),
  /** West, south, east, north: the area a region covers (west > east across the antimeridian). */
  bbox: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
  note: z.string().default(''),
});

export type Site = z.infer<typeof SiteSchema>;

export function readSites(): readonly Site[] {
  return z.array(SiteSchema).parse(sites);
}
