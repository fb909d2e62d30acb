import type { UdSpan, UdWord } from './parse-words.js';

/**
 * Gold and system words matched as conll18_ud_eval.py (CoNLL 2018 shared task) matches
 * them. Outside multiword tokens a pair matches only when both spans are equal. Inside the
 * smallest stretch that covers a multiword token on either side, the words match along
 * the longest common subsequence of their lower-cased forms: gold "don't" = do + n't
 * against one system word "don't" matches nothing; against system do + n't, both.
 */

/** For each gold word, the index of its system word, or -1 when none matches. */
export function alignWords(gold: readonly UdWord[], system: readonly UdWord[]): Int32Array {
  const systemOf = new Int32Array(gold.length).fill(-1);
  let gi = 0;
  let si = 0;
  while (gi < gold.length && si < system.length) {
    const g = gold[gi]!;
    const s = system[si]!;
    if (g.multiword || s.multiword) {
      const stretch = multiwordStretch(gold, system, gi, si);
      alignByForms(gold, system, stretch, systemOf);
      gi = stretch.gEnd;
      si = stretch.sEnd;
    } else if (g.span.start === s.span.start && g.span.end === s.span.end) {
      systemOf[gi++] = si++;
    } else if (g.span.start <= s.span.start) {
      gi++;
    } else {
      si++;
    }
  }
  return systemOf;
}

interface Stretch {
  readonly gStart: number;
  readonly sStart: number;
  readonly gEnd: number;
  readonly sEnd: number;
}

/** The script's find_multiword_span: the words on both sides up to the multiword token's end, extended by any multiword token that crosses it. */
function multiwordStretch(gold: readonly UdWord[], system: readonly UdWord[], gi: number, si: number): Stretch {
  const g = gold[gi]!;
  const s = system[si]!;
  let end: number;
  if (g.multiword) {
    end = g.span.end;
    if (!s.multiword && s.span.start < g.span.start) si++;
  } else {
    end = s.span.end;
    if (!g.multiword && g.span.start < s.span.start) gi++;
  }
  const gStart = gi;
  const sStart = si;
  while (!beyondEnd(gold, gi, end) || !beyondEnd(system, si, end)) {
    if (gi < gold.length && (si >= system.length || gold[gi]!.span.start <= system[si]!.span.start)) {
      end = extendEnd(gold[gi++]!, end);
    } else {
      end = extendEnd(system[si++]!, end);
    }
  }
  return { gStart, sStart, gEnd: gi, sEnd: si };
}

function beyondEnd(words: readonly UdWord[], i: number, end: number): boolean {
  const w = words[i];
  if (w === undefined) return true;
  return w.multiword ? w.span.start >= end : w.span.end > end;
}

function extendEnd(word: UdWord, end: number): number {
  return word.multiword && word.span.end > end ? word.span.end : end;
}

/** Matches the words of a stretch along the LCS of their lower-cased forms, as the script walks it. */
function alignByForms(gold: readonly UdWord[], system: readonly UdWord[], stretch: Stretch, systemOf: Int32Array): void {
  const rows = stretch.gEnd - stretch.gStart;
  const cols = stretch.sEnd - stretch.sStart;
  if (rows === 0 || cols === 0) return;
  const form = (w: UdWord): string => w.form.toLowerCase();
  // lcs[g * (cols + 1) + s]: LCS length of gold words g.. and system words s.. of the stretch.
  const lcs = new Int32Array((rows + 1) * (cols + 1));
  const at = (g: number, s: number): number => lcs[g * (cols + 1) + s]!;
  for (let g = rows - 1; g >= 0; g--) {
    for (let s = cols - 1; s >= 0; s--) {
      const same = form(gold[stretch.gStart + g]!) === form(system[stretch.sStart + s]!);
      lcs[g * (cols + 1) + s] = Math.max(same ? 1 + at(g + 1, s + 1) : 0, at(g + 1, s), at(g, s + 1));
    }
  }
  let g = 0;
  let s = 0;
  while (g < rows && s < cols) {
    if (form(gold[stretch.gStart + g]!) === form(system[stretch.sStart + s]!)) {
      systemOf[stretch.gStart + g++] = stretch.sStart + s++;
    } else if (at(g, s) === at(g + 1, s)) {
      g++;
    } else {
      s++;
    }
  }
}

/** The script's spans_score: how many gold spans a system span matches exactly (tokens, sentences). */
export function matchingSpans(gold: readonly UdSpan[], system: readonly UdSpan[]): number {
  let correct = 0;
  let gi = 0;
  let si = 0;
  while (gi < gold.length && si < system.length) {
    const g = gold[gi]!;
    const s = system[si]!;
    if (s.start < g.start) si++;
    else if (g.start < s.start) gi++;
    else {
      if (g.end === s.end) correct++;
      gi++;
      si++;
    }
  }
  return correct;
}
