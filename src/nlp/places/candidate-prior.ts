import type { PlaceCandidate } from '../../knowledge/gazetteer/gazetteer.js';

/**
 * What a candidate is worth before any context: countries first, then big cities, admin-1
 * units, curated sites, and small towns last. The scale is log10(population)-like, so a
 * city of a million (7.5) beats a province (6), and a country (12) wins unless the text
 * clearly says otherwise.
 */
const CAPITAL_BONUS = 2.5;
// A province or state capital is the sense news means more often than its size alone says.
const PPLA_BONUS = 1;
const VARIANT_PENALTY = 0.5;

export function priorScore(c: PlaceCandidate): number {
  let score: number;
  switch (c.kind) {
    case 'country':
      score = 12;
      break;
    case 'admin1':
      score = 6.8;
      break;
    case 'admin2':
      score = 3.5;
      break;
    case 'area':
      score = 7;
      break;
    case 'water':
    case 'landform':
    case 'site':
      score = 6.5;
      break;
    default:
      // Curated towns and districts were listed because news names them: treat them as mid-sized.
      score = c.population > 0 ? 1.5 + Math.log10(c.population) : c.curated ? 6 : 2.5;
      if (c.kind === 'district' && !c.curated) score -= 1;
  }
  if (c.capital) score += CAPITAL_BONUS;
  else if (c.featureCode === 'PPLA') score += PPLA_BONUS;
  if (c.match === 'demonym') score -= 1;
  // A spelling that only meets the name loosely is weaker evidence than the name itself.
  else if (c.match === 'variant') score -= VARIANT_PENALTY;
  return score;
}

/** "population 7.2M", "population 950k". */
export function formatPopulation(population: number): string {
  if (population >= 1e6) return `population ${(population / 1e6).toFixed(1)}M`;
  if (population >= 1e3) return `population ${Math.round(population / 1e3)}k`;
  return `population ${population}`;
}

/** Small preference for the kind of place the tagger said it saw. */
export function typeFit(c: PlaceCandidate, type: string): number {
  const loc = c.kind === 'water' || c.kind === 'landform' || c.kind === 'area';
  if (type === 'FAC') return c.kind === 'site' ? 1 : 0;
  if (type === 'LOC') return loc ? 1 : 0;
  if (type === 'GPE') return loc || c.kind === 'site' ? -0.5 : 0;
  return 0;
}
