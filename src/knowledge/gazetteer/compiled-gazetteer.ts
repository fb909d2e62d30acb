import type { BoundingBox, PlacePrecision } from '../../text/document.js';
import type { Gazetteer, PlaceKind, PlaceRecord } from './gazetteer.js';

/**
 * The gazetteer as built, written once at build time (scripts/compile-knowledge.mjs) so a
 * process reads it instead of rebuilding it from the npm packages: the build folds every name
 * of 144k places into keys, which was most of a cold start. The file is binary: numeric
 * columns read in place as typed arrays, names as one text split once, and the key and variant
 * indexes as sorted tables searched where they lie, so no Map of 144k keys is built at start.
 * The same records, keys and variants come back (a test checks it).
 *
 * Layout: "DOSSGAZ1", the header's length (u32 LE), the header (JSON: small tables, and where
 * each section lies), then the sections, each at a multiple of 8 bytes.
 */

const MAGIC = 'DOSSGAZ1';

/** One integer per record per coded column, an index into `codes` (-1 for null). */
const CODED = ['featureClass', 'featureCode', 'country', 'admin1', 'precision', 'kind'] as const;

type SectionName =
  | 'lat'
  | 'lon'
  | 'geonamesId'
  | 'population'
  | 'coded'
  | 'flags'
  | 'names'
  | 'placeIds'
  | 'keyText'
  | 'keyStarts'
  | 'keyValueStarts'
  | 'keyValues'
  | 'variantText'
  | 'variantStarts'
  | 'variantValueStarts'
  | 'variantValues';

interface Header {
  readonly records: number;
  readonly codes: readonly string[];
  /** [record, west, south, east, north] for the records that have a box. */
  readonly boxes: readonly (readonly [number, number, number, number, number])[];
  readonly demonyms: readonly (readonly [string, number])[];
  readonly countries: readonly (readonly [string, number])[];
  readonly admin1: readonly (readonly [string, number])[];
  readonly iso3ByIso2: readonly (readonly [string, string])[];
  /** Byte offset and length of each section. */
  readonly sections: Readonly<Record<SectionName, readonly [number, number]>>;
}

// Names and ids never hold a NUL: it separates them in their text sections.
const SEP = '\u0000';

/** A sorted string table and the integers filed under each string, as encoded sections. */
function sortedTable(entries: readonly (readonly [string, readonly number[]])[]): { text: Buffer; starts: Uint32Array; valueStarts: Uint32Array; values: Uint32Array } {
  // In UTF-8 byte order, the order the reader compares in.
  const sorted = entries.map(([k, v]) => [Buffer.from(k, 'utf8'), v] as const).sort((a, b) => Buffer.compare(a[0], b[0]));
  const parts = sorted.map(([k]) => k);
  const starts = new Uint32Array(sorted.length + 1);
  const valueStarts = new Uint32Array(sorted.length + 1);
  for (let i = 0; i < sorted.length; i++) {
    starts[i + 1] = starts[i]! + parts[i]!.length;
    valueStarts[i + 1] = valueStarts[i]! + sorted[i]![1].length;
  }
  return { text: Buffer.concat(parts), starts, valueStarts, values: Uint32Array.from(sorted.flatMap(([, v]) => v)) };
}

