import { describe, expect, it } from 'vitest';
import { httpUrlOrNull } from '../../src/ingest/http-url.js';

describe('httpUrlOrNull', () => {
  it.each([
    ['https://wire.example.org/a', null, 'https://wire.example.org/a'],
    ['  http://wire.example.org/a b ', null, 'http://wire.example.org/a%20b'],
    ['/2021/bridge', 'https://wire.example.org/news/', 'https://wire.example.org/2021/bridge'],
    ['javascript:alert(1)', 'https://wire.example.org/', null],
    [' JavaScript:alert(1)', null, null],
    ['data:text/html,<script>x</script>', null, null],
    ['mailto:desk@wire.example.org', null, null],
    ['/relative/without/base', null, null],
    ['', null, null],
    [null, null, null],
  ])('reads %j (base %j) as %j', (raw, base, expected) => {
    expect(httpUrlOrNull(raw, base)).toBe(expected);
  });
});
