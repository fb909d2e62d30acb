import { InputError } from '../errors.js';

const TIMEOUT_MS = 30_000;
const MAX_BYTES = 64 * 1024 * 1024;

export const isUrl = (path: string): boolean => /^https?:\/\//i.test(path);

/** Fetches a feed or page the user pointed at; the only network call Dossier makes. */
export async function fetchInput(url: string): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetchOnce(url).catch((error: unknown) => {
      // A kept-alive connection the server closed while this process was busy analysing (the
      // event loop did not see the close): a new connection answers. Anything else is the answer.
      if (!closedByPeer(error)) throw error;
      return fetchOnce(url);
    });
  } catch (error) {
    throw new InputError('DOSSIER_INPUT_FETCH_FAILED', { file: url }, `cannot fetch (${(error as Error).message})`);
  }
  if (!response.ok) throw new InputError('DOSSIER_INPUT_FETCH_FAILED', { file: url }, `HTTP ${response.status} ${response.statusText}`);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > MAX_BYTES) throw new InputError('DOSSIER_INPUT_TOO_LARGE', { file: url }, `response is larger than ${MAX_BYTES} bytes`);
  return body;
}

const fetchOnce = (url: string): Promise<Response> => fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { 'user-agent': 'dossier/0.1' } });

function closedByPeer(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET';
}
