import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { DEFAULT_QUEUE_NAME, parseQueueUrl } from '../../src/queue/queue-url.js';

describe('parseQueueUrl', () => {
  it('reads host, port, database and queue name', () => {
    expect(parseQueueUrl('redis://10.0.0.5:6380/3?queue=news-eu')).toEqual({ connection: { host: '10.0.0.5', port: 6380, db: 3 }, name: 'news-eu' });
  });

  it('defaults the port, the database and the queue name', () => {
    expect(parseQueueUrl('redis://localhost')).toEqual({ connection: { host: 'localhost', port: 6379, db: 0 }, name: DEFAULT_QUEUE_NAME });
  });

  it('passes credentials on, decoded', () => {
    expect(parseQueueUrl('redis://ingest:p%40ss@127.0.0.1:7000').connection).toMatchObject({ username: 'ingest', password: 'p@ss' });
  });

  it.each([
    ['http://127.0.0.1:6379', /redis:\/\//],
    ['not a url', /bad queue URL/],
    ['redis://127.0.0.1:6379/99', /bad queue URL/],
    ['redis://127.0.0.1:6379/0?queue=a b', /queue name/],
  ])('rejects %s with a usage error', (url, message) => {
    expect(() => parseQueueUrl(url)).toThrow(UsageError);
    expect(() => parseQueueUrl(url)).toThrow(message);
  });
});
