import { type DomElement, type DomNode, isElement, TEXT_NODE } from './dom-types.js';
import { BLOCK_ELEMENTS, CELL_ELEMENTS, NON_TEXT_ELEMENTS } from './html-elements.js';

/**
 * The readable text of a DOM subtree: one paragraph per block, paragraphs joined by "\n\n",
 * runs of whitespace inside a paragraph collapsed to one space. The walk uses its own stack,
 * so a page nested ten thousand <div>s deep cannot overflow the call stack.
 */

// U+200B and U+FEFF are invisible and U+00AD only shows at a line break: none is a space.
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;
const WHITESPACE = /\s+/g;

interface Step {
  readonly node: DomNode;
  /** True when the walk leaves `node` after its children. */
  readonly closing: boolean;
}

/** One paragraph of text, and whether it was a heading (<h1>...<h6>) in the page. */
export interface TextBlock {
  readonly text: string;
  readonly heading: boolean;
}

const HEADINGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export function blockText(root: DomNode): string {
  return textBlocks(root)
    .map((block) => block.text)
    .join('\n\n');
}

export function textBlocks(root: DomNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  let pieces: string[] = [];
  let headingDepth = 0;
  const flush = (): void => {
    const text = pieces.join('').replace(INVISIBLE, '').replace(WHITESPACE, ' ').trim();
    if (text !== '') blocks.push({ text, heading: headingDepth > 0 });
    pieces = [];
  };

  const stack: Step[] = [];
  pushChildren(stack, root);
  while (stack.length > 0) {
    const { node, closing } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      pieces.push(node.textContent ?? '');
      continue;
    }
    if (!isElement(node)) continue;
    const name = node.localName;
    if (closing) {
      if (BLOCK_ELEMENTS.has(name)) flush();
      else if (CELL_ELEMENTS.has(name)) pieces.push(' ');
      if (HEADINGS.has(name)) headingDepth--;
      continue;
    }
    if (NON_TEXT_ELEMENTS.has(name) || isHidden(node)) continue;
    if (BLOCK_ELEMENTS.has(name) || HEADINGS.has(name)) flush();
    if (HEADINGS.has(name)) headingDepth++;
    stack.push({ node, closing: true });
    pushChildren(stack, node);
  }
  flush();
  return blocks;
}

function pushChildren(stack: Step[], node: DomNode): void {
  const children = node.childNodes;
  for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, closing: false });
}

// A browser shows none of these: <div hidden>, style="display: none", style="visibility:hidden".
export function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}
