// The largest events the contract admits (2,147,483,647 tokens each way at
// $1,000,000 per million tokens: $4,294,967,294 each) still add up exactly in
// every rollup and budget ledger: two dozen of them exceed Decimal(20,9).
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { formatUsd } from "@/lib/money";
import { createPriceOverride } from "@/lib/pricing/create-price-override";
import { syncCatalog } from "@/lib/pricing/sync-catalog";
import { foldAll } from "@/tests/fold-all";
import { CUSTOMER_DAILY_ROLLUP, DAILY_ROLLUP, HOURLY_ROLLUP } from "@/lib/rollups/rollup-sources";
import { CreatePriceOverrideBody } from "@/lib/schemas/prices";
import { makeBudget, makeOrg } from "@/tests/factories";
import { ingestEvents } from "./ingest-events";

const MAX_TOKENS = 2_147_483_647;
const EVENT_COST_NANOS = 2n * BigInt(MAX_TOKENS) * 1_000_000_000n;

beforeAll(async () => {
  await syncCatalog(pool());
});

describe("sums beyond Decimal(20,9)", () => {
  it("stores, rolls up and counts against budgets the largest events exactly, batch after batch", async () => {
    const { org } = await makeOrg();
    const budget = await makeBudget(org.id, { limitUsd: "1000000000", mode: "soft", action: "warn" });
    await createPriceOverride({
      ...CreatePriceOverrideBody.parse({ provider: "openai", model: "gpt-4o", effectiveFrom: "2020-01-01T00:00:00Z", inputPerMTok: "1000000", outputPerMTok: "1000000" }),
      orgId: org.id,
      actorUserId: null,
    });
    const principal = { orgId: org.id, keyId: "key-test", scopes: ["ingest" as const], teamId: null };
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    let sent = 0;
    for (const size of [30, 30, 1]) {
      const events = Array.from({ length: size }, () => ({
        id: `big-${sent++}`, timestamp: hour, team: "alpha", feature: "answer", provider: "openai", model: "gpt-4o", customerId: "acme",
        usage: { inputTokens: MAX_TOKENS, outputTokens: MAX_TOKENS },
      }));
      const res = await ingestEvents({ principal, body: Buffer.from(JSON.stringify({ events })) });
      expect(res).toEqual({ accepted: size, duplicates: 0, rejected: [] });
    }
    const total = formatUsd(EVENT_COST_NANOS * BigInt(sent));
    const totals = async (hourly: string, daily: string, customer: string) => (await pool().query(
      `SELECT (SELECT sum(cost_usd)::text FROM usage_events WHERE org_id = $1) AS events,
              (SELECT sum(cost_usd)::text FROM ${hourly} h WHERE org_id = $1) AS hourly,
              (SELECT sum(cost_usd)::text FROM ${daily} d WHERE org_id = $1) AS daily,
              (SELECT sum(cost_usd)::text FROM ${customer} c WHERE org_id = $1 AND customer_id = 'acme') AS customer,
              (SELECT spent_usd::text FROM budget_ledgers WHERE org_id = $1 AND budget_id = $2) AS ledger`,
      [org.id, budget.id],
    )).rows[0];
    const exact = { events: total, hourly: total, daily: total, customer: total, ledger: total };
    expect(await totals(HOURLY_ROLLUP, DAILY_ROLLUP, CUSTOMER_DAILY_ROLLUP)).toEqual(exact);
    await foldAll();
    expect(await totals("usage_rollups_hourly", "usage_rollups_daily", "usage_rollups_customer_daily")).toEqual(exact);
  });
});
