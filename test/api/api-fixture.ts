import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/api/server.js';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { type Analyzer, createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import type { Document, EventAttrs, EventParticipant, Modality, QuoteAttrs, Span } from '../../src/text/document.js';
import { freshStoreTarget } from '../support/test-store.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const RESOLUTION_FILES = ['hashd-denies.txt', 'rockets-green-zone.txt'].map((f) => join(FIXTURES, 'resolution', f));
export const HOSTILE_FILES = ['harbour-attack.html', 'harbour-feed.rss.xml', 'harbour-notice.txt'].map((f) => join(FIXTURES, 'hostile', f));

/** An event read by hand from a fixture sentence; participants and places are looked up in the real layers. */
interface EventSpec {
  sentence: string;
  trigger: string;
  code: string;
  plover: string;
  source?: string;
  target?: string;
  place?: string;
  date: string | null;
  modality: Modality;
  confidence: number;
}

interface QuoteSpec {
  sentence: string;
  content: string;
  speaker: string;
  confidence: number;
}

/*
 * The events and quotes stages are not in the pipeline yet (and their output will change): the
 * API tests add these claims to the two resolution fixtures so every claim route has data whose
 * facts the tests know. Everything else (entities, actors, places, times) is the real pipeline's.
 */
const EVENTS: EventSpec[] = [
  { sentence: 'Washington blamed militias backed by Iran.', trigger: 'blamed', code: '112', plover: 'ACCUSE', source: 'Washington', target: 'Iran', date: '2020-05-05', modality: 'asserted', confidence: 0.7 },
  { sentence: 'The PMU said it would answer only if American troops stayed in Iraq.', trigger: 'answer', code: '138', plover: 'THREATEN', source: 'PMU', target: 'American troops', place: 'Iraq', date: null, modality: 'conditional', confidence: 0.3 },
  { sentence: 'Kadhimi will visit Erbil on Thursday.', trigger: 'visit', code: '042', plover: 'CONSULT', source: 'Kadhimi', place: 'Erbil', date: '2020-05-07', modality: 'planned', confidence: 0.6 },
  { sentence: "The Hashd al-Sha'abi rejected claims that its fighters fired the rockets", trigger: 'fired', code: '190', plover: 'ASSAULT', source: "Hashd al-Sha'abi", place: 'Green Zone', date: '2020-05-04', modality: 'denied', confidence: 0.45 },
  { sentence: 'The Iraqi lawmaker added that Washington must withdraw its forces.', trigger: 'withdraw', code: '1056', plover: 'DEMAND', source: 'lawmaker', target: 'Washington', date: '2020-05-06', modality: 'reported', confidence: 0.8 },
  { sentence: 'In Beirut, Hizballah deputy leader Naim Qassim said the group backed its Iraqi allies.', trigger: 'backed', code: '051', plover: 'SUPPORT', source: 'Naim Qassim', place: 'Beirut', date: '2020-05-06', modality: 'reported', confidence: 0.65 },
];

const QUOTES: QuoteSpec[] = [
  { sentence: 'The PMU said it would answer only if American troops stayed in Iraq.', content: 'it would answer only if American troops stayed in Iraq', speaker: 'PMU', confidence: 0.4 },
  { sentence: 'Haidar Umran told reporters in Baghdad that the Popular Mobilisation Forces had no reason to escalate.', content: 'the Popular Mobilisation Forces had no reason to escalate', speaker: 'Haidar Umran', confidence: 0.75 },
  { sentence: 'Naim Qassim said the group backed its Iraqi allies.', content: 'the group backed its Iraqi allies', speaker: 'Naim Qassim', confidence: 0.35 },
];

const spanOf = (doc: Document, surface: string, from: number): Span => {
  const start = doc.text.indexOf(surface, from);
  if (start < 0) throw new Error(`fixture text lacks "${surface}"`);
  return { start, end: start + surface.length };
};

function participant(doc: Document, surface: string, from: number): EventParticipant {
  const span = spanOf(doc, surface, from);
  const actor = (doc.layers.actors ?? []).find((a) => a.start === span.start && a.end === span.end);
  return { span, entity: actor?.entity ?? null, actorId: actor?.actorId ?? null, name: actor?.name ?? surface, cameo: null };
}

function withClaims(doc: Document): Document {
  const events: Array<Span & EventAttrs> = [];
  const quotes: Array<Span & QuoteAttrs> = [];
  for (const q of QUOTES) {
    const at = doc.text.indexOf(q.sentence);
    if (at < 0) continue;
    const speaker = participant(doc, q.speaker, at);
    quotes.push({
      start: at,
      end: at + q.sentence.length,
      kind: 'indirect',
      content: spanOf(doc, q.content, at),
      cue: null,
      speaker: speaker.span,
      speakerActorId: speaker.actorId,
      speakerName: speaker.name,
      speakerRole: null,
      via: null,
      topicActorIds: [],
      confidence: q.confidence,
      reason: 'written by the API test fixture',
    });
  }
  for (const e of EVENTS) {
    const at = doc.text.indexOf(e.sentence);
    if (at < 0) continue;
    const placeIndex = e.place ? (doc.layers.places ?? []).findIndex((p) => p.start >= at && doc.text.slice(p.start, p.end) === e.place) : -1;
    events.push({
      start: at,
      end: at + e.sentence.length,
      code: e.code,
      rootCode: e.code.slice(0, 2),
      plover: e.plover,
      ploverMode: null,
      trigger: spanOf(doc, e.trigger, at),
      sources: e.source ? [participant(doc, e.source, at)] : [],
      targets: e.target ? [participant(doc, e.target, at)] : [],
      place: placeIndex >= 0 ? { span: spanOf(doc, e.place!, at), placeIndex } : null,
      time: null,
      date: e.date,
      dateEnd: e.date,
      datePrecision: e.date ? 'day' : null,
      modality: e.modality,
      modalityCue: null,
      attribution: null,
      magnitudes: [],
      confidence: e.confidence,
      reason: 'written by the API test fixture',
    });
  }
  return { ...doc, layers: { ...doc.layers, events, quotes } };
}

let shared: Analyzer | undefined;

/** The real analyzer (loaded once per test file) with the fixture claims added. */
export function testAnalyzer(): Analyzer {
  shared ??= createAnalyzer(loadKnowledge());
  const base = shared;
  return { ...base, analyze: (raw) => {
    const a = base.analyze(raw);
    return { ...a, doc: withClaims(a.doc) };
  } };
}

export interface TestApi {
  app: FastifyInstance;
  store: Store;
  close: () => Promise<void>;
}

/** A fresh store holding the resolution and hostile fixtures, and a server over it. */
export async function startTestApi(options: { token?: string | null; webRoot?: string | null; maxUploadBytes?: number } = {}): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-api-'));
  const store = await openStore(await freshStoreTarget('api'));
  const analyzer = testAnalyzer();
  const summary = await ingestFiles(store, [...RESOLUTION_FILES, ...HOSTILE_FILES], { analyzer });
  if (summary.errors.length > 0) throw new Error(summary.errors.map((e) => e.message).join('\n'));
  const app = await buildServer({ store, analyzer: async () => analyzer, ...options });
  return {
    app,
    store,
    close: async () => {
      await app.close();
      await store.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body with the given files, for inject. */
export function multipart(files: Array<{ name: string; content: string | Buffer }>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----dossier-test-boundary';
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from('\r\n'),
    ]),
  );
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
