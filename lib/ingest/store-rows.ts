import { createHash } from "node:crypto";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pool } from "@/lib/db";
import { millisecondsSetting } from "@/lib/env";
import { pgArray } from "@/lib/pg-array";
import { withStatement, withTransaction } from "./with-transaction";

/** Creates the teams that items name and that do not exist yet, marked unreviewed (API.md). */
const CREATE_UNREVIEWED_TEAMS_SQL = `
INSERT INTO teams (org_id, id, slug, name, unreviewed)
SELECT $1, gen_random_uuid()::text, slug, slug, true FROM unnest($2::text[]) AS slug
ON CONFLICT (org_id, slug) DO NOTHING`;

/** A row to store, with its team named by slug and whether that team is new. */
export type TeamRow = { orgId: string; teamSlug: string };
export type Pending<R extends TeamRow> = { row: R; newTeam: boolean };
export type Columns<R> = [column: string, type: string, field: keyof R][];

/**
 * A storing statement in two forms. Most batches hold only new ids, so the
 * `plain` INSERT goes first: it skips ON CONFLICT's speculative insertion
 * (about a quarter of the insert's cost). A batch holding an id already
 * stored fails it with unique_violation, and is then stored again, whole, by
 * the `idempotent` form (ON CONFLICT DO NOTHING: a replay changes nothing).
 */
export type StoreSql = { plain: string; idempotent: string };

/** Both forms of `build(onConflict)`, for rows unique on `conflictKey`. */
export function storeSql(build: (onConflict: string) => string, conflictKey: string): StoreSql {
  return { plain: build(""), idempotent: build(`ON CONFLICT ${conflictKey} DO NOTHING`) };
}

/**
 * The COPY form of the storing statement, for rows that can go by COPY
 * (`line` null: this row cannot, e.g. its team's id is not known here).
 * COPY has no ON CONFLICT: a batch holding an id already stored fails it
 * whole, and is then stored by the `idempotent` statement. Fewer than
 * `minRows` rows go by the statements, prepared and answered in one round
 * trip (COPY takes one more).
 */
export type CopyRows<R> = { sql: string; line: (row: R) => string | null; minRows: number };

const UNIQUE_VIOLATION = "23505";

/**
 * How long storing one group may wait for PostgreSQL (INGEST_DB_TIMEOUT_MS,
 * default 30 s) before its requests are answered 503 with Retry-After: a hung
 * database would otherwise hold them, and every group queued behind them,
 * for ever.
 */
const STORE_TIMEOUT_MS = millisecondsSetting("INGEST_DB_TIMEOUT_MS", 30_000);

/** What the storing statement returns for each newly inserted row (COPY: every row). */
export type Stored = { org_id: string; id: string } & Record<string, unknown>;
/** A newly inserted row: what `sql` returned for it, and the row sent. */
export type Inserted<R> = { stored: Stored; row: R };

/** Runs the work that follows the insert on the rows `inserted` lists (listed only when there is such work). */
type AfterAll<R> = (client: pg.PoolClient, inserted: () => Inserted<R>[]) => Promise<void>;

const keyOf = (orgId: string, id: string) => `${orgId}\u0000${id}`;

/**
 * Stores rows in one transaction (whole or not at all): first the unreviewed
 * teams they name, then the rows by `copy` when given and possible, else
 * through `sql`, which returns the (org_id, id) of each newly inserted row.
 * Returns, per row, true when inserted and false when its id was already
 * stored or came earlier in the batch.
 */
