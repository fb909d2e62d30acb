/** PLOVER event types and the colour each is drawn in, everywhere in the app. */
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;

// Cooperative types in blues and greens, verbal conflict in ambers, material conflict in reds.
const COLOURS: Record<string, string> = {
  AGREE: '#2b8cbe',
  CONSULT: '#4eb3d3',
  SUPPORT: '#41ab5d',
  COOPERATE: '#238b45',
  AID: '#74c476',
  CONCEDE: '#88419d',
  RETREAT: '#8c6bb1',
  REQUEST: '#6a51a3',
  ACCUSE: '#fec44f',
  REJECT: '#fe9929',
  THREATEN: '#ec7014',
  PROTEST: '#cc4c02',
  SANCTION: '#993404',
  MOBILIZE: '#e7298a',
  COERCE: '#ce1256',
  ASSAULT: '#a50f15',
};

export const ploverColour = (type: string | null): string => (type ? (COLOURS[type] ?? '#737373') : '#737373');
