import data from './cameo-codes.json' with { type: 'json' };

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

/**
 * The PLOVER event and mode of a code. Codes the mapping leaves out (155, 176, 1951...)
 * inherit their parent's type; 01x and 02x have none, as PLOVER drops them.
 */
export function ploverOf(code: string): { event: string | null; mode: string | null } {
  for (let c = CODES.get(code); c; c = c.parent ? CODES.get(c.parent) : undefined) {
    if (c.plover) return { event: c.plover, mode: c.code === code ? c.ploverMode : null };
    if (c.root === '01' || c.root === '02') break;
  }
  return { event: null, mode: null };
}
