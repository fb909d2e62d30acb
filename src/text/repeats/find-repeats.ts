/** Repeat detection over one batch of passages, with nothing indexed beforehand. */

import type { Passage, RepeatLink } from './passage.js';
import { RepeatIndex } from './repeat-index.js';

/**
 * Links between passages of different articles whose text repeats, exactly or nearly.
 * Sentence links are left out where the paragraphs containing them are linked.
 */
export function findRepeats(passages: readonly Passage[]): RepeatLink[] {
  return new RepeatIndex().add(passages);
}
