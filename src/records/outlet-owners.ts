import registry from '../knowledge/outlets/outlets.json' with { type: 'json' };
import { outletKey } from '../knowledge/outlets/outlet-names.js';

/**
 * The owner or parent the outlet registry gives an outlet, when it gives one: reports from
 * outlets with one owner are not independent witnesses. Entries without the field have none.
 */
const owners = new Map<string, string>();
for (const entry of registry.outlets as ReadonlyArray<{ name: string; aliases: readonly string[]; owner?: unknown; parent?: unknown }>) {
  const owner = typeof entry.owner === 'string' ? entry.owner : typeof entry.parent === 'string' ? entry.parent : null;
  if (owner === null) continue;
  for (const name of [entry.name, ...entry.aliases]) owners.set(outletKey(name), owner);
}

export function outletOwner(outlet: string | null): string | null {
  return outlet === null ? null : (owners.get(outletKey(outlet)) ?? null);
}
