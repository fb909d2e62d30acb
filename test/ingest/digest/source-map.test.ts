import { describe, expect, it } from 'vitest';
import { digestReader } from '../../../src/ingest/digest/digest-reader.js';
import { sourceByteOf } from '../../../src/ingest/source-runs.js';
import { createSourceText } from '../../../src/ingest/source-text.js';
import { createDocument } from '../../../src/text/create-document.js';
import { toRaw } from '../../../src/text/span.js';

describe('from a Document offset back to the source bytes', () => {
  it('finds the exact bytes of a word, through normalization and the reader', () => {
    // Odd spacing and a composed accent that NFC changes, so every mapping step is exercised.
    const source = 'Quay reopens\nExample Wire – June 3, 2024\nThe  port of Sált\u0301mere reopened  its quay.\nThe harbor master, Ilsa  Brandt, said so.\n';
    const raw = digestReader.read(createSourceText('d.txt', 'd.txt', source)).articles[0]!;
    const doc = createDocument('x', raw.text);
    const start = doc.text.indexOf('Brandt');
    const rawStart = toRaw(doc, start);
    const byte = sourceByteOf(raw.text, raw.sourceRuns, rawStart)!;
    const bytes = Buffer.from(source);
    expect(bytes.subarray(byte, byte + 6).toString()).toBe('Brandt');
    const port = toRaw(doc, doc.text.indexOf('reopened'));
    const portByte = sourceByteOf(raw.text, raw.sourceRuns, port)!;
    expect(bytes.subarray(portByte, portByte + 8).toString()).toBe('reopened');
  });
});
