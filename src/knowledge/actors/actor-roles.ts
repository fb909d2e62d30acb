import type { Actor, ActorRole } from './actor-schema.js';

/**
 * The roles an actor held on a date. Dates may be partial ("2020", "2020-05") on either side:
 * a role counts when its span and the date's span overlap, so the day power changes hands
 * returns both the outgoing and the incoming holder. A null date asks for the current roles
 * (those with no end date).
 */
export function rolesAt(actor: Pick<Actor, 'roles'>, date: string | null): ActorRole[] {
  if (date === null) return actor.roles.filter((r) => r.to === null);
  const from = partialDateStart(date);
  const to = partialDateEnd(date);
  return actor.roles.filter((r) => (r.from === null || partialDateStart(r.from) <= to) && (r.to === null || partialDateEnd(r.to) >= from));
}

/**
 * Whether an actor existed on a date (partial dates as for roles): true for an actor with no
 * `existed` span, and for a null date (the question is then not asked).
 */
export function existedOn(actor: Pick<Actor, 'existed'>, date: string | null): boolean {
  const span = actor.existed;
  if (!span || date === null) return true;
  return (span.from === null || partialDateStart(span.from) <= partialDateEnd(date)) && (span.to === null || partialDateEnd(span.to) >= partialDateStart(date));
}

/** First day a partial date can mean ("2020-02" → "2020-02-01"); a time part is ignored. */
export function partialDateStart(date: string): string {
  const day = date.slice(0, 10);
  return day.length === 4 ? `${day}-01-01` : day.length === 7 ? `${day}-01` : day;
}

/** Last day a partial date can mean, as a string that sorts right ("2020-02" → "2020-02-31"). */
export function partialDateEnd(date: string): string {
  const day = date.slice(0, 10);
  return day.length === 4 ? `${day}-12-31` : day.length === 7 ? `${day}-31` : day;
}
