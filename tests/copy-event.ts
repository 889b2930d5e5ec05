// A copy of a stored event under an id of its own, inserted by `client` (in
// its transaction, which becomes the copy's ingest_xid): for tests of what the
// rollup fold makes of transactions that store events at a chosen moment.
import type pg from "pg";

export async function copyEvent(client: pg.ClientBase, orgId: string, eventId: string, newId: string): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'usage_events' AND column_name NOT IN ('event_id', 'ingest_xid') ORDER BY ordinal_position",
  );
  const columns = rows.map((c) => c.name).join(", ");
  const { rowCount } = await client.query(
    `INSERT INTO usage_events (event_id, ${columns}) SELECT $3, ${columns} FROM usage_events WHERE org_id = $1 AND event_id = $2`,
    [orgId, eventId, newId],
  );
  if (rowCount !== 1) throw new Error(`no event '${eventId}' to copy`);
}
