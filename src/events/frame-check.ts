import { argumentClasses, inArgumentClass } from '../knowledge/events/argument-classes.js';
import type { EventFrame, EventRecode } from '../knowledge/events/dictionary-schema.js';
import type { EventParticipant } from '../text/document.js';

/**
 * Whether a verb's arguments let its words name the event its frame describes
 * (dictionary-schema.ts `frame`): "the jets struck the convoy" is an attack, "the first thing
 * that strikes the casual reader" is not. A frame is counter-evidence only: a verb whose
 * arguments the parse did not find at all keeps its event, since nothing speaks against it;
 * one whose arguments are there and all outside the frame's classes, or one naming an
 * argument the frame excludes, does not.
 */
function inClass(name: string, p: EventParticipant): boolean {
  const cls = argumentClasses().get(name);
  return cls !== undefined && inArgumentClass(cls, p.name.split(/\s+/), p.cameo);
}

/**
 * The more specific code an entry's `recode` rules give for these participants
 * (dictionary-schema.ts): "rebels killed 18 soldiers" → 190, fighting; null when no rule holds.
 */
export function recodeFor(rules: readonly EventRecode[], sources: readonly EventParticipant[], targets: readonly EventParticipant[]): { code: string; why: string } | null {
  for (const rule of rules) {
    const side = rule.side === 'source' ? sources : rule.side === 'target' ? targets : [...sources, ...targets];
    // A class is of groups and forces: a general killed ("killing Soleimani") is a killing of a
    // person, not a battle, whatever his code. Registry ids of people start "per-".
    const people = argumentClasses().get(rule.when)?.registryPeople ?? false;
    const hit = side.find((p) => (people ? p.actorId?.startsWith('per-') === true : !p.actorId?.startsWith('per-') && inClass(rule.when, p)));
    if (hit) return { code: rule.code, why: `code ${rule.code}: '${hit.name}' is a ${rule.when} (${rule.side === 'either' ? 'a party' : `the ${rule.side}`})` };
  }
  return null;
}

/**
 * `objectWords`: the lemmas of what the verb is done to, actor or not, so that an object no
 * participant stands for ("released a statement") still excludes.
 */
export function frameHolds(
  frame: EventFrame,
  sources: readonly EventParticipant[],
  targets: readonly EventParticipant[],
  objectWords: readonly string[] = [],
  namesPlace: (p: EventParticipant) => boolean = () => false,
): { holds: boolean; why: string } {
  const inAny = (p: EventParticipant, names: readonly string[]) => names.some((n) => inClass(n, p));
  const excludedTarget = targets.find((p) => inAny(p, frame.notTarget));
  if (excludedTarget) return { holds: false, why: `target '${excludedTarget.name}' is not what this verb's event is done to` };
  const excludedObject = objectWords.find((w) => frame.notTarget.some((n) => {
    const cls = argumentClasses().get(n);
    return cls !== undefined && inArgumentClass(cls, [w], null);
  }));
  if (excludedObject) return { holds: false, why: `'${excludedObject}' is not what this verb's event is done to` };
  const excludedAgent = sources.find((p) => inAny(p, frame.notAgent));
  if (excludedAgent) return { holds: false, why: `source '${excludedAgent.name}' is not who does this verb's event` };
  if (frame.needs === 'none') return { holds: true, why: '' };
  // Only actors (a name, or a coded role or country) are evidence for what the verb means; a
  // thing the parse took for an argument ("the western jetty") may be the target all the same.
  const actors = (ps: readonly EventParticipant[]) => ps.filter((p) => p.entity !== null || p.cameo !== null);
  const agents = actors(sources);
  const patients = actors(targets);
  if (agents.length === 0 && patients.length === 0) return { holds: true, why: '' };
  const agentOk = agents.some((p) => inAny(p, frame.agent));
  // "targeted Erbil Governorate": a place by its name is what an attack can be aimed at
  // whenever the frame takes places ('attackable' does), whatever its last word.
  const placeOk = (p: EventParticipant) => namesPlace(p) && frame.target.some((n) => argumentClasses().get(n)?.places === true);
  const targetOk = patients.some((p) => inAny(p, frame.target) || placeOk(p)) || (frame.needs === 'agent-or-target' && agents.length === 0);
  const met =
    frame.needs === 'agent' ? agentOk : frame.needs === 'target' ? targetOk : frame.needs === 'agent-or-target' ? agentOk || targetOk : agentOk && targetOk;
  return met ? { holds: true, why: '' } : { holds: false, why: `its ${frame.needs} is not of the kind the event needs` };
}
