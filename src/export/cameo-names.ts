import { cameoCode } from '../knowledge/events/cameo-table.js';

/** CAMEO facts an export writes: names, the GDELT code levels, quad class and Goldstein scale. */

/** The code's own name, or its nearest named ancestor's (codes the table leaves out inherit). */
export function cameoName(code: string): string {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const found = cameoCode(c);
    if (found) return found.name;
  }
  return '';
}

/** GDELT's EventBaseCode: the three-digit level ("190" for "1901"); a root stays a root. */
export const baseCode = (code: string): string => code.slice(0, 3);

export const rootCode = (code: string): string => code.slice(0, 2);

/** 1 verbal cooperation (01–05), 2 material cooperation (06–09), 3 verbal conflict (10–14), 4 material conflict (15–20). */
export function quadClass(code: string): number | null {
  const root = Number(rootCode(code));
  if (!Number.isInteger(root) || root < 1 || root > 20) return null;
  if (root <= 5) return 1;
  if (root <= 9) return 2;
  return root <= 14 ? 3 : 4;
}

/** The Goldstein conflict-cooperation score from the CAMEO table, inherited from the nearest scored ancestor. */
export function goldstein(code: string): number | null {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const g = cameoCode(c)?.goldstein;
    if (g !== undefined && g !== null) return g;
  }
  return null;
}
