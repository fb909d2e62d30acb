/**
 * The resolver's tunable weights: how much each kind of evidence adds to a candidate's
 * score. They are the only numbers `eval geo --cv` fits (leave one corpus out); everything
 * else in the resolver is a rule. docs/places-and-times.md says which were fitted and on what.
 */
export interface ResolverWeights {
  /** A town sharing a country's name ("China, Texas") loses this much unless the text says so. */
  readonly countryNamesakeTown: number;
  /** A small town sharing a well-known admin-1 unit's name loses this much. */
  readonly admin1NamesakeTown: number;
  /** A candidate inside a country other names resolve to: base, plus share × the share of names. */
  readonly documentCountryBase: number;
  readonly documentCountryShare: number;
  /** A candidate in a country given as the focus before reading (the outlet's country). */
  readonly focusCountry: number;
  /** A town inside an admin-1 unit the article names outright. */
  readonly namedAdmin1: number;
  /** Multiplies the support from other names with a candidate nearby (at most 3 before scaling). */
  readonly nearness: number;
  /** The outlet's home state, and a point within 50 km of its home town. */
  readonly homeAdmin1: number;
  readonly homeNear: number;
  /**
   * A town or unit outside the document's focus country (where most other names resolve)
   * with nothing in the text for it: "Al-Kara" in an article about western Iraq is not Togo's.
   */
  readonly outsideFocus: number;
  /** Per tenfold of a town's population above (or below) 100,000, on top of the prior's own slope. */
  readonly townPopulation: number;
}

export const DEFAULT_RESOLVER_WEIGHTS: ResolverWeights = Object.freeze({
  countryNamesakeTown: 6,
  admin1NamesakeTown: 3,
  documentCountryBase: 1.5,
  documentCountryShare: 2,
  focusCountry: 1.5,
  namedAdmin1: 3,
  nearness: 1,
  homeAdmin1: 1.5,
  homeNear: 1.5,
  outsideFocus: 0,
  townPopulation: 0,
});

export const RESOLVER_WEIGHT_NAMES = Object.keys(DEFAULT_RESOLVER_WEIGHTS) as ReadonlyArray<keyof ResolverWeights>;
