import type pg from "pg";
import { pool } from "@/lib/db";
import { type EventRow, EVENT_COLUMNS } from "./event-row";
import { CREATE_UNREVIEWED_TEAMS_SQL, STORE_EVENTS_SQL } from "./store-events-sql";
import { withTransaction } from "./with-transaction";

/** Teams to create per organisation before the events that name them. */
export type NewTeams = Map<string, Set<string>>;

function columns(rows: EventRow[]): unknown[][] {
  return EVENT_COLUMNS.map(([, , field]) => rows.map((row) => row[field]));
}

/**
 * Stores events in one transaction: whole or not at all. Returns, per row,
 * true when it was inserted and false when its id was already stored (or
 * came earlier in the same batch).
 */
export async function storeEvents(rows: EventRow[], newTeams: NewTeams = new Map()): Promise<boolean[]> {
  if (rows.length === 0) return [];
  const inserted = await withTransaction(pool(), async (client: pg.PoolClient) => {
    for (const [orgId, slugs] of [...newTeams].sort(([a], [b]) => a.localeCompare(b))) {
      await client.query(CREATE_UNREVIEWED_TEAMS_SQL, [orgId, [...slugs].sort()]);
    }
    const { rows: stored } = await client.query<{ org_id: string; event_id: string }>(STORE_EVENTS_SQL, columns(rows));
    return new Set(stored.map((r) => `${r.org_id}\u0000${r.event_id}`));
  });
  return rows.map((row) => inserted.delete(`${row.orgId}\u0000${row.eventId}`));
}
