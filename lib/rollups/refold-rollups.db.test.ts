// A database restored from another server: the server refuses to start while
// the fold's watermark is ahead of this server's transaction ids, and the
// refold recounts the rollups exactly, after which ingest folds as before.
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { copyEvent } from "@/tests/copy-event";
import { makeOrg, makeUsageEvent } from "@/tests/factories";
import { foldAll } from "@/tests/fold-all";
import { refoldRollups, watermarkAhead } from "./refold-rollups";
import { CUSTOMER_DAILY_ROLLUP, DAILY_ROLLUP, HOURLY_ROLLUP, UNFOLDED_EVENTS } from "./rollup-sources";

const SUMS = "sum(events)::int AS events, sum(cost_usd)::text AS cost_usd, sum(input_tokens)::text AS input_tokens";

/** The organisation's totals per key as read from `source`, and as recounted from its events. */
async function readsAndEvents(orgId: string, source: string, key: string, eventKey: string) {
  const rows = async (sql: string) => (await pool().query(`${sql} ORDER BY 1, 2, 3`, [orgId])).rows;
  return [
    await rows(`SELECT ${key}, ${SUMS} FROM ${source} s WHERE org_id = $1 GROUP BY ${key}`),
    await rows(`SELECT ${key}, ${SUMS} FROM (SELECT ${eventKey}, 1 AS events, cost_usd, input_tokens FROM usage_events WHERE org_id = $1) e GROUP BY ${key}`),
  ];
}

async function expectExact(orgId: string) {
  const [hourly, hourlyEvents] = await readsAndEvents(orgId, HOURLY_ROLLUP, "bucket, team_id, model", "date_trunc('hour', ts, 'UTC') AS bucket, team_id, model");
  expect(hourly).toEqual(hourlyEvents);
  const [daily, dailyEvents] = await readsAndEvents(orgId, DAILY_ROLLUP, "bucket, team_id, model", "date_trunc('day', ts, 'UTC') AS bucket, team_id, model");
  expect(daily).toEqual(dailyEvents);
  const [customers, customerEvents] = await readsAndEvents(orgId, CUSTOMER_DAILY_ROLLUP, "bucket, customer_id, model", "date_trunc('day', ts, 'UTC') AS bucket, coalesce(customer_id, '') AS customer_id, model");
  expect(customers).toEqual(customerEvents);
}

describe("refold after a restore from another server", () => {
  it("is required before start, recounts the rollups exactly, and ingest folds as before after it", async () => {
    const { org } = await makeOrg();
    const principal = { orgId: org.id, keyId: "refold", scopes: ["ingest" as const], teamId: null };
    const send = async (prefix: string, count: number) => {
      const events = Array.from({ length: count }, (_, i) =>
        makeUsageEvent({ id: `${prefix}-${i}`, timestamp: `2026-11-0${1 + (i % 5)}T${String(i % 24).padStart(2, "0")}:10:00Z`, ...(i % 2 ? { customerId: `cus_${i % 3}` } : {}) }),
      );
      expect((await ingestEvents({ principal, body: Buffer.from(JSON.stringify({ events })) })).accepted).toBe(count);
    };
    await send("folded", 60);
    await foldAll();
    await send("unfolded", 20);
    expect(await watermarkAhead(pool())).toBeNull();

    // as restored on a server whose transaction ids are far behind the dumped ones
    await pool().query(
      `UPDATE usage_events SET ingest_xid = CASE WHEN ${UNFOLDED_EVENTS} THEN '9000000000000000005' ELSE '8999999999999999990' END::xid8 WHERE org_id = $1`,
      [org.id],
    );
    await pool().query("UPDATE rollup_watermark SET folded_below = '9000000000000000000'");
    const restored = await pool().query(`SELECT count(*)::int AS n FROM usage_events WHERE org_id = $1 AND ${UNFOLDED_EVENTS}`, [org.id]);
    expect(restored.rows[0].n).toBe(20);
    expect(await watermarkAhead(pool())).toMatch(/restored from another server.*npm run db:refold/);

    // a transaction that took its id before the refold (creating a team, say) and stores its event after it
    const late = await pool().connect();
    try {
      await late.query("BEGIN");
      await late.query("SELECT pg_current_xact_id()");
      // a later transaction ends first
      await pool().query("SELECT pg_current_xact_id()");
      expect(await refoldRollups(pool())).toBeGreaterThanOrEqual(80);
      expect(await watermarkAhead(pool())).toBeNull();
      await expectExact(org.id);
      const { rows } = await pool().query("SELECT count(*)::int AS n FROM usage_events WHERE ingest_xid IS NOT NULL");
      expect(rows[0].n).toBe(0);
      await copyEvent(late, org.id, "folded-3", "late-folded-3");
      await late.query("COMMIT");
    } finally {
      await late.query("ROLLBACK").catch(() => undefined);
      late.release();
    }
    // its event is read (unfolded), not taken as folded
    await expectExact(org.id);

    await send("after", 30);
    await expectExact(org.id);
    await foldAll();
    await expectExact(org.id);
    const folded = await pool().query(`SELECT count(*)::int AS n FROM usage_events WHERE org_id = $1 AND ${UNFOLDED_EVENTS}`, [org.id]);
    expect(folded.rows[0].n).toBe(0);
    const total = await pool().query("SELECT sum(events)::int AS n FROM usage_rollups_hourly WHERE org_id = $1", [org.id]);
    expect(total.rows[0].n).toBe(111);
  });
});