export async function storeRows<R extends TeamRow>(
  items: Pending<R>[],
  sql: StoreSql,
  columns: Columns<R>,
  idOf: (row: R) => string,
  /** More work in the same transaction, on the newly inserted rows (none: the rows are stored by one statement). */
  afterInsert?: (client: pg.PoolClient, inserted: Inserted<R>[]) => Promise<void>,
  /** Store by COPY first, when every row can go by COPY and no team is new. */
  copy?: CopyRows<R>,
): Promise<boolean[]> {
  if (items.length === 0) return [];
  const newTeams = new Map<string, Set<string>>();
  for (const { row, newTeam } of items) {
    if (newTeam) newTeams.set(row.orgId, (newTeams.get(row.orgId) ?? new Set()).add(row.teamSlug));
  }
  // the first of each id only: the plain INSERT (or COPY) must not meet its own rows
  const keys = items.map(({ row }) => keyOf(row.orgId, idOf(row)));
  const firstByKey = new Map<string, R>();
  items.forEach(({ row }, i) => firstByKey.has(keys[i]) || firstByKey.set(keys[i], row));
  const unique = [...firstByKey.values()];
  // the storing statement alone is atomic: a transaction only when teams come first or more work follows
  const atomically = newTeams.size > 0 || afterInsert ? withTransaction : withStatement;
  const afterAll: AfterAll<R> = async (client, inserted) => {
    if (!afterInsert) return;
    const rows = inserted();
    if (rows.length > 0) await afterInsert(client, rows);
  };
  let params: string[] | undefined;
  const write = (text: string) =>
    atomically(pool(), async (client: pg.PoolClient) => {
      for (const [orgId, slugs] of [...newTeams].sort(([a], [b]) => a.localeCompare(b))) {
        await client.query(CREATE_UNREVIEWED_TEAMS_SQL, [orgId, [...slugs].sort()]);
      }
      params ??= columns.map(([, , field]) => pgArray(unique.map((row) => row[field])));
      // named: prepared once per connection, so PostgreSQL stops re-planning it
      const { rows: stored } = await client.query<Stored>({ name: statementName(text), text, values: params });
      await afterAll(client, () => stored.map((s) => ({ stored: s, row: firstByKey.get(keyOf(s.org_id, s.id))! })));
      return new Set(stored.map((r) => keyOf(r.org_id, r.id)));
    }, STORE_TIMEOUT_MS);
  const lines = copy && newTeams.size === 0 && unique.length >= copy.minRows ? copyText(unique, copy.line) : null;
  // COPY inserts every row it is given (or none)
  const firstTry = lines === null ? write(sql.plain) : copyAll(lines, copy!.sql, atomically, afterAll, unique, idOf).then(() => new Set(firstByKey.keys()));
  const inserted = await firstTry.catch((err: { code?: string }) => {
    if (err.code === UNIQUE_VIOLATION) return write(sql.idempotent);
    throw err;
  });
  return keys.map((key) => inserted.delete(key));
}

/** The COPY text of `rows`, or null when one of them cannot go by COPY. */
function copyText<R>(rows: R[], line: (row: R) => string | null): string | null {
  let text = "";
  for (const row of rows) {
    const next = line(row);
    if (next === null) return null;
    text += next;
  }
  return text;
}

/** Stores every row by COPY (all new, or unique_violation), then the work that follows on them. */
function copyAll<R extends TeamRow>(
  text: string,
  sql: string,
  atomically: typeof withTransaction,
  afterAll: AfterAll<R>,
  rows: R[],
  idOf: (row: R) => string,
): Promise<void> {
  return atomically(pool(), async (client: pg.PoolClient) => {
    const stream = client.query(copyFrom(sql));
    stream.end(text);
    await finished(stream);
    await afterAll(client, () => rows.map((row) => ({ stored: { org_id: row.orgId, id: idOf(row) }, row })));
  }, STORE_TIMEOUT_MS);
}

const names = new Map<string, string>();

/** A short stable name per statement text, for prepared statements. */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `finops_${createHash("sha1").update(sql).digest("hex").slice(0, 16)}`;
    names.set(sql, name);
  }
  return name;
}

/** Unnest parameters `$1::type[], ...` and their column names, for `SELECT * FROM unnest(...) AS x(...)`. */
export function unnestInput<R>(columns: Columns<R>): string {
  const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  return `SELECT * FROM unnest(${params}) AS x(${columns.map(([c]) => c).join(", ")})`;
}
