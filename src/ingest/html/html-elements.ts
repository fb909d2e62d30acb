/**
 * What HTML elements mean for text: which ones start a paragraph, which ones hold no
 * readable text at all, which ones separate cells on a line.
 */

/** Elements whose start and end break a paragraph, as a browser lays them out. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1',
  'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/**
 * Elements whose content is code, media or controls, never text a reader sees: a
 * <script> body, an <iframe>'s fallback, an <svg>'s <title>, a <select>'s options.
 */
export const NON_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'applet', 'audio', 'base', 'button', 'canvas', 'datalist', 'embed', 'frame', 'frameset', 'head',
  'iframe', 'img', 'input', 'link', 'map', 'math', 'meta', 'noembed', 'noframes', 'noscript',
  'object', 'option', 'param', 'picture', 'script', 'select', 'source', 'style', 'svg',
  'template', 'textarea', 'title', 'track', 'video',
]);

/** Table cells: "<td>1</td><td>2</td>" reads "1 2", not "12". */
export const CELL_ELEMENTS: ReadonlySet<string> = new Set(['td', 'th']);

/** Elements that sit inside a line of text. */
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'kbd', 'label', 'mark', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong',
  'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);
