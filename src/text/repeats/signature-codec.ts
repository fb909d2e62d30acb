/**
 * A MinHash signature as text for the store: base64 of its 32-bit values in little-endian
 * order (684 characters for 128 values). The byte order is fixed here rather than taken from
 * the machine, so a signature written on one host reads back equal on any other.
 */

import { SIGNATURE_LENGTH } from './minhash.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function serializeSignature(signature: Uint32Array): string {
  const bytes = new Uint8Array(signature.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < signature.length; i++) view.setUint32(i * 4, signature[i]!, true);
  return Buffer.from(bytes).toString('base64');
}

/**
 * Reads back a stored signature. A wrong length means the row was written by another
 * fingerprint version (or damaged): comparing it would give a meaningless similarity, so
 * this throws rather than guess.
 */
export function deserializeSignature(text: string): Uint32Array {
  if (!BASE64.test(text)) throw new RangeError('signature is not base64');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== SIGNATURE_LENGTH * 4) {
    throw new RangeError(`signature has ${bytes.length} bytes, expected ${SIGNATURE_LENGTH * 4}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = new Uint32Array(SIGNATURE_LENGTH);
  for (let i = 0; i < SIGNATURE_LENGTH; i++) signature[i] = view.getUint32(i * 4, true);
  return signature;
}
