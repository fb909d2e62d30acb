/**
 * The only way the app builds DOM. Ingested strings become text nodes or attribute values,
 * never markup: there is no innerHTML anywhere, and a link leaves the app only for http(s).
 */

import { safeUrl } from './url-safety.js';

export type Child = Node | string | number | null | undefined | false | readonly Child[];
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((ev: Event) => void)>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child as readonly Child[]) append(parent, c);
  } else if (child instanceof Node) parent.appendChild(child);
  else parent.appendChild(document.createTextNode(String(child)));
}

// Attributes that load or run something: set only through the checks below, or not at all.
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

function setAttrs(el: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [key, value] of Object.entries(attrs)) {
    if (typeof value === 'function') {
      el.addEventListener(key.replace(/^on/, ''), value);
      continue;
    }
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(key) || key === 'style' || key === 'srcdoc') throw new Error(`attribute ${key} is not allowed`);
    if (URL_ATTRS.has(key)) {
      const safe = safeUrl(String(value));
      if (safe === null) continue;
      el.setAttribute(key, safe);
      continue;
    }
    el.setAttribute(key, value === true ? '' : String(value));
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** A link inside the app; the router intercepts it, so it navigates without a reload. */
export function link(path: string, label: Child, attrs: Attrs = {}): HTMLAnchorElement {
  return h('a', { ...attrs, href: path, 'data-internal': true }, label);
}

/** A link out of the app, only for http(s) URLs; anything else is shown as plain text. */
export function externalLink(url: string | null, label?: string): Node {
  if (!url) return document.createTextNode('');
  const safe = /^https?:\/\//i.test(url.trim()) ? safeUrl(url) : null;
  if (safe === null) return h('span', { class: 'unsafe-url', title: 'not an http(s) link' }, label ?? url);
  return h('a', { href: safe, rel: 'noopener noreferrer nofollow', target: '_blank' }, label ?? url);
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** A path built from segments, each one URL-encoded (actor ids hold colons and slashes). */
export function path(...segments: readonly string[]): string {
  return `/${segments.map(encodeURIComponent).join('/')}`;
}

export function withQuery(p: string, query: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return qs ? `${p}?${qs}` : p;
}

export function table(headers: readonly string[], rows: readonly (readonly Child[])[], attrs: Attrs = {}): HTMLTableElement {
  return h(
    'table',
    attrs,
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', {}, x)))),
    h(
      'tbody',
      {},
      rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c)))),
    ),
  );
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

export function empty(message: string): HTMLElement {
  return h('p', { class: 'empty' }, message);
}
