import type { Token } from './sentence-view.js';
import type { Trigger } from './triggers.js';

/**
 * Claim frames: words by which someone makes another believe that an event happened, or
 * pins it on someone. The event they embed is `claimed`, and the frame's subject is the
 * claimant: "X led Y to believe that …", "X convinced Y that …", "X told Y that …",
 * "X accused Y of …", "X blamed the attack on Y".
 */

export type ClaimFrameKind = 'persuade' | 'accuse' | 'blame';

export interface ClaimFrame {
  readonly kind: ClaimFrameKind;
  /** Sentence position of the frame's verb (its subject is the claimant). */
  readonly verb: number;
  readonly why: string;
}

const LEAD = new Set(['led', 'lead', 'leads', 'leading']);
const BELIEVE = new Set(['believe', 'think', 'conclude', 'understand']);
const CONVINCE = new Set(['convinced', 'convince', 'convinces', 'convincing', 'persuaded', 'persuade', 'persuades', 'assured', 'assure', 'assures', 'told', 'tell', 'tells']);
const ACCUSE = new Set(['accused', 'accuse', 'accuses', 'accusing']);
const BLAME = new Set(['blamed', 'blame', 'blames', 'blaming']);
/** How far the object of the frame may reach: "led President Trump to believe". */
const REACH = 6;

/** The claim frame before the trigger that governs it, or null. */
export function claimFrameOf(tokens: readonly Token[], trigger: Trigger): ClaimFrame | null {
  const head = trigger.words[0]!;
  for (let i = head - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (!t.tag.startsWith('VB') || trigger.words.includes(i)) continue;
    if (LEAD.has(t.norm)) {
      for (let j = i + 2; j < Math.min(head, i + REACH + 2); j++) {
        if (tokens[j - 1]!.norm === 'to' && BELIEVE.has(tokens[j]!.norm)) return { kind: 'persuade', verb: i, why: `'${t.norm} … to ${tokens[j]!.norm}'` };
      }
    }
    // "convinced Trump that": only with "that"; "persuaded him to act" is a request.
    if (CONVINCE.has(t.norm)) {
      for (let j = i + 1; j < Math.min(head, i + REACH + 1); j++) {
        if (tokens[j]!.norm === 'that') return { kind: 'persuade', verb: i, why: `'${t.norm} … that'` };
      }
    }
    if (ACCUSE.has(t.norm)) return { kind: 'accuse', verb: i, why: `'${t.norm}'` };
    if (BLAME.has(t.norm)) return { kind: 'blame', verb: i, why: `'${t.norm}'` };
  }
  return null;
}
