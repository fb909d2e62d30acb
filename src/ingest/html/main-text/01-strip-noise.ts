import { isHidden } from '../block-text.js';
import { type DomDocument, type DomElement, type DomNode, TEXT_NODE } from '../dom-types.js';
import { INLINE_ELEMENTS } from '../html-elements.js';
import { HIDDEN_CLASSES, NOISE_TAGS, NOISE_WORDS } from './noise-names.js';
import { textWeights } from './text-weight.js';

/**
 * Removes page furniture before Readability scores the page: navigation, asides, share bars,
 * ad slots, captions, "related" boxes, pop-ups, hidden elements. Readability keeps anything
 * placed inside the container it picks, so an ad or a caption inside the body must go first.
 *
 * An element that holds much of the page's prose is never removed on its class alone: a body
 * wrapper called "story-body has-comments" is still the story.
 */

// ARIA roles of landmarks that are not the article.
const NOISE_ROLES: ReadonlySet<string> = new Set(['navigation', 'complementary', 'contentinfo', 'dialog', 'alert']);

export function stripNoise(document: DomDocument): void {
  const body = document.body;
  if (body === null) return;
  const weights = textWeights(body);
  const pageWeight = weights.get(body)?.plain ?? 0;
  // Top-down with an explicit stack: a removed element's subtree is never visited.
  const stack: DomElement[] = children(body);
  const prose = new Map<DomNode, boolean>();
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (isNoise(element) && !inRunningText(element, prose)) {
      const weight = weights.get(element)?.plain ?? 0;
      if (weight <= 300 || weight <= pageWeight * 0.3) {
        element.remove();
        continue;
      }
    }
    stack.push(...children(element));
  }
}

function children(element: DomElement): DomElement[] {
  return Array.from(element.children).reverse();
}

function isNoise(element: DomElement): boolean {
  if (NOISE_TAGS.has(element.localName)) return true;
  if (isHidden(element) || element.getAttribute('aria-hidden') === 'true') return true;
  const role = element.getAttribute('role');
  if (role !== null && NOISE_ROLES.has(role)) return true;
  // <header> holds the title, byline and date; a header with real prose is a wrapper.
  if (element.localName === 'header') return true;
  const className = element.getAttribute('class') ?? '';
  if (className !== '' && className.split(/\s+/).some((name) => HIDDEN_CLASSES.has(name.toLowerCase()))) return true;
  return hasNoiseWord(className) || hasNoiseWord(element.getAttribute('id') ?? '');
}

/**
 * An inline element with words around it is part of a sentence, whatever its class: in
 * "threatened Rep. <span class="rollover-people"><a>Ilhan Omar</a><span class="rollover-block">
 * ...</span></span>" the name stays and only its pop-up card (no text beside it) goes.
 */
function inRunningText(element: DomElement, prose: Map<DomNode, boolean>): boolean {
  if (!INLINE_ELEMENTS.has(element.localName)) return false;
  const parent = element.parentNode;
  if (parent === null) return false;
  // Once per parent: asked for each of a parent's thousands of inline children, it was quadratic.
  let found = prose.get(parent);
  if (found === undefined) {
    found = false;
    const siblings = parent.childNodes;
    for (let i = 0; i < siblings.length && !found; i++) {
      const sibling = siblings[i]!;
      if (sibling.nodeType === TEXT_NODE && /\S/.test(sibling.textContent ?? '')) found = true;
    }
    prose.set(parent, found);
  }
  return found;
}

// "relatedArticles", "ad-slot__top", "social_share" are split into their words.
export function hasNoiseWord(attribute: string): boolean {
  if (attribute === '') return false;
  const words = attribute
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => NOISE_WORDS.has(word));
}

