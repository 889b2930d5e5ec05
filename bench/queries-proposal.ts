// The rollups' read indexes (migration 20261128155000_rollup_read_indexes):
// every column a chart reads, keyed by tenant and time, so a tenant's range
// is an index-only scan in tenant order whatever order the heap holds its
// rows in. The bench drops them for the phases that show what they buy, and
// creates them again before it ends, as the schema has them.
const COLUMNS = `"org_id", "bucket", "team_id", "feature", "provider", "model", "events", "unpriced_events", "input_tokens", "output_tokens", "cost_usd"`;

export const CREATE_READ_INDEXES = ["hourly", "daily"].map((g) => `CREATE INDEX IF NOT EXISTS "usage_rollups_${g}_read_idx" ON "usage_rollups_${g}" (${COLUMNS})`);

export const DROP_READ_INDEXES = ["hourly", "daily"].map((g) => `DROP INDEX IF EXISTS "usage_rollups_${g}_read_idx"`);
