import { Readability } from '@mozilla/readability';
import type { DomDocument, DomElement } from '../dom-types.js';

/**
 * Mozilla Readability picks the element that holds the article and cleans it. It changes
 * the document it is given, so metadata must be read before this step. The content comes
 * back as the element itself (no HTML string to parse again), with its classes kept for
 * the pruning step that follows.
 *
 * Returns null when Readability finds no article, or when the page would defeat it.
 */

// Real pages nest a few dozen elements deep; far past that, Readability's recursion either
// overflows the stack or spends seconds before it does.
const MAX_DEPTH = 1000;

export function readabilityContent(document: DomDocument): DomElement | null {
  if (document.body === null || treeDepth(document.body) > MAX_DEPTH) return null;
  const reader = new Readability<DomElement>(document, {
    keepClasses: true,
    serializer: (node) => node,
    // Metadata is read from the page by Dossier's own code; Readability only finds the body.
    disableJSONLD: true,
  });
  try {
    return reader.parse()?.content ?? null;
  } catch {
    // A page that defeats Readability is read by the fallbacks, which walk without recursion:
    // a stack overflow the depth check did not foresee, or Readability's own TypeError on a
    // page whose tags are all there but out of order ("Cannot read properties of null
    // (reading 'tagName')" in _grabArticle, on the tags of a news page shuffled).
    return null;
  }
}

/** How many elements deep the tree under `root` goes (root alone is 1), without recursion. */
function treeDepth(root: DomElement): number {
  let deepest = 0;
  const stack: Array<{ element: DomElement; depth: number }> = [{ element: root, depth: 1 }];
  while (stack.length > 0) {
    const { element, depth } = stack.pop()!;
    if (depth > deepest) deepest = depth;
    const children = element.children;
    for (let i = 0; i < children.length; i++) stack.push({ element: children[i]!, depth: depth + 1 });
  }
  return deepest;
}
