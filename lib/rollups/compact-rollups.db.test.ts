// The rollup fold: what dashboards read (rollups plus unfolded events and
// deltas) equals the stored events at every moment, and compaction moves
// events and deltas into the hourly, daily and customer rollups exactly once,
// also when compactions overlap each other and ingest, and when transactions
// commit out of the order they began in.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { pool } from "@/lib/db";
import { makeOrg } from "@/tests/factories";
import { copyEvent } from "@/tests/copy-event";
import { foldAll } from "@/tests/fold-all";
import { startMachineServer } from "@/tests/machine-server";
import { COMPACTION_LOCK, compactRollups } from "./compact-rollups";
import { CUSTOMER_DAILY_ROLLUP, DAILY_ROLLUP, HOURLY_ROLLUP, UNFOLDED_EVENTS } from "./rollup-sources";

let server: Awaited<ReturnType<typeof startMachineServer>>;
beforeAll(async () => {
  server = await startMachineServer();
});
afterAll(() => server.close());

const MEASURES = "events, error_events, cache_hits, unpriced_events, input_tokens, output_tokens, cost_usd, saved_usd, latency_ms_sum";
const OF_EVENTS = `count(*) AS events, count(*) FILTER (WHERE status = 'error') AS error_events, count(*) FILTER (WHERE cache_hit) AS cache_hits,
  count(*) FILTER (WHERE unpriced) AS unpriced_events, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
  sum(cost_usd) AS cost_usd, sum(saved_usd) AS saved_usd, coalesce(sum(latency_ms), 0) AS latency_ms_sum`;
const SUMS = MEASURES.split(", ").map((m) => `sum(${m})::text AS ${m}`).join(", ");

/** Rows of `source` summed per key, and the same from raw events, both as sorted JSON. */
async function compare(orgId: string, source: string, key: string, eventKey: string) {
  const sorted = async (sql: string) => (await pool().query(`SELECT coalesce(json_agg(r ORDER BY r::text), '[]') AS rows FROM (${sql}) r`, [orgId])).rows[0].rows;
  const stored = await sorted(`SELECT ${key}, ${SUMS} FROM ${source} s WHERE org_id = $1 GROUP BY ${key}`);
  const raw = await sorted(`SELECT ${key}, ${SUMS} FROM (SELECT ${eventKey}, ${OF_EVENTS} FROM usage_events WHERE org_id = $1 GROUP BY ${key}) e GROUP BY ${key}`);
  return { stored, raw };
}

const HOUR_KEY = "bucket, team_id, feature, provider, model";
const CHECKS = [
  { source: HOURLY_ROLLUP, table: "usage_rollups_hourly", key: HOUR_KEY, eventKey: "date_trunc('hour', ts, 'UTC') AS bucket, team_id, feature, provider, model" },
  { source: DAILY_ROLLUP, table: "usage_rollups_daily", key: HOUR_KEY, eventKey: "date_trunc('day', ts, 'UTC') AS bucket, team_id, feature, provider, model" },
  {
    source: CUSTOMER_DAILY_ROLLUP,
    table: "usage_rollups_customer_daily",
    key: `customer_id, ${HOUR_KEY}`,
    eventKey: "coalesce(customer_id, '') AS customer_id, date_trunc('day', ts, 'UTC') AS bucket, team_id, feature, provider, model",
  },
];

async function expectReadsExact(orgId: string, from: "sources" | "tables") {
  for (const check of CHECKS) {
    const { stored, raw } = await compare(orgId, from === "sources" ? check.source : check.table, check.key, check.eventKey);
    expect(raw.length).toBeGreaterThan(0);
    expect(stored, `${check.table} (${from})`).toEqual(raw);
  }
}

/** Events and delta rows of the organisation not folded yet. */
async function unfolded(orgId: string): Promise<number> {
  const { rows } = await pool().query(
    `SELECT ((SELECT count(*) FROM usage_events WHERE org_id = $1 AND ${UNFOLDED_EVENTS}) + (SELECT count(*) FROM usage_rollup_deltas WHERE org_id = $1))::int AS n`,
    [orgId],
  );
  return rows[0].n;
}

function events(prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    timestamp: `2026-11-${String(10 + (i % 3)).padStart(2, "0")}T${String((i * 7) % 24).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00Z`,
    team: i % 2 ? "alpha" : "beta",
    feature: `f${i % 4}`,
    model: i % 5 ? "gpt-4o-mini" : "claude-sonnet-4-5",
    provider: i % 5 ? "openai" : "anthropic",
    usage: { inputTokens: 100 + i, outputTokens: 20 + (i % 9) },
    latencyMs: 50 + i,
    status: i % 11 ? "success" : "error",
    cacheHit: i % 13 === 0,
    ...(i % 3 ? { customerId: `cus_${i % 4}` } : {}),
  }));
}

