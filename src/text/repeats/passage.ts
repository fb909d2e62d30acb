/** Passages handed to repeat detection and the links it returns between them. */

import type { MatchBasis } from './compare-passages.js';
import type { TextSpan } from './passage-words.js';

export type PassageKind = 'paragraph' | 'sentence';

/** Where a passage sits: a span of one article's text, at paragraph or sentence level. */
export interface PassageRef {
  readonly articleId: string;
  readonly kind: PassageKind;
  readonly start: number;
  readonly end: number;
}

export interface Passage extends PassageRef {
  readonly text: string;
  /** Spans of `text` (offsets into it) whose words are hidden, such as quotations. */
  readonly hidden?: readonly TextSpan[];
}

/**
 * Two passages of different articles that share their text. `a` was indexed first, so for
 * articles added in publication order `b` is the later report repeating `a`.
 */
export interface RepeatLink {
  readonly a: PassageRef;
  readonly b: PassageRef;
  readonly similarity: number;
  readonly kind: 'exact' | 'near';
  readonly basis: MatchBasis;
}

export function passageRef(passage: PassageRef): PassageRef {
  return { articleId: passage.articleId, kind: passage.kind, start: passage.start, end: passage.end };
}

/** True when `inner` lies within `outer` in the same article. */
export function spanWithin(inner: PassageRef, outer: PassageRef): boolean {
  return inner.articleId === outer.articleId && outer.start <= inner.start && inner.end <= outer.end;
}
