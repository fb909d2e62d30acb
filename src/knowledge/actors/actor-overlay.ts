/**
 * The analyst's corrections as an overlay on what the pipeline linked. The pipeline's own
 * link (the raw actor id) is never overwritten; the effective actor of a mention is the raw
 * one with every correction replayed in order. That is what makes corrections survive a
 * re-run (the new raw links are corrected the same way) and what makes undo exact.
 */

export type Correction =
  | { readonly op: 'merge'; readonly into: string; readonly from: string }
  | { readonly op: 'split'; readonly actor: string; readonly surface: string; readonly name?: string }
  | { readonly op: 'rename'; readonly actor: string; readonly name: string }
  | { readonly op: 'alias-add'; readonly actor: string; readonly alias: string }
  | { readonly op: 'alias-remove'; readonly actor: string; readonly alias: string };

export type CorrectionOp = Correction['op'];

export interface MentionForOverlay {
  readonly rawActorId: string | null;
  readonly text: string;
  readonly type: string;
}

/** How a surface is compared: case, diacritics, apostrophes, hyphens and spacing do not count. */
export function surfaceKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʿʾ]/g, '')
    .replace(/[\s\-‐‑–—]+/g, ' ')
    .replace(/^the /, '')
    .trim();
}

/** The id a split creates: stable, so replaying the same split gives the same actor. */
export function splitActorId(actor: string, surface: string): string {
  return `split:${actor}:${surfaceKey(surface).replace(/ /g, '-')}`;
}

/** The id of an actor nobody listed, from its surface: "new:person:qais-al-khazali". */
export function newActorId(type: string, surface: string): string {
  return `new:${type.toLowerCase()}:${surfaceKey(surface).replace(/ /g, '-')}`;
}

/** The actor a mention ends up with once every correction is replayed, oldest first. */
export function effectiveActor(corrections: readonly Correction[], m: MentionForOverlay): string | null {
  let id = m.rawActorId;
  const key = surfaceKey(m.text);
  for (const c of corrections) {
    switch (c.op) {
      case 'merge':
        if (id === c.from) id = c.into;
        break;
      case 'split':
        if (id === c.actor && key === surfaceKey(c.surface)) id = splitActorId(c.actor, c.surface);
        break;
      case 'alias-add':
        if (key === surfaceKey(c.alias)) id = c.actor;
        break;
      case 'alias-remove':
        if (id === c.actor && key === surfaceKey(c.alias)) id = newActorId(m.type, m.text);
        break;
      case 'rename':
        break;
    }
  }
  return id;
}

/** Display names the analyst chose, last rename wins; split actors are named after their surface. */
export function overlayNames(corrections: readonly Correction[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of corrections) {
    if (c.op === 'rename') names.set(c.actor, c.name);
    if (c.op === 'split') names.set(splitActorId(c.actor, c.surface), c.name ?? c.surface);
  }
  return names;
}

/** Actors whose mentions a correction can move: the ones to re-derive after it is made or undone. */
export function touchedActors(c: Correction): string[] {
  switch (c.op) {
    case 'merge':
      return [c.into, c.from];
    case 'split':
      return [c.actor, splitActorId(c.actor, c.surface)];
    case 'rename':
      return [c.actor];
    case 'alias-add':
    case 'alias-remove':
      return [c.actor];
  }
}
