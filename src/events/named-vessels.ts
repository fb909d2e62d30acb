import { argumentClasses, inArgumentClass } from '../knowledge/events/argument-classes.js';
import type { Document, EventParticipant } from '../text/document.js';
import { vesselCameo } from './actor-codes.js';

/**
 * The ship's name after a ship noun: `the tanker “Stena Nova”`, `the vessel named "Sea Lark"`,
 * `a freighter called “Blue Star”`. Quotation marks are required, so "the tanker on Friday"
 * or a sentence's next clause is never read as a name.
 */
const NAME_AFTER = /^\s*,?\s*(?:(?:named|called)\s+)?["“]([^\s"“”][^"“”\n]{0,58}[^\s"“”])["”]/;

/**
 * A target that is a ship noun followed by the ship's quoted name is that ship: the name says
 * which one, and it is how other outlets name it, so records and analysts find it by it.
 */
export function namedVessel(doc: Document, p: EventParticipant): EventParticipant {
  const vessel = argumentClasses().get('vessel');
  if (!vessel || p.entity !== null || p.actorId !== null) return p;
  if (!inArgumentClass(vessel, p.name.split(/\s+/), null)) return p;
  const m = NAME_AFTER.exec(doc.text.slice(p.span.end, p.span.end + 90));
  if (!m) return p;
  const name = m[1]!;
  const start = p.span.end + m.index + m[0].indexOf(m[1]!);
  const entities = doc.layers.entities ?? [];
  const entity = entities.findIndex((e) => e.start <= start && e.end > start);
  return { span: { start, end: start + m[1]!.length }, entity: entity >= 0 ? entity : null, actorId: null, name, cameo: vesselCameo(name) ?? p.cameo };
}
