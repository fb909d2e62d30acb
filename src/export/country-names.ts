import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';

/** Country names and two-letter codes by ISO 3166-1 alpha-3, read once from world-countries. */

const require = createRequire(import.meta.url);
let byAlpha3: ReadonlyMap<string, { name: string; alpha2: string }> | undefined;

function countries(): ReadonlyMap<string, { name: string; alpha2: string }> {
  // world-countries' types describe an ES default export; as CommonJS it exports the array.
  byAlpha3 ??= new Map((require('world-countries') as Countries).map((c) => [c.cca3, { name: c.name.common, alpha2: c.cca2 }]));
  return byAlpha3;
}

/** "Iraq" for "IRQ"; the code itself when unknown, empty for none. */
export const countryName = (alpha3: string | null): string => (alpha3 === null ? '' : (countries().get(alpha3)?.name ?? alpha3));

/** "IQ" for "IRQ"; empty when unknown. */
export const countryAlpha2 = (alpha3: string | null): string => (alpha3 === null ? '' : (countries().get(alpha3)?.alpha2 ?? ''));

/** The country a CAMEO actor code starts with ("IRQ" of "IRQCOP"), when it starts with one. */
export const countryOfCameo = (cameo: string | null): string | null => {
  const prefix = cameo?.slice(0, 3) ?? '';
  return countries().has(prefix) ? prefix : null;
};
