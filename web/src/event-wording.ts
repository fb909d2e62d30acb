import cameo from '../../src/knowledge/events/cameo-codes.json' with { type: 'json' };
import verbs from '../../src/knowledge/events/event-verbs.json' with { type: 'json' };
import { type EventWording, eventWording } from '../../src/records/event-sentence.js';

/** The words of the event types from the shipped knowledge files; main.ts makes it once and hands it to every page. */
export const loadWording = (): EventWording => eventWording(cameo, verbs, 'src/knowledge/events/event-verbs.json');