export function encodeGazetteer(g: Gazetteer): Buffer {
  const n = g.records.length;
  const codes: string[] = [];
  const codeOf = new Map<string, number>();
  const code = (value: string | null): number => {
    if (value === null) return -1;
    let at = codeOf.get(value);
    if (at === undefined) {
      at = codes.push(value) - 1;
      codeOf.set(value, at);
    }
    return at;
  };
  const indexOf = new Map<PlaceRecord, number>(g.records.map((r, i) => [r, i]));
  const at = (r: PlaceRecord): number => {
    const i = indexOf.get(r);
    if (i === undefined) throw new Error(`gazetteer: ${r.placeId} is in an index but not among the records`);
    return i;
  };
  for (const r of g.records) {
    if (r.name.includes(SEP) || r.placeId.includes(SEP)) throw new Error(`gazetteer: a NUL in the name or id of ${r.placeId}`);
  }
  const keys = sortedTable([...g.byKey]);
  // A variant's keys, in the builder's order, by their place in the sorted key table.
  const sortedKeys = [...g.byKey.keys()].sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
  const keyIndex = new Map(sortedKeys.map((k, i) => [k, i]));
  const variants = sortedTable([...g.byVariant].map(([v, ks]) => [v, ks.map((k) => keyIndex.get(k) ?? 0)] as const));
  const coded = new Int16Array(n * CODED.length);
  g.records.forEach((r, i) => {
    CODED.forEach((column, j) => {
      coded[i * CODED.length + j] = code(r[column]);
    });
  });
  const sections: Record<SectionName, Uint8Array> = {
    lat: bytes(Float64Array.from(g.records, (r) => r.lat)),
    lon: bytes(Float64Array.from(g.records, (r) => r.lon)),
    geonamesId: bytes(Int32Array.from(g.records, (r) => r.geonamesId ?? -1)),
    population: bytes(Float64Array.from(g.records, (r) => r.population)),
    coded: bytes(coded),
    flags: Uint8Array.from(g.records, (r) => (r.capital ? 1 : 0) | (r.curated ? 2 : 0)),
    names: Buffer.from(g.records.map((r) => r.name).join(SEP), 'utf8'),
    placeIds: Buffer.from(g.records.map((r) => (r.geonamesId !== null && r.placeId === `gn:${r.geonamesId}` ? '' : r.placeId)).join(SEP), 'utf8'),
    keyText: keys.text,
    keyStarts: bytes(keys.starts),
    keyValueStarts: bytes(keys.valueStarts),
    keyValues: bytes(keys.values),
    variantText: variants.text,
    variantStarts: bytes(variants.starts),
    variantValueStarts: bytes(variants.valueStarts),
    variantValues: bytes(variants.values),
  };
  // Offsets are relative to the end of the header; the reader adds the header's own size.
  const placed = {} as Record<SectionName, readonly [number, number]>;
  let offset = 0;
  for (const [name, data] of Object.entries(sections) as [SectionName, Uint8Array][]) {
    placed[name] = [offset, data.byteLength];
    offset = pad8(offset + data.byteLength);
  }
  const header: Header = {
    records: n,
    codes,
    boxes: g.records.flatMap((r, i) => (r.bbox === undefined ? [] : [[i, ...r.bbox] as const])),
    demonyms: [...g.demonyms],
    countries: [...g.countries].map(([iso3, r]) => [iso3, at(r)] as const),
    admin1: [...g.admin1].map(([iso, r]) => [iso, at(r)] as const),
    iso3ByIso2: [...g.iso3ByIso2],
    sections: placed,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const bodyStart = pad8(MAGIC.length + 4 + headerBytes.length);
  const out = Buffer.alloc(bodyStart + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(out, MAGIC.length + 4);
  for (const [name, data] of Object.entries(sections) as [SectionName, Uint8Array][]) out.set(data, bodyStart + placed[name][0]);
  return out;
}

const pad8 = (n: number): number => Math.ceil(n / 8) * 8;
const bytes = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * A sorted string table read in place, as a ReadonlyMap: `get` is a binary search over the
 * encoded strings, so nothing is built when the file is read.
 */
class SortedTable<V> implements ReadonlyMap<string, readonly V[]> {
  constructor(
    private readonly text: Buffer,
    private readonly starts: Uint32Array,
    private readonly valueStarts: Uint32Array,
    private readonly filed: Uint32Array,
    private readonly value: (n: number) => V,
  ) {}

  get size(): number {
    return this.starts.length - 1;
  }

  private keyAt(i: number): string {
    return this.text.toString('utf8', this.starts[i]!, this.starts[i + 1]!);
  }

  private valuesAt(i: number): V[] {
    const out: V[] = [];
    for (let j = this.valueStarts[i]!; j < this.valueStarts[i + 1]!; j++) out.push(this.value(this.filed[j]!));
    return out;
  }

  // Compares bytes where they lie: decoding a key at each step of the search costs more than the search.
  private find(key: string): number {
    const wanted = Buffer.from(key, 'utf8');
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const order = wanted.compare(this.text, this.starts[mid]!, this.starts[mid + 1]!);
      if (order === 0) return mid;
      if (order > 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  get(key: string): readonly V[] | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : this.valuesAt(i);
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  *entries(): MapIterator<[string, readonly V[]]> {
    for (let i = 0; i < this.size; i++) yield [this.keyAt(i), this.valuesAt(i)];
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.size; i++) yield this.keyAt(i);
  }

  *values(): MapIterator<readonly V[]> {
    for (let i = 0; i < this.size; i++) yield this.valuesAt(i);
  }

  [Symbol.iterator](): MapIterator<[string, readonly V[]]> {
    return this.entries();
  }

  forEach(callback: (value: readonly V[], key: string, map: ReadonlyMap<string, readonly V[]>) => void): void {
    for (const [k, v] of this.entries()) callback(v, k, this);
  }
}

/** The gazetteer from encodeGazetteer's bytes; `source` names the file in errors. */
export function decodeGazetteer(file: Buffer, source: string): Gazetteer {
  const started = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  const refuse = (problem: string): never => {
    throw new Error(`${source}: ${problem}; rebuild it with npm run build`);
  };
  if (file.length < MAGIC.length + 4 || file.toString('latin1', 0, MAGIC.length) !== MAGIC) refuse(`not a compiled gazetteer of this version (expected ${MAGIC})`);
  const headerLength = file.readUInt32LE(MAGIC.length);
  const header = JSON.parse(file.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as Header;
  const bodyStart = pad8(MAGIC.length + 4 + headerLength);
  // Typed arrays need aligned offsets: a buffer that does not start on 8 bytes is copied once.
  const body = (file.byteOffset + bodyStart) % 8 === 0 ? file : Buffer.from(file);
  const section = (name: SectionName): [number, number] => {
    const [offset, length] = header.sections[name];
    if (bodyStart + offset + length > body.length) refuse(`section ${name} runs past the end of the file`);
    return [body.byteOffset + bodyStart + offset, length];
  };
  const view = <T>(name: SectionName, Type: { new (b: ArrayBufferLike, o: number, l: number): T; BYTES_PER_ELEMENT: number }): T => {
    const [offset, length] = section(name);
    return new Type(body.buffer, offset, length / Type.BYTES_PER_ELEMENT);
  };
  const text = (name: SectionName): Buffer => {
    const [offset, length] = section(name);
    return Buffer.from(body.buffer, offset, length);
  };
  const n = header.records;
  const lat = view('lat', Float64Array);
  const lon = view('lon', Float64Array);
  const geonamesIds = view('geonamesId', Int32Array);
  const population = view('population', Float64Array);
  const coded = view('coded', Int16Array);
  const flags = view('flags', Uint8Array);
  const names = text('names').toString('utf8').split(SEP);
  const placeIds = text('placeIds').toString('utf8').split(SEP);
  if ([lat, lon, geonamesIds, population, flags].some((column) => column.length !== n) || coded.length !== n * CODED.length || names.length !== n || placeIds.length !== n) {
    refuse('columns of unequal length');
  }
  const codes = header.codes;
  const records: PlaceRecord[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = i * CODED.length;
    const id = geonamesIds[i]!;
    const geonamesId = id < 0 ? null : id;
    const f = flags[i]!;
    const country = coded[k + 2]!;
    const admin1 = coded[k + 3]!;
    // One object shape for all records (a box is added to the few that have one, below).
    records[i] = {
      placeId: placeIds[i] || `gn:${geonamesId}`,
      name: names[i]!,
      lat: lat[i]!,
      lon: lon[i]!,
      geonamesId,
      featureClass: codes[coded[k]!]!,
      featureCode: codes[coded[k + 1]!]!,
      country: country < 0 ? null : codes[country]!,
      admin1: admin1 < 0 ? null : codes[admin1]!,
      population: population[i]!,
      precision: codes[coded[k + 4]!] as PlacePrecision,
      kind: codes[coded[k + 5]!] as PlaceKind,
      capital: (f & 1) !== 0,
      curated: (f & 2) !== 0,
    };
  }
  for (const [i, w, s, e, north] of header.boxes) {
    const r = records[i] ?? refuse(`a box for record ${i} of ${n}`);
    records[i] = { ...r, bbox: [w, s, e, north] as BoundingBox };
  }
  const keyText = text('keyText');
  const keyStarts = view('keyStarts', Uint32Array);
  const byKey = new SortedTable<number>(keyText, keyStarts, view('keyValueStarts', Uint32Array), view('keyValues', Uint32Array), (i) => i);
  const keyAt = (i: number): string => keyText.toString('utf8', keyStarts[i]!, keyStarts[i + 1]!);
  const byVariant = new SortedTable<string>(text('variantText'), view('variantStarts', Uint32Array), view('variantValueStarts', Uint32Array), view('variantValues', Uint32Array), keyAt);
  const record = (i: number): PlaceRecord => records[i] ?? refuse(`an index points at record ${i} of ${n}`);
  return {
    records,
    byKey,
    byVariant,
    demonyms: new Map(header.demonyms),
    countries: new Map(header.countries.map(([iso3, i]) => [iso3, record(i)])),
    admin1: new Map(header.admin1.map(([iso, i]) => [iso, record(i)])),
    iso3ByIso2: new Map(header.iso3ByIso2),
    stats: { records: n, keys: byKey.size, loadMs: performance.now() - started, heapMb: (process.memoryUsage().heapUsed - heapBefore) / 1e6 },
  };
}
