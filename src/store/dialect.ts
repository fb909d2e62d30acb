import {
  type ColumnDefinitionNode,
  type Kysely,
  type KyselyPlugin,
  type OperationNode,
  OperationNodeTransformer,
  type OrderByModifiersCallbackExpression,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresAdapter,
  type QueryResult,
  type RawBuilder,
  type RootOperationNode,
  sql,
  type UnknownRow,
} from 'kysely';

/** The two SQL engines the store runs on: the embedded default and a server. */
export type StoreDialect = 'sqlite' | 'postgres';

/** A store, a transaction on it, or a migration's handle: whatever can run a query. */
export type StoreHandle = Pick<Kysely<unknown>, 'getExecutor' | 'isTransaction'>;

/** A `postgres://` or `postgresql://` URL selects PostgreSQL; anything else is a SQLite file. */
export function isPostgresTarget(target: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(target);
}

/** Which engine a store (or a transaction, or a migration's handle) speaks, for the few places where SQL differs. */
export function dialectOf(db: StoreHandle): StoreDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * The two-argument scalar max/min: SQLite's `max(a, b)` is PostgreSQL's `greatest(a, b)` (there
 * `max` is only the aggregate). Use as `sql\`${scalarMax(db)}(a, b)\``.
 */
export function scalarMax(db: StoreHandle): RawBuilder<unknown> {
  return sql.raw(dialectOf(db) === 'postgres' ? 'greatest' : 'max');
}

export function scalarMin(db: StoreHandle): RawBuilder<unknown> {
  return sql.raw(dialectOf(db) === 'postgres' ? 'least' : 'min');
}

/**
 * Where NULLs go, said outright: SQLite puts them first in ascending order and last in
 * descending, PostgreSQL the other way round. Lists sorted on a nullable column (dates,
 * outlets) use this so both engines return them in the same order.
 */
export function nullsAsSqlite(direction: 'asc' | 'desc'): OrderByModifiersCallbackExpression {
  return (ob) => (direction === 'asc' ? ob.asc().nullsFirst() : ob.desc().nullsLast());
}

/** Any number of this application's own: the key of the advisory lock that serializes record linking. */
const RECORD_LINKING_LOCK = 0x646f7373; // "doss"

/**
 * Serializes record linking across processes for the rest of the transaction: two workers
 * saving articles about the same event would otherwise each see no record and both create one.
 * PostgreSQL: a transaction-scoped advisory lock, released at commit or rollback. SQLite:
 * nothing to do, its write transactions already run one at a time. Call it inside the
 * transaction, before the first read that decides which record a mention joins.
 */
export async function lockRecordLinking(trx: StoreHandle): Promise<void> {
  if (dialectOf(trx) !== 'postgres') return;
  if (!trx.isTransaction) throw new Error('lockRecordLinking needs a transaction: the lock lasts until it ends');
  await sql`SELECT pg_advisory_xact_lock(${sql.lit(RECORD_LINKING_LOCK)})`.execute(trx);
}

/**
 * The target as it may be shown: a URL without its password (and without query secrets), a path
 * as it is.
 */
export function describeTarget(target: string): string {
  if (!isPostgresTarget(target)) return target;
  try {
    const url = new URL(target);
    url.password = '';
    url.search = '';
    return url.toString();
  } catch {
    return 'postgres://… (not a valid URL)';
  }
}

/**
 * The migrations are written in SQLite's types; on PostgreSQL each column gets the type that
 * behaves the same there:
 * - integer stays a 4-byte integer (substr and friends take those; every offset and count the
 *   store keeps fits), a column that needs more says bigint, which SQLite reads as integer;
 * - integer primary key autoincrement → serial;
 * - real → double precision: SQLite's real is 8 bytes, PostgreSQL's 4;
 * - text → text collate "C": byte-wise comparison and order, as SQLite's BINARY, whatever the
 *   database's locale, and `lower()` folds ASCII only, as SQLite's does.
 * So one set of migrations (the other engineers' too) makes the same schema on both engines.
 */
class PortableColumns extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const column = super.transformColumnDefinition(node);
    const type = column.dataType.kind === 'DataTypeNode' ? (column.dataType as OperationNode & { dataType: string }).dataType : null;
    if (type === 'integer' && column.autoIncrement) return { ...column, dataType: raw('serial'), autoIncrement: false };
    const mapped = type === null ? undefined : POSTGRES_TYPES[type];
    return mapped ? { ...column, dataType: raw(mapped) } : column;
  }
}

const POSTGRES_TYPES: Readonly<Record<string, string>> = { real: 'double precision', text: 'text collate "C"' };

const raw = (type: string): OperationNode => sql.raw(type).toOperationNode();

/** Applied to the migrations on PostgreSQL (see PortableColumns). */
export class PostgresSchemaPlugin implements KyselyPlugin {
  readonly #transformer = new PortableColumns();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
