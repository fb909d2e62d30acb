import { findKnownOutlet } from '../knowledge/outlets/outlet-names.js';

/**
 * The owner group the outlet registry gives an outlet, when it gives one: reports from
 * outlets of one group are not independent witnesses. The group is the parent when the
 * registry names one (Dow Jones's WSJ and the New York Post are both News Corp), else the
 * owner; an outlet with neither has none, and is judged on its own.
 */
export function outletOwner(outlet: string | null): string | null {
  if (outlet === null) return null;
  const known = findKnownOutlet(outlet);
  return known?.parent ?? known?.owner ?? null;
}
