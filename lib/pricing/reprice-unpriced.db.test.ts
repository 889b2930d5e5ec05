import { beforeAll, describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { CreatePriceOverrideBody } from "@/lib/schemas/prices";
import { makeBudget, makeOrg, makeUsageEvent } from "@/tests/factories";
import { createPriceOverride } from "./create-price-override";
import { repriceAllUnpriced, repriceUnpriced } from "./reprice-unpriced";
import { syncCatalog } from "./sync-catalog";
import { foldAll } from "@/tests/fold-all";
import { HOURLY_ROLLUP, UNFOLDED_EVENTS } from "@/lib/rollups/rollup-sources";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { WEBHOOK_CHANNEL } from "@/lib/webhooks/webhook-notify";
import { listenTo } from "@/tests/notifications";

const KEY_ID = "key-reprice";
// 2000 × $0.123456789 + 500 × $1.000000001 per million = $0.0007469135785,
// rounded once to the nano-dollar
const ACME_COST = "0.000746914";
const ACME = CreatePriceOverrideBody.parse({
  provider: "acme",
  model: "acme-llm-7",
  effectiveFrom: "2026-11-01T00:00:00Z",
  inputPerMTok: "0.123456789",
  outputPerMTok: "1.000000001",
});

function ingest(orgId: string, events: Record<string, unknown>[]) {
  const principal = { orgId, keyId: KEY_ID, scopes: ["ingest" as const], teamId: null };
  return ingestEvents({ principal, body: Buffer.from(JSON.stringify({ events })), contentType: "application/json" });
}

async function rows(sql: string, params: unknown[]) {
  return (await pool().query(sql, params)).rows;
}

/** A rollup as stored, and as recomputed from the events: they must be equal. */
function rollups(orgId: string, table: string, grain: "hour" | "day") {
  const order = "ORDER BY bucket, team_id, feature, provider, model";
  return Promise.all([
    rows(`SELECT bucket, team_id, feature, provider, model, events::int, unpriced_events::int, cost_usd::text FROM ${table} WHERE org_id = $1 ${order}`, [orgId]),
    rows(
      `SELECT date_trunc('${grain}', ts, 'UTC') AS bucket, team_id, feature, provider, model, count(*)::int AS events,
              count(*) FILTER (WHERE unpriced)::int AS unpriced_events, sum(cost_usd)::text AS cost_usd
         FROM usage_events WHERE org_id = $1 GROUP BY 1, 2, 3, 4, 5 ${order}`,
      [orgId],
    ),
  ]);
}

/** Each ledger's spent, and the sum of the costs of the events its budget matches in its period (UTC months). */
function ledgers(orgId: string) {
  return rows(
    `SELECT b.name, l.period_start, l.spent_usd::text AS spent,
            (SELECT coalesce(sum(e.cost_usd), 0) FROM usage_events e
              WHERE e.org_id = b.org_id AND e.ts >= l.period_start AND e.ts < l.period_end AND (
                    b.scope_type = 'org' OR (b.scope_type = 'team' AND b.scope_value = e.team_id)
                 OR (b.scope_type = 'feature' AND b.scope_value = e.feature)
                 OR (b.scope_type = 'model' AND b.scope_value IN (e.model, e.priced_model))
                 OR (b.scope_type = 'api_key' AND b.scope_value = e.api_key_id)))::text AS expected
       FROM budget_ledgers l JOIN budgets b ON b.org_id = l.org_id AND b.id = l.budget_id
      WHERE l.org_id = $1 ORDER BY b.name, l.period_start`,
    [orgId],
  );
}

async function expectConsistent(orgId: string) {
  await foldAll();
  for (const [table, grain] of [["usage_rollups_hourly", "hour"], ["usage_rollups_daily", "day"]] as const) {
    const [stored, recomputed] = await rollups(orgId, table, grain);
    expect(stored).toEqual(recomputed);
  }
  for (const ledger of await ledgers(orgId)) expect(ledger.spent, ledger.name).toBe(ledger.expected);
}

function eventRows(orgId: string) {
  return rows("SELECT event_id, cost_usd::text AS cost, cost_source, unpriced, priced_model FROM usage_events WHERE org_id = $1 ORDER BY event_id", [orgId]);
}

async function totals(orgId: string) {
  await foldAll();
  const [row] = await rows(
    `SELECT (SELECT sum(cost_usd)::text FROM usage_events WHERE org_id = $1) AS events,
            (SELECT count(*)::int FROM usage_events WHERE org_id = $1 AND unpriced) AS unpriced,
            (SELECT sum(cost_usd)::text FROM usage_rollups_hourly WHERE org_id = $1) AS hourly,
            (SELECT sum(cost_usd)::text FROM usage_rollups_daily WHERE org_id = $1) AS daily,
            (SELECT sum(spent_usd)::text FROM budget_ledgers WHERE org_id = $1) AS ledgers`,
    [orgId],
  );
  return row;
}

async function addOverride(orgId: string) {
  await prisma().priceOverride.create({ data: { ...ACME, orgId, effectiveFrom: new Date(ACME.effectiveFrom) } });
}

/** An organisation with budgets of every scope and a mix of events, priced and not. */
async function seeded() {
  const { org, teams } = await makeOrg();
  const [alpha] = teams;
  for (const [name, scopeType, scopeValue] of [
    ["org", "org", null],
    ["team alpha", "team", alpha.id],
    ["feature summarise", "feature", "summarise"],
    ["model acme", "model", "acme-llm-7"],
    ["api key", "apiKey", KEY_ID],
  ] as const) {
    await makeBudget(org.id, { name, scopeType, scopeValue });
  }
  const acme = { provider: "acme", model: "acme-llm-7" };
  const result = await ingest(org.id, [
    makeUsageEvent({ id: "a1", ...acme, timestamp: "2026-11-02T10:15:00Z" }),
    makeUsageEvent({ id: "a2", ...acme, team: "beta", timestamp: "2026-11-02T11:20:00Z" }),
    makeUsageEvent({ id: "a3", ...acme, feature: "summarise", timestamp: "2026-11-03T09:00:00Z" }),
    makeUsageEvent({ id: "a4-no-provider", model: "acme-llm-7", provider: undefined, timestamp: "2026-11-04T09:00:00Z" }),
    makeUsageEvent({ id: "a5-snapshot", provider: "acme", model: "acme-llm-7-2026-10-01", timestamp: "2026-11-05T09:00:00Z" }),
    makeUsageEvent({ id: "b-before-price", ...acme, timestamp: "2026-10-15T09:00:00Z" }),
    makeUsageEvent({ id: "c-client-cost", ...acme, costUsd: "0.5" }),
    makeUsageEvent({ id: "d-cache-hit", ...acme, cacheHit: true }),
    makeUsageEvent({ id: "e-catalog" }),
    makeUsageEvent({ id: "f-unknown", provider: "acme", model: "other-llm" }),
  ]);
  expect(result).toMatchObject({ accepted: 10, rejected: [] });
  return { orgId: org.id };
}

beforeAll(async () => {
  await syncCatalog(pool());
});

describe("repriceUnpriced", () => {
  it("prices the unpriced events the new price covers, exactly, in events, rollups and every matching ledger", async () => {
    const { orgId } = await seeded();
    const before = await eventRows(orgId);
    expect(await totals(orgId)).toEqual({ events: "0.510000000", unpriced: 7, hourly: "0.510000000", daily: "0.510000000", ledgers: "2.030000000" });
    await addOverride(orgId);

    expect(await repriceUnpriced({ orgId })).toEqual({ repriced: 5, complete: true });

    const repriced = { cost: ACME_COST, cost_source: "override", unpriced: false, priced_model: "acme-llm-7" };
    const unchanged = (id: string) => before.find((r) => r.event_id === id);
    expect(await eventRows(orgId)).toEqual([
      { event_id: "a1", ...repriced },
      { event_id: "a2", ...repriced },
      { event_id: "a3", ...repriced },
      { event_id: "a4-no-provider", ...repriced },
      { event_id: "a5-snapshot", ...repriced },
      unchanged("b-before-price"),
      unchanged("c-client-cost"),
      unchanged("d-cache-hit"),
      unchanged("e-catalog"),
      unchanged("f-unknown"),
    ]);
    // + 5 × 0.000746914 on events and rollups; on ledgers + 20 × 0.000746914:
    // org 5, api key 5, model 5 (a5 through its priced model), team alpha 4
    // (a1, a3, a4, a5), feature summarise 1 (a3)
    expect(await totals(orgId)).toEqual({ events: "0.513734570", unpriced: 2, hourly: "0.513734570", daily: "0.513734570", ledgers: "2.044938280" });
    await expectConsistent(orgId);
  });

  it("after a catalog change, finds every organisation with events its prices now cover (as the server does at start)", async () => {
    const { orgId } = await seeded();
    await addOverride(orgId);
    expect((await repriceAllUnpriced()).get(orgId)).toBe(5);
    expect((await repriceAllUnpriced()).has(orgId)).toBe(false);
    await expectConsistent(orgId);
  });

  it("is idempotent: a second run finds nothing to do and changes nothing", async () => {
    const { orgId } = await seeded();
    await addOverride(orgId);
    await repriceUnpriced({ orgId });
    const [events, state] = [await eventRows(orgId), await totals(orgId)];
    expect(await repriceUnpriced({ orgId })).toEqual({ repriced: 0, complete: true });
    expect(await eventRows(orgId)).toEqual(events);
    expect(await totals(orgId)).toEqual(state);
  });

  it("without a new price touches nothing", async () => {
    const { orgId } = await seeded();
    const [events, state] = [await eventRows(orgId), await totals(orgId)];
    expect(await repriceUnpriced({ orgId })).toEqual({ repriced: 0, complete: true });
    expect(await eventRows(orgId)).toEqual(events);
    expect(await totals(orgId)).toEqual(state);
    await expectConsistent(orgId);
  });

  it("prices every event once when runs overlap, in small chunks", async () => {
    const { orgId } = await seeded();
    const many = Array.from({ length: 300 }, (_, i) =>
      makeUsageEvent({ id: `m-${i}`, provider: "acme", model: "acme-llm-7", team: i % 3 ? "alpha" : "beta", timestamp: new Date(Date.UTC(2026, 10, 1 + (i % 27), i % 24)).toISOString() }),
    );
    await ingest(orgId, many);
    await addOverride(orgId);
    const runs = await Promise.all([repriceUnpriced({ orgId, chunkSize: 7 }), repriceUnpriced({ orgId, chunkSize: 11 }), repriceUnpriced({ orgId, chunkSize: 50 })]);
    expect(runs.reduce((n, r) => n + r.repriced, 0)).toBe(305);
    expect((await totals(orgId)).events).toBe("0.737808770"); // 0.51 + 305 × 0.000746914
    await expectConsistent(orgId);
  });

  it("prices folded and unfolded events alike: the rollups as read are exact before the next fold and after it", async () => {
    const { orgId } = await seeded();
    await foldAll();
    const unfolded = async () => (await rows(`SELECT count(*)::int AS n FROM usage_events WHERE org_id = $1 AND ${UNFOLDED_EVENTS}`, [orgId]))[0].n;
    expect(await unfolded()).toBe(0);
    // more unpriced events, not folded yet
    await ingest(orgId, [
      makeUsageEvent({ id: "u1", provider: "acme", model: "acme-llm-7", timestamp: "2026-11-02T10:40:00Z" }),
      makeUsageEvent({ id: "u2", provider: "acme", model: "acme-llm-7", team: "beta", timestamp: "2026-11-06T08:00:00Z" }),
    ]);
    expect(await unfolded()).toBe(2);
    await addOverride(orgId);
    expect(await repriceUnpriced({ orgId })).toEqual({ repriced: 7, complete: true });
    const asRead = (source: string) =>
      rows(
        `SELECT bucket, team_id, feature, provider, model, sum(events)::int AS events, sum(unpriced_events)::int AS unpriced_events, sum(cost_usd)::text AS cost_usd
           FROM ${source} r WHERE org_id = $1 GROUP BY 1, 2, 3, 4, 5 ORDER BY bucket, team_id, feature, provider, model`,
        [orgId],
      );
    const [, recomputed] = await rollups(orgId, "usage_rollups_hourly", "hour");
    expect(await asRead(HOURLY_ROLLUP)).toEqual(recomputed);
    await expectConsistent(orgId);
    expect(await asRead(HOURLY_ROLLUP)).toEqual(recomputed);
  });

  it("stops at maxEvents and goes on where it stopped when called again", async () => {
    const { orgId } = await seeded();
    await addOverride(orgId);
    // the 3 examined: b-before-price (October, before the price: stays unpriced), a1, a2
    expect(await repriceUnpriced({ orgId, maxEvents: 3, chunkSize: 2 })).toEqual({ repriced: 2, complete: false });
    await expectConsistent(orgId);
    expect(await repriceUnpriced({ orgId, chunkSize: 2 })).toEqual({ repriced: 3, complete: true });
    expect((await totals(orgId)).unpriced).toBe(2);
    await expectConsistent(orgId);
  });

  it("runs when an override is created, and ingest then prices new events with it", async () => {
    const { orgId } = await seeded();
    const result = await createPriceOverride({ ...ACME, orgId, actorUserId: null });
    expect(result).toMatchObject({ repricedEvents: 5, repricingComplete: true });
    await ingest(orgId, [makeUsageEvent({ id: "z-new", provider: "acme", model: "acme-llm-7", timestamp: "2026-11-20T10:00:00Z" })]);
    expect((await eventRows(orgId)).find((r) => r.event_id === "z-new")).toEqual({ event_id: "z-new", cost: ACME_COST, cost_source: "override", unpriced: false, priced_model: "acme-llm-7" });
    await expectConsistent(orgId);
  });

  it("raises the budget alerts the spend now known reaches, and wakes the webhook workers", async () => {
    const { org } = await makeOrg();
    await makeBudget(org.id, { name: "tiny", limitUsd: "0.001", alertThresholds: [0.5] });
    await createWebhook({ orgId: org.id, name: "ops", url: "http://127.0.0.1:9/hook", format: "generic", actorUserId: null });
    await ingest(org.id, [makeUsageEvent({ id: "a1", provider: "acme", model: "acme-llm-7", timestamp: "2026-11-02T10:15:00Z" })]);
    const notifications = await listenTo([WEBHOOK_CHANNEL]);
    try {
      await addOverride(org.id);
      expect(await repriceUnpriced({ orgId: org.id })).toEqual({ repriced: 1, complete: true });
      // $0.000746914 of a $0.001 cap: past 50%
      expect(await rows("SELECT kind, threshold::text FROM alerts WHERE org_id = $1", [org.id])).toEqual([{ kind: "threshold", threshold: "0.5000" }]);
      await notifications.received(WEBHOOK_CHANNEL, org.id);
    } finally {
      await notifications.close();
    }
  });
});
