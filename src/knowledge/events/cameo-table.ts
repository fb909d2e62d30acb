import data from './cameo-codes.json' with { type: 'json' };
import future from './plover-future.json' with { type: 'json' };

/** One CAMEO event code: its short name, class and PLOVER equivalent. */
export interface CameoCode {
  readonly code: string;
  readonly root: string;
  readonly parent: string | null;
  readonly name: string;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  readonly quad: number;
  readonly goldstein: number | null;
  readonly plover: string | null;
  readonly ploverMode: string | null;
}

const CODES: ReadonlyMap<string, CameoCode> = new Map((data.codes as CameoCode[]).map((c) => [c.code, c]));

export function cameoCodes(): ReadonlyMap<string, CameoCode> {
  return CODES;
}

export function cameoCode(code: string): CameoCode | undefined {
  return CODES.get(code);
}

/** What a planned act of a PLOVER type becomes (plover-future.json). */
interface FutureType {
  readonly event: string;
  readonly mode?: string;
  readonly modes?: Readonly<Record<string, string>>;
}

const FUTURE: Readonly<Record<string, FutureType | undefined>> = future.types;

/**
 * The PLOVER event and mode of a code. Codes the mapping leaves out (155, 176, 1951...)
 * inherit their parent's type; 01x and 02x have none, as PLOVER drops them.
 *
 * `planned`: the act is announced or planned, not done. PLOVER has no future tense, so the
 * act is the promise or threat it is: "Ruritania will send Example Land a loan" is AGREE, "will
 * extend the curfew" THREATEN (restrict), "will withdraw its troops" CONCEDE
 * (plover-future.json).
 */
export function ploverOf(code: string, planned = false): { event: string | null; mode: string | null } {
  const done = ploverOfAct(code);
  const becomes = planned && done.event ? FUTURE[done.event] : undefined;
  if (!becomes) return done;
  return { event: becomes.event, mode: (done.mode ? becomes.modes?.[done.mode] : undefined) ?? becomes.mode ?? null };
}

function ploverOfAct(code: string): { event: string | null; mode: string | null } {
  for (let c = CODES.get(code); c; c = c.parent ? CODES.get(c.parent) : undefined) {
    if (c.plover) return { event: c.plover, mode: c.code === code ? c.ploverMode : null };
    if (c.root === '01' || c.root === '02') break;
  }
  return { event: null, mode: null };
}