/** POSTs the events with the API key `secret`; they must be stored. */
async function send(secret: string, batch: unknown[]) {
  const res = await fetch(`${server.url}/api/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    body: JSON.stringify({ events: batch }),
  });
  expect(res.status).toBe(200);
}

describe("the rollup fold", () => {
  it("reads are exact before and after compaction, and each delta is folded once", async () => {
    const { org } = await makeOrg();
    const { secret } = await createApiKey({ orgId: org.id, name: "deltas", scopes: ["ingest"] });

    await send(secret, events("a", 120));
    await expectReadsExact(org.id, "sources");

    // ingest and compactions overlapping: a replay (adds nothing) and new events
    await Promise.all([send(secret, events("a", 120)), compactRollups(), send(secret, events("b", 80)), compactRollups(), compactRollups()]);
    await expectReadsExact(org.id, "sources");

    await foldAll();
    expect(await unfolded(org.id)).toBe(0);
    await expectReadsExact(org.id, "tables");
    await expectReadsExact(org.id, "sources");
    const { rows } = await pool().query("SELECT count(*)::int AS n FROM usage_events WHERE org_id = $1", [org.id]);
    expect(rows[0].n).toBe(200);
  });

  it("a compaction while another holds the lock folds nothing and loses nothing", async () => {
    const { org } = await makeOrg();
    const { secret } = await createApiKey({ orgId: org.id, name: "locked", scopes: ["ingest"] });
    await send(secret, events("c", 30));
    const holder = await pool().connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT pg_advisory_xact_lock($1)", [COMPACTION_LOCK]);
      expect(await compactRollups()).toBe(0);
      expect(await unfolded(org.id)).toBeGreaterThan(0);
    } finally {
      await holder.query("ROLLBACK");
      holder.release();
    }
    await foldAll();
    expect(await unfolded(org.id)).toBe(0);
    await expectReadsExact(org.id, "tables");
  });

  it("an event stored by a transaction that began before a later one committed is folded once it commits, not skipped", async () => {
    const { org } = await makeOrg();
    const { secret } = await createApiKey({ orgId: org.id, name: "order", scopes: ["ingest"] });
    const holder = await pool().connect();
    try {
      await holder.query("BEGIN");
      // this transaction has begun (it has its id) before the batch below
      await holder.query("SELECT pg_current_xact_id()");
      await send(secret, events("later", 40));
      // it stores an event too, still uncommitted: a copy of one of the batch's under an id of its own
      await copyEvent(holder, org.id, "later-7", "earlier-later-7");

      // the fold must wait for the open transaction: the batch committed after it began
      await compactRollups();
      expect(await unfolded(org.id)).toBe(40);
      await expectReadsExact(org.id, "sources");

      await holder.query("COMMIT");
      await expectReadsExact(org.id, "sources");
    } finally {
      await holder.query("ROLLBACK").catch(() => undefined);
      holder.release();
    }
    await foldAll();
    expect(await unfolded(org.id)).toBe(0);
    await expectReadsExact(org.id, "tables");
    const { rows } = await pool().query("SELECT sum(events)::int AS n FROM usage_rollups_hourly WHERE org_id = $1", [org.id]);
    expect(rows[0].n).toBe(41);
  });

  it("a transaction open in another database of the server does not hold the fold back", async () => {
    const { org } = await makeOrg();
    const { secret } = await createApiKey({ orgId: org.id, name: "elsewhere", scopes: ["ingest"] });
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = "/postgres";
    const elsewhere = new pg.Client({ connectionString: url.toString() });
    await elsewhere.connect();
    try {
      await elsewhere.query("BEGIN");
      await elsewhere.query("SELECT pg_current_xact_id()");
      await send(secret, events("elsewhere", 25));
      // folds come through while it stays open (a fold held back by it would never)
      await foldAll();
      expect(await unfolded(org.id)).toBe(0);
      await expectReadsExact(org.id, "tables");
    } finally {
      await elsewhere.query("ROLLBACK");
      await elsewhere.end();
    }
  });

  it("the deltas table keeps the size of the deltas folded between two vacuums, not of every fold since autovacuum last came", async () => {
    const { org, teams } = await makeOrg();
    const deltasBytes = async () => Number((await pool().query("SELECT pg_relation_size('usage_rollup_deltas') AS bytes")).rows[0].bytes);
    const cycle = async (n: number) => {
      // 2,000 delta rows, as re-pricing appends them: each of a customer of its own
      await pool().query(
        `INSERT INTO usage_rollup_deltas (org_id, bucket, team_id, feature, provider, model, customer_id, unpriced_events, cost_usd)
         SELECT $1, '2026-11-10T10:00:00Z', $2, 'f', 'openai', 'gpt-4o-mini', 'cus_' || $3 || '_' || g, -1, 0.5 FROM generate_series(1, 2000) g`,
        [org.id, teams[0].id, n],
      );
      // vacuumed after every second fold here (every 50,000 rows in service)
      expect(await compactRollups(4000)).toBeGreaterThanOrEqual(2000);
    };
    await cycle(0);
    await cycle(1);
    const afterTwo = await deltasBytes();
    expect(afterTwo).toBeGreaterThan(0);
    for (let n = 2; n < 12; n++) await cycle(n);
    // without the vacuum, every fold's rows stay until autovacuum: about 6 times this
    // (room for a fold more: a vacuum skipped while autovacuum holds the table)
    expect(await deltasBytes()).toBeLessThanOrEqual(2 * afterTwo);
    expect(await unfolded(org.id)).toBe(0);
  });
});
