// The optimistic path of reserving batches: applied by one statement when
// every ledger exists, left to the locked path otherwise, and undone whole
// when the ledgers no longer allow what was decided on them.
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, pool } from "@/lib/db";
import { parseUsd } from "@/lib/money";
import { makeBudget, makeOrg } from "@/tests/factories";
import { periodBounds } from "./period";
import type { ReserveRequest } from "./reserve-decide";
import { reserveOptimistically } from "./reserve-optimistic";
import { APPLY_OPTIMISTIC_SQL } from "./reserve-sql";

afterAll(closeDb);

async function setup(limitUsd: string, ledger?: { spent: string; reserved: string }) {
  const { org } = await makeOrg({ teams: ["search"] });
  const budget = await makeBudget(org.id, { name: "cap", limitUsd });
  const now = new Date();
  const { start, end } = periodBounds("month", now, "UTC");
  if (ledger) {
    await pool().query("INSERT INTO budget_ledgers (org_id, budget_id, period_start, period_end, spent_usd, reserved_usd) VALUES ($1, $2, $3, $4, $5, $6)", [
      org.id, budget.id, start, end, ledger.spent, ledger.reserved,
    ]);
  }
  const request = (estimateUsd: string): ReserveRequest => ({
    orgId: org.id, timeZone: "UTC", traceId: null, ttlSeconds: 600,
    call: { teamId: null, feature: "answer", model: "gpt-4o", pricedModel: null, apiKeyId: "key_1" },
    callOn: (model) => ({ teamId: null, feature: "answer", model, pricedModel: null, apiKeyId: "key_1" }),
    input: { model: "gpt-4o", estimate: parseUsd(estimateUsd), estimateOn: () => null, trace: null, now },
  });
  return { org, budget, start, request };
}

async function state(orgId: string) {
  const ledgers = await pool().query("SELECT spent_usd::text AS spent, reserved_usd::text AS reserved FROM budget_ledgers WHERE org_id = $1", [orgId]);
  const held = await pool().query("SELECT estimate_usd::text AS estimate, hold_budget_ids FROM reservations WHERE org_id = $1 ORDER BY estimate_usd", [orgId]);
  return { ledgers: ledgers.rows, held: held.rows };
}

describe("reserveOptimistically", () => {
  it("decides on the ledgers as read and applies the batch in one statement", async () => {
    const { org, budget, request } = await setup("10", { spent: "2", reserved: "1" });
    const outcome = (await reserveOptimistically([request("3"), request("5")])).reserved;
    // $3 fits ($6 used), $5 does not ($11)
    expect(outcome?.results.map((r) => r.outcome.decision)).toEqual(["allow", "deny"]);
    expect(outcome?.held).toEqual(new Set([org.id]));
    expect(await state(org.id)).toEqual({
      ledgers: [{ spent: "2.000000000", reserved: "4.000000000" }],
      held: [{ estimate: "3.000000000", hold_budget_ids: [budget.id] }],
    });
  });

  it("leaves a batch whose ledger does not exist yet to the locked path, with the budgets it read, writing nothing", async () => {
    const { org, budget, request } = await setup("10");
    const fallback = await reserveOptimistically([request("3")]);
    expect(fallback.reserved).toBeNull();
    expect("budgetsByOrg" in fallback && fallback.budgetsByOrg?.get(org.id)?.map((b) => b.id)).toEqual([budget.id]);
    expect(await state(org.id)).toEqual({ ledgers: [], held: [] });
  });

  it("leaves a batch to the locked path when an expired hold is still counted", async () => {
    const { org, budget, start, request } = await setup("10", { spent: "0", reserved: "4" });
    await pool().query(
      "INSERT INTO reservations (org_id, id, estimate_usd, expires_at, hold_budget_ids, hold_period_starts) VALUES ($1, 'rsv_old', 4, now() - interval '1 second', $2, $3)",
      [org.id, [budget.id], [start]],
    );
    expect((await reserveOptimistically([request("3")])).reserved).toBeNull();
  });
});

describe("APPLY_OPTIMISTIC_SQL", () => {
  const apply = (orgId: string, budgetId: string, periodStart: Date, amount: string, ledgers = 1) =>
    pool().query(APPLY_OPTIMISTIC_SQL, [
      [orgId], ["rsv_x"], [amount], [null], ["key_1"], [600], [`{${budgetId}}`], [`{${periodStart.toISOString()}}`],
      [orgId], [budgetId], [periodStart.toISOString()], [amount], ledgers,
    ]);

  it("undoes itself, as a serialization failure, when a hard cap would be passed", async () => {
    // decided on a read that showed room; the ledger has filled since
    const { org, budget, start } = await setup("10", { spent: "8", reserved: "0" });
    await expect(apply(org.id, budget.id, start, "3")).rejects.toMatchObject({ code: "40001" });
    expect(await state(org.id)).toEqual({ ledgers: [{ spent: "8.000000000", reserved: "0.000000000" }], held: [] });
    await apply(org.id, budget.id, start, "2");
    expect(await state(org.id)).toEqual({ ledgers: [{ spent: "8.000000000", reserved: "2.000000000" }], held: [{ estimate: "2.000000000", hold_budget_ids: [budget.id] }] });
  });

  it("undoes itself when a ledger it holds on is missing", async () => {
    const { org, budget, start } = await setup("10");
    await expect(apply(org.id, budget.id, start, "1")).rejects.toMatchObject({ code: "40001" });
    expect(await state(org.id)).toEqual({ ledgers: [], held: [] });
  });
});
