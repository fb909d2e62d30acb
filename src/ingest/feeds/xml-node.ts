/**
 * The tree fast-xml-parser returns, typed: an element is a string (text only) or an object
 * of children, attributes ("@_href") and text ("#text"); a repeated child is an array.
 */
export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  readonly [key: string]: XmlValue | undefined;
}

export function asObject(value: unknown): XmlObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlObject) : null;
}

/** All children named `name`, whether the parser gave one or an array. */
export function childrenOf(node: XmlObject | null, name: string): XmlValue[] {
  const value = node?.[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first child named `name`, or undefined. */
export function childOf(node: XmlObject | null, name: string): XmlValue | undefined {
  return childrenOf(node, name)[0];
}

/** The content of a leaf element as written in the source (a stop node), or null. */
export function rawContent(value: XmlValue | undefined): string | null {
  if (typeof value === 'string') return value;
  const text = asObject(value)?.['#text'];
  if (typeof text === 'string') return text;
  // <summary type="html"/>: attributes but no content.
  return asObject(value) === null ? null : '';
}

/** An attribute of an element, entity-decoded by the parser, or null. */
export function attributeOf(value: XmlValue | undefined, name: string): string | null {
  const attr = asObject(value)?.[`@_${name}`];
  return typeof attr === 'string' ? attr : null;
}

/** The first root element's name and value of a parsed document, skipping "?xml". */
export function rootOf(document: unknown): [string, XmlObject] | null {
  const top = asObject(document);
  if (top === null) return null;
  for (const [name, value] of Object.entries(top)) {
    if (name.startsWith('?') || name.startsWith('#')) continue;
    return [name, asObject(value) ?? {}];
  }
  return null;
}
