import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { keepStatementsPrepared } from '../../src/store/sqlite-writer-dialect.js';

describe('keepStatementsPrepared', () => {
  const fresh = () => {
    const sqlite = new SQLite(':memory:');
    sqlite.exec('create table t (n integer)');
    return sqlite;
  };

  it('gives the same prepared statement for the same SQL, with the right rows each time', () => {
    const db = keepStatementsPrepared(fresh());
    const insert = db.prepare('insert into t (n) values (?)');
    expect(db.prepare('insert into t (n) values (?)')).toBe(insert);
    insert.run([1]);
    db.prepare('insert into t (n) values (?)').run([2]);
    expect(db.prepare('select n from t order by n').all([])).toEqual([{ n: 1 }, { n: 2 }]);
    expect(db.prepare('select n from t where n > ?').all([1])).toEqual([{ n: 2 }]);
    db.close();
  });

  it('does not share a statement that is still being read', () => {
    const db = keepStatementsPrepared(fresh());
    for (const n of [1, 2, 3]) db.prepare('insert into t (n) values (?)').run([n]);
    const select = db.prepare('select n from t order by n');
    const reading = select.iterate([]);
    expect(reading.next().value).toEqual({ n: 1 });
    const other = db.prepare('select n from t order by n');
    expect(other).not.toBe(select);
    expect(other.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    reading.return?.();
    expect(db.prepare('select n from t order by n')).toBe(select);
    db.close();
  });

  it('keeps at most the given number, dropping the least recently used', () => {
    const db = keepStatementsPrepared(fresh(), 2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a);
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
    db.close();
  });
});
