import { type DomElement, type DomNode, isElement, TEXT_NODE } from '../dom-types.js';
import { NON_TEXT_ELEMENTS } from '../html-elements.js';

/**
 * How much readable, non-link text each element holds, computed for the whole tree in one
 * walk. Used to keep the noise filter from removing the article: a page wrapped in
 * <form id="aspnetForm">, or a story in <div class="story has-comments">, holds most of
 * the page's own text, and a nav bar or "related" box holds almost none outside links.
 */
export interface TextWeight {
  /** Visible characters outside links. */
  readonly plain: number;
  /** Visible characters inside links. */
  readonly linked: number;
}

export type TextWeights = ReadonlyMap<DomElement, TextWeight>;

interface Frame {
  readonly element: DomElement;
  /** Read once: the DOM's childNodes getter builds a new list on every call, so reading it per child made the walk quadratic. */
  readonly children: readonly DomNode[];
  readonly inLink: boolean;
  childIndex: number;
  plain: number;
  linked: number;
}

export function textWeights(root: DomElement): TextWeights {
  const weights = new Map<DomElement, TextWeight>();
  const stack: Frame[] = [{ element: root, children: Array.from(root.childNodes), inLink: false, childIndex: 0, plain: 0, linked: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const children = frame.children;
    if (frame.childIndex >= children.length) {
      stack.pop();
      weights.set(frame.element, { plain: frame.plain, linked: frame.linked });
      const parent = stack[stack.length - 1];
      if (parent !== undefined) {
        parent.plain += frame.plain;
        parent.linked += frame.linked;
      }
      continue;
    }
    const child: DomNode = children[frame.childIndex++]!;
    if (child.nodeType === TEXT_NODE) {
      const length = visibleLength(child.textContent ?? '');
      if (frame.inLink) frame.linked += length;
      else frame.plain += length;
    } else if (isElement(child) && !NON_TEXT_ELEMENTS.has(child.localName)) {
      const inLink = frame.inLink || child.localName === 'a';
      stack.push({ element: child, children: Array.from(child.childNodes), inLink, childIndex: 0, plain: 0, linked: 0 });
    }
  }
  return weights;
}

// Indentation between tags is not text: "\n    " weighs nothing.
function visibleLength(text: string): number {
  let length = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const blank = text.charCodeAt(i) <= 32;
    if (!blank || !space) length++;
    space = blank;
  }
  return length;
}
