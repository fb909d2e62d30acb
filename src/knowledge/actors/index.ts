/** The actor registry: schema, loading, name matching, roles and demonyms. */

export { editDistance, foldKey, foldWord, nameKey, nameWords } from './actor-names.js';
export { rolesAt } from './actor-roles.js';
export type { Actor, ActorPatch, ActorRole, ActorType, Sector } from './actor-schema.js';
export { ACTOR_TYPES, actorSchema, SECTORS } from './actor-schema.js';
export type { AliasIndex, AliasMention, AmbiguousAlias, NameMatch } from './alias-index.js';
export { buildAliasIndex, findAliasMentions, lookupActorName } from './alias-index.js';
export { demonymCountry, demonymEntries, ISO3_CODES } from './country-actors.js';
export type { ActorRegistry, LoadRegistryOptions } from './load-registry.js';
export { loadActorRegistry } from './load-registry.js';
