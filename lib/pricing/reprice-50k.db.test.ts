import { beforeAll, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { CreatePriceOverrideBody } from "@/lib/schemas/prices";
import { makeBudget, makeOrg } from "@/tests/factories";
import { createPriceOverride, SYNC_REPRICE_MAX } from "./create-price-override";
import { syncCatalog } from "./sync-catalog";
import { foldAll } from "@/tests/fold-all";

const EVENTS = SYNC_REPRICE_MAX;
const BATCH = 5_000;
const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 9, 30);

beforeAll(async () => {
  await syncCatalog(pool());
});

// The synchronous bound of a create request: how long the answer waits.
it(`re-prices ${EVENTS} unpriced events when an override is created, exactly`, { timeout: 300_000 }, async () => {
  const { org, teams } = await makeOrg();
  await makeBudget(org.id, { name: "org" });
  await makeBudget(org.id, { name: "team", scopeType: "team", scopeValue: teams[0].id, period: "day" });
  const principal = { orgId: org.id, keyId: "key-50k", scopes: ["ingest" as const], teamId: null };
  for (let offset = 0; offset < EVENTS; offset += BATCH) {
    const events = Array.from({ length: BATCH }, (_, j) => {
      const i = offset + j;
      return {
        id: `e-${i}`,
        timestamp: new Date(START + ((i * 7919) % (28 * DAY_MS / 1000)) * 1000).toISOString(),
        team: i % 3 ? "alpha" : "beta",
        feature: `f-${i % 5}`,
        provider: "acme",
        model: i % 4 ? "acme-large" : "acme-large-2026-10-01",
        usage: { inputTokens: 1000 + (i % 997), outputTokens: 100 + (i % 101), cachedInputTokens: i % 200 },
      };
    });
    const body = Buffer.from(JSON.stringify({ events }));
    expect(await ingestEvents({ principal, body, contentType: "application/json" })).toMatchObject({ accepted: BATCH });
  }

  const started = performance.now();
  const result = await createPriceOverride({
    ...CreatePriceOverrideBody.parse({ provider: "acme", model: "acme-large", effectiveFrom: "2026-10-01T00:00:00Z", inputPerMTok: "0.3", outputPerMTok: "1.2", cachedInputPerMTok: "0.03" }),
    orgId: org.id,
    actorUserId: null,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`re-priced ${result.repricedEvents} events in ${seconds.toFixed(2)} s`);
  expect(result).toMatchObject({ repricedEvents: EVENTS, repricingComplete: true });

  await foldAll();
  const { rows } = await pool().query(
    `SELECT (SELECT sum(cost_usd)::text FROM usage_events WHERE org_id = $1) AS events,
            (SELECT count(*)::int FROM usage_events WHERE org_id = $1 AND unpriced) AS unpriced,
            (SELECT sum(cost_usd)::text FROM usage_rollups_hourly WHERE org_id = $1) AS hourly,
            (SELECT sum(unpriced_events)::int FROM usage_rollups_hourly WHERE org_id = $1) AS hourly_unpriced,
            (SELECT sum(cost_usd)::text FROM usage_rollups_daily WHERE org_id = $1) AS daily,
            (SELECT sum(spent_usd)::text FROM budget_ledgers l JOIN budgets b ON b.id = l.budget_id WHERE l.org_id = $1 AND b.name = 'org') AS org_ledgers,
            (SELECT sum(cost_usd)::text FROM usage_events WHERE org_id = $1 AND team_id = $2) AS team_events,
            (SELECT sum(spent_usd)::text FROM budget_ledgers l JOIN budgets b ON b.id = l.budget_id WHERE l.org_id = $1 AND b.name = 'team') AS team_ledgers`,
    [org.id, teams[0].id],
  );
  const totals = rows[0];
  expect(totals.unpriced).toBe(0);
  expect(totals.hourly_unpriced).toBe(0);
  expect([totals.hourly, totals.daily, totals.org_ledgers]).toEqual([totals.events, totals.events, totals.events]);
  expect(totals.team_ledgers).toBe(totals.team_events);
});
