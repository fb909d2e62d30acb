import type { Chunk } from './participants.js';
import type { Token } from './sentence-view.js';

/**
 * "The rocket barrage had been launched from a Sunni area of Kirkuk with a strong Islamic
 * State presence": a passive launch verb after an attack noun tells where the attack came
 * from, and sometimes who holds that ground. The rule is narrow on purpose: the launch area
 * is the attack's place, and an actor is read only from "an area held/controlled by X" or
 * "with a (strong) X presence" right after it. That actor is an inference of the text, not
 * a statement that X attacked, so the stage codes it `reported` at lower confidence.
 */

export interface LaunchSite {
  /** Sentence position of the launch verb. */
  readonly verb: number;
  /** Sentence positions [from, to) of the launch area ("a Sunni area of Kirkuk"). */
  readonly from: number;
  readonly to: number;
  /** The chunk naming who holds the area, when the sentence says. */
  readonly holder: Chunk | null;
  readonly why: string;
}

const LAUNCH = new Set(['launched', 'fired', 'shot']);
const AUX = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'had', 'has', 'have', 'reportedly', 'apparently', 'allegedly', 'probably', 'likely']);
const BE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being']);
/** Heads that pass their place through "of": "an area of Kirkuk", "the outskirts of Mosul". */
const AREAS = new Set(['area', 'areas', 'territory', 'region', 'district', 'part', 'parts', 'village', 'town', 'neighborhood', 'neighbourhood', 'outskirts', 'suburb', 'suburbs', 'zone', 'province', 'city', 'countryside', 'desert']);
const HELD = new Set(['held', 'controlled', 'dominated', 'occupied', 'run']);
const PRESENCE_WORDS = new Set(['a', 'an', 'the', 'strong', 'heavy', 'large', 'significant', 'known', 'sizeable', 'sizable']);

/** The launch site told right after the attack noun's chunk, or null. */
export function launchSite(tokens: readonly Token[], chunks: readonly Chunk[], attack: Chunk): LaunchSite | null {
  let i = attack.to;
  let passive = false;
  while (i < tokens.length && AUX.has(tokens[i]!.norm)) {
    if (BE.has(tokens[i]!.norm)) passive = true;
    i++;
  }
  const verb = tokens[i];
  if (!passive || !verb || !LAUNCH.has(verb.norm) || !/^VB[ND]$/.test(verb.tag) || tokens[i + 1]?.norm !== 'from') return null;
  const area = chunks.find((c) => c.from === i + 2);
  if (!area) return null;
  let to = area.to;
  if (AREAS.has(tokens[area.to - 1]!.norm) && tokens[area.to]?.norm === 'of') {
    const inner = chunks.find((c) => c.from === area.to + 1);
    if (inner) to = inner.to;
  }
  return { verb: i, from: area.from, to, ...holderAfter(tokens, chunks, to) };
}

function holderAfter(tokens: readonly Token[], chunks: readonly Chunk[], at: number): { holder: Chunk | null; why: string } {
  // "… held by X", "…, controlled by X"
  let i = at;
  if (tokens[i]?.norm === ',') i++;
  if (HELD.has(tokens[i]?.norm ?? '') && tokens[i + 1]?.norm === 'by') {
    const holder = chunks.find((c) => c.from === i + 2) ?? null;
    if (holder) return { holder, why: `launched from an area ${tokens[i]!.norm} by it` };
  }
  // "… with a strong X presence"
  if (tokens[at]?.norm === 'with') {
    const phrase = chunks.find((c) => c.from === at + 1);
    if (phrase && tokens[phrase.to - 1]!.norm === 'presence') {
      let from = phrase.from;
      while (from < phrase.to - 1 && PRESENCE_WORDS.has(tokens[from]!.norm)) from++;
      if (from < phrase.to - 1) return { holder: { from, to: phrase.to - 1 }, why: 'launched from an area with a strong presence of it' };
    }
  }
  return { holder: null, why: '' };
}
