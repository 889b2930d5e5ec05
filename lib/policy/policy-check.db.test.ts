import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { pool } from "@/lib/db";
import { createPriceOverride } from "@/lib/pricing/create-price-override";
import { CreatePriceOverrideBody } from "@/lib/schemas/prices";
import { makeBudget, makeOrg, makeUsageEvent } from "@/tests/factories";
import { machineServerForTests } from "@/tests/machine-server";
import { invalidateBudgetState, peekBudgetState } from "./budget-state";
import { checkPolicy } from "./check-policy";
import { expireReservations } from "./expire-reservations";
import { PolicyCheckBody } from "@/lib/schemas/budgets";

const server = machineServerForTests();

async function setup() {
  const { org, teams } = await makeOrg({ teams: ["search", "support"] });
  const { secret } = await createApiKey({ orgId: org.id, name: "svc", scopes: ["policy", "ingest"] });
  return { org, teams, key: secret };
}

async function check(key: string, body: Record<string, unknown>, url = server.url()) {
  const res = await fetch(`${url}/api/v1/policy/check`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

async function ingest(key: string, events: Record<string, unknown>[]) {
  const res = await fetch(`${server.url()}/api/v1/events`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ events }) });
  return res.json();
}

async function ledger(budgetId: string) {
  const { rows } = await pool().query("SELECT spent_usd::text AS spent, reserved_usd::text AS reserved FROM budget_ledgers WHERE budget_id = $1", [budgetId]);
  return rows[0];
}

const call = { team: "search", feature: "answer", model: "gpt-4o", provider: "openai" };

describe("POST /api/v1/policy/check", () => {
  it("allows within budget and reports the budget per API.md", async () => {
    const { org, teams, key } = await setup();
    const budget = await makeBudget(org.id, { name: "search monthly", scopeType: "team", scopeValue: teams[0].id, limitUsd: "5000" });
    const { status, body } = await check(key, { ...call, estimate: { inputTokens: 2000, outputTokens: 500 } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ decision: "allow", allowed: true, reason: "within budget", model: "gpt-4o", estimatedCostUsd: "0.010000000" });
    expect(body.budgets).toEqual([
      { id: budget.id, name: "search monthly", scope: "team:search", period: "month", limitUsd: "5000.000000000", spentUsd: "0.000000000", reservedUsd: "0.000000000", remainingUsd: "5000.000000000", resetsAt: expect.stringMatching(/T00:00:00.000Z$/) },
    ]);
  });

  it("sees spend as soon as it is ingested, and denies past a hard cap with a retry time", async () => {
    const { org, key } = await setup();
    await makeBudget(org.id, { name: "org cap", limitUsd: "1" });
    expect((await check(key, { ...call, estimatedCostUsd: "0.5" })).body.decision).toBe("allow");
    await ingest(key, [makeUsageEvent({ team: "search", timestamp: new Date().toISOString(), costUsd: "0.9" })]);
    const { body } = await check(key, { ...call, estimatedCostUsd: "0.5" });
    expect(body).toMatchObject({ decision: "deny", allowed: false });
    expect(body.reason).toContain("'org cap'");
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
  });

  // one event goes by the prepared INSERT, a batch of 120 by COPY: both settle
  it.each([1, 120])("reserves, and the settling event replaces the estimate with the actual cost (batch of %i)", async (size) => {
    const { org, key } = await setup();
    const budget = await makeBudget(org.id, { limitUsd: "10" });
    const { body } = await check(key, { ...call, estimatedCostUsd: "2", reserve: true });
    expect(body.reservationId).toMatch(/^rsv_/);
    expect(await ledger(budget.id)).toEqual({ spent: "0.000000000", reserved: "2.000000000" });
    const others = Array.from({ length: size - 1 }, () => makeUsageEvent({ team: "search", timestamp: new Date().toISOString(), costUsd: "0.001" }));
    const answer = await ingest(key, [...others, makeUsageEvent({ team: "search", timestamp: new Date().toISOString(), costUsd: "1.25", reservationId: body.reservationId })]);
    expect(answer).toEqual({ accepted: size, duplicates: 0, rejected: [] });
    const spent = (1.25 + (size - 1) * 0.001).toFixed(9);
    expect(await ledger(budget.id)).toEqual({ spent, reserved: "0.000000000" });
    const { rows } = await pool().query("SELECT status, actual_usd::text AS actual FROM reservations WHERE id = $1", [body.reservationId]);
    expect(rows[0]).toEqual({ status: "settled", actual: "1.250000000" });
  });

  it("releases expired reservations", async () => {
    const { org, key } = await setup();
    const budget = await makeBudget(org.id, { limitUsd: "10" });
    const { body } = await check(key, { ...call, estimatedCostUsd: "6", reserve: true });
    expect((await check(key, { ...call, estimatedCostUsd: "6", reserve: true })).body.decision).toBe("deny");
    // time passes: the reservation expires (moved by hand, which no process hears of: drop what they keep)
    await pool().query("UPDATE reservations SET expires_at = now() - interval '1 second' WHERE id = $1", [body.reservationId]);
    invalidateBudgetState(org.id);
    // an expired hold no longer counts, even before the sweep
    expect((await check(key, { ...call, estimatedCostUsd: "6", reserve: true })).body.decision).toBe("allow");
    expect(await expireReservations()).toBeGreaterThanOrEqual(1);
    expect(await ledger(budget.id)).toEqual({ spent: "0.000000000", reserved: "6.000000000" });
  });

  it("at a spent cap, refuses reserving checks from the state in memory, and allows again as soon as a settled event frees room", async () => {
    const { org, key } = await setup();
    const budget = await makeBudget(org.id, { limitUsd: "10" });
    const { body: held } = await check(key, { ...call, estimatedCostUsd: "8", reserve: true });
    expect((await check(key, { ...call, estimatedCostUsd: "4", reserve: true })).body.decision).toBe("deny");
    // the denial loads the organisation's state in the background; the next denials come from it
    for (let waited = 0; !peekBudgetState(org.id) && waited < 100; waited++) await new Promise((r) => setTimeout(r, 10));
    expect(peekBudgetState(org.id)).toBeDefined();
    const refused = (await check(key, { ...call, estimatedCostUsd: "4", reserve: true })).body;
    expect(refused).toMatchObject({ decision: "deny", allowed: false, estimatedCostUsd: "4.000000000" });
    expect(refused.reservationId).toBeUndefined();
    expect(refused.reason).toContain(`'${budget.name}'`);
    // the reservation settles at $5: $5 of room
    await ingest(key, [makeUsageEvent({ team: "search", timestamp: new Date().toISOString(), costUsd: "5", reservationId: held.reservationId })]);
    const allowed = (await check(key, { ...call, estimatedCostUsd: "4", reserve: true })).body;
    expect(allowed).toMatchObject({ decision: "allow", reservationId: expect.stringMatching(/^rsv_/) });
    expect(await ledger(budget.id)).toEqual({ spent: "5.000000000", reserved: "4.000000000" });
  });

  it("lets a team-bound key settle only its own team's reservations", async () => {
    const { org, teams } = await setup();
    await makeBudget(org.id, { limitUsd: "100" });
    const keyOf = async (team: { id: string }) => (await createApiKey({ orgId: org.id, name: `svc ${team.id}`, scopes: ["policy", "ingest"], teamId: team.id })).secret;
    const [search, support, otherSearch] = [await keyOf(teams[0]), await keyOf(teams[1]), await keyOf(teams[0])];
    const held = (await check(search, { ...call, estimatedCostUsd: "4", reserve: true })).body.reservationId as string;
    const status = async () => (await pool().query("SELECT status FROM reservations WHERE id = $1", [held])).rows[0].status;
    // support's key names search's reservation: its event is stored, the hold stays
    expect(await ingest(support, [makeUsageEvent({ team: "support", timestamp: new Date().toISOString(), costUsd: "1", reservationId: held })])).toMatchObject({ accepted: 1 });
    expect(await status()).toBe("held");
    // another key of search settles it
    expect(await ingest(otherSearch, [makeUsageEvent({ team: "search", timestamp: new Date().toISOString(), costUsd: "1", reservationId: held })])).toMatchObject({ accepted: 1 });
    expect(await status()).toBe("settled");
  });

  it("does not refuse from memory once a hold it counts has expired", async () => {
    const { org, key } = await setup();
    await makeBudget(org.id, { limitUsd: "10" });
    const { body: held } = await check(key, { ...call, estimatedCostUsd: "8", reserve: true });
    // the state in memory is loaded while the hold is still current
    await pool().query("UPDATE reservations SET expires_at = now() + interval '300 milliseconds' WHERE id = $1", [held.reservationId]);
    invalidateBudgetState(org.id);
    expect((await check(key, { ...call, estimatedCostUsd: "4", reserve: true })).body.decision).toBe("deny");
    for (let waited = 0; !peekBudgetState(org.id) && waited < 100; waited++) await new Promise((r) => setTimeout(r, 10));
    expect(peekBudgetState(org.id)).toMatchObject({ holdsExpireAt: expect.any(Number) });
    await new Promise((r) => setTimeout(r, 400));
    expect((await check(key, { ...call, estimatedCostUsd: "4", reserve: true })).body.decision).toBe("allow");
  });

  it("never counts a hold twice when an expiry sweep commits while a reservation waits for the ledger lock", async () => {
    const { org, key } = await setup();
    const budget = await makeBudget(org.id, { limitUsd: "10" });
    expect((await check(key, { ...call, estimatedCostUsd: "6", reserve: true })).body.decision).toBe("allow");
    const expiring = (await check(key, { ...call, estimatedCostUsd: "4", reserve: true })).body.reservationId as string;
    await pool().query("UPDATE reservations SET expires_at = now() - interval '1 second' WHERE id = $1", [expiring]);
    // a sweep in progress: it has released the expired $4 and holds the ledger's lock
    const sweep = await pool().connect();
    try {
      await sweep.query("BEGIN");
      await sweep.query("UPDATE reservations SET status = 'expired' WHERE id = $1", [expiring]);
      await sweep.query("UPDATE budget_ledgers SET reserved_usd = reserved_usd - 4 WHERE budget_id = $1", [budget.id]);
      const { rows: [{ pid: sweepPid }] } = await sweep.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      const pending = check(key, { ...call, estimatedCostUsd: "4.5", reserve: true });
      // the race is only run if the reservation is waiting for the sweep's lock when it commits
      let blocked = 0;
      for (let waited = 0; blocked === 0 && waited < 100; waited++) {
        if (waited > 0) await new Promise((r) => setTimeout(r, 20));
        const { rows } = await pool().query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", [sweepPid]);
        blocked = rows[0].n;
      }
      expect(blocked).toBeGreaterThan(0);
      await sweep.query("COMMIT");
      // $6 still held + $4.50 is over the $10 cap
      expect((await pending).body.decision).toBe("deny");
    } finally {
      sweep.release();
    }
    expect(await ledger(budget.id)).toEqual({ spent: "0.000000000", reserved: "6.000000000" });
  });

  it("denies a trace past its agent guard, naming the guard", async () => {
    const { org, key } = await setup();
    await makeBudget(org.id, { name: "agents", limitUsd: "1000", agentMaxSteps: 3 });
    const now = new Date().toISOString();
    await ingest(key, [1, 2, 3].map((i) => makeUsageEvent({ id: `step-${org.id}-${i}`, team: "search", timestamp: now, traceId: "run-42" })));
    const { body } = await check(key, { ...call, traceId: "run-42" });
    expect(body.decision).toBe("deny");
    expect(body.reason).toContain("agent guard of budget 'agents'");
    expect((await check(key, { ...call, traceId: "run-43" })).body.decision).toBe("allow");
  });

  it("downgrades to the named cheaper model", async () => {
    const { org, key } = await setup();
    await makeBudget(org.id, { limitUsd: "0.01", action: "downgrade", downgradeTo: "gpt-4o-mini" });
    const { body } = await check(key, { ...call, estimate: { inputTokens: 4000, outputTokens: 1000 } });
    expect(body).toMatchObject({ decision: "downgrade", allowed: true, model: "gpt-4o-mini" });
  });

  it("downgrades a dollar estimate under a hard cap, scaled by the cheaper model's price", async () => {
    const { org, key } = await setup();
    await makeBudget(org.id, { limitUsd: "1", action: "downgrade", downgradeTo: "gpt-4o-mini" });
    // gpt-4o $2.50 + $10 per million tokens, gpt-4o-mini $0.15 + $0.60: $1.25 becomes $0.075
    const { body } = await check(key, { ...call, estimatedCostUsd: "1.25" });
    expect(body).toMatchObject({ decision: "downgrade", allowed: true, model: "gpt-4o-mini", estimatedCostUsd: "0.075000000" });
  });

  it("prices every bucket of a token estimate: cache writes and reasoning too", async () => {
    const { key } = await setup();
    const estimate = async (tokens: Record<string, number>) => (await check(key, { ...call, model: "claude-sonnet-4", provider: "anthropic", estimate: tokens })).body.estimatedCostUsd;
    // claude-sonnet-4: input $3, cache write $3.75 per million tokens
    expect(await estimate({ inputTokens: 1_000_000 })).toBe("3.000000000");
    expect(await estimate({ inputTokens: 1_000_000, cacheWriteTokens: 1_000_000 })).toBe("3.750000000");
  });

  it("a reserving downgrade holds the cheaper model's estimate, on the reservation and the ledger", async () => {
    const { org, key } = await setup();
    const budget = await makeBudget(org.id, { limitUsd: "0.01", action: "downgrade", downgradeTo: "gpt-4o-mini" });
    const { body } = await check(key, { ...call, estimate: { inputTokens: 4000, outputTokens: 1000 }, reserve: true });
    expect(body).toMatchObject({ decision: "downgrade", allowed: true, model: "gpt-4o-mini", reservationId: expect.stringMatching(/^rsv_/) });
    const { rows } = await pool().query("SELECT estimate_usd::text AS estimate FROM reservations WHERE id = $1", [body.reservationId]);
    expect(rows[0].estimate).toBe(body.estimatedCostUsd);
    expect(await ledger(budget.id)).toEqual({ spent: "0.000000000", reserved: body.estimatedCostUsd });
  });

  it("judges a downgrade by the budgets of the cheaper model too, and holds it on those", async () => {
    const { org, key } = await setup();
    const onGpt4o = await makeBudget(org.id, { name: "gpt-4o cap", scopeType: "model", scopeValue: "gpt-4o", limitUsd: "0.01", action: "downgrade", downgradeTo: "gpt-4o-mini" });
    // room for one downgraded call (about 0.0012), not two
    const onMini = await makeBudget(org.id, { name: "mini cap", scopeType: "model", scopeValue: "gpt-4o-mini", limitUsd: "0.002" });
    const body = { ...call, estimate: { inputTokens: 4000, outputTokens: 1000 } };
    expect((await check(key, body)).body).toMatchObject({ decision: "downgrade", model: "gpt-4o-mini" });
    const first = (await check(key, { ...body, reserve: true })).body;
    expect(first).toMatchObject({ decision: "downgrade", model: "gpt-4o-mini", reservationId: expect.stringMatching(/^rsv_/) });
    const { rows } = await pool().query("SELECT hold_budget_ids FROM reservations WHERE id = $1", [first.reservationId]);
    expect(rows[0].hold_budget_ids).toEqual([onMini.id]);
    expect(await ledger(onMini.id)).toEqual({ spent: "0.000000000", reserved: first.estimatedCostUsd });
    expect(await ledger(onGpt4o.id)).toEqual({ spent: "0.000000000", reserved: "0.000000000" });
    // the second downgraded call would pass the cheaper model's hard cap: refused, read-only and reserving alike
    for (const reserve of [false, true]) {
      const { body: second } = await check(key, { ...body, reserve });
      expect(second).toMatchObject({ decision: "deny", allowed: false });
      expect(second.reason).toContain("'mini cap' (hard cap)");
    }
    expect(await ledger(onMini.id)).toEqual({ spent: "0.000000000", reserved: first.estimatedCostUsd });
  });

  it("the locked path refuses a downgrade the cheaper model's spent hard cap cannot take", async () => {
    const { org, key } = await setup();
    const onGpt4o = await makeBudget(org.id, { name: "gpt-4o cap", scopeType: "model", scopeValue: "gpt-4o", limitUsd: "0.01", action: "downgrade", downgradeTo: "gpt-4o-mini" });
    const onMini = await makeBudget(org.id, { name: "mini cap", scopeType: "model", scopeValue: "gpt-4o-mini", limitUsd: "0.002" });
    await ingest(key, [makeUsageEvent({ team: "search", model: "gpt-4o-mini", timestamp: new Date().toISOString(), costUsd: "0.002" })]);
    // the gpt-4o cap has no ledger yet: the batch goes through the locked path
    const { body } = await check(key, { ...call, estimate: { inputTokens: 4000, outputTokens: 1000 }, reserve: true });
    expect(body).toMatchObject({ decision: "deny", allowed: false });
    expect(body.reason).toContain("'mini cap' (hard cap)");
    expect(await ledger(onMini.id)).toEqual({ spent: "0.002000000", reserved: "0.000000000" });
    expect(await ledger(onGpt4o.id)).toEqual({ spent: "0.000000000", reserved: "0.000000000" });
    expect((await pool().query("SELECT count(*)::int AS n FROM reservations WHERE org_id = $1", [org.id])).rows[0].n).toBe(0);
  });

  it("counts a trace's reservations against its agent guard, within one batch too", async () => {
    const { org, key } = await setup();
    await makeBudget(org.id, { name: "agents", limitUsd: "1000", agentMaxSteps: 2 });
    const answers = await Promise.all([1, 2, 3].map(() => check(key, { ...call, estimatedCostUsd: "0.1", traceId: "run-7", reserve: true })));
    expect(answers.map((a) => a.body.decision).sort()).toEqual(["allow", "allow", "deny"]);
    expect((await check(key, { ...call, estimatedCostUsd: "0.1", traceId: "run-7", reserve: true })).body.decision).toBe("deny");
    const { rows } = await pool().query("SELECT count(*)::int AS n FROM reservations WHERE org_id = $1 AND trace_id = 'run-7'", [org.id]);
    expect(rows[0].n).toBe(2);
  });

  it("treats an unpriced model per the fail mode, never as free", async () => {
    const { org, key } = await setup();
    await makeBudget(org.id, { failMode: "closed", limitUsd: "100" });
    const { body } = await check(key, { ...call, model: "in-house-llm", provider: "self-hosted", estimate: { inputTokens: 100 } });
    expect(body).toMatchObject({ decision: "deny", estimatedCostUsd: null });
  });

  it("estimates with the price in force at the check's instant, on both sides of an override starting mid-minute", async () => {
    const { org } = await setup();
    await createPriceOverride({
      ...CreatePriceOverrideBody.parse({ provider: "openai", model: "gpt-4o", effectiveFrom: "2026-12-01T10:15:30Z", inputPerMTok: "1", outputPerMTok: "1" }),
      orgId: org.id,
      actorUserId: null,
    });
    const principal = { orgId: org.id, keyId: "key", scopes: ["policy" as const], teamId: null };
    const estimateAt = async (at: string) =>
      (await checkPolicy(principal, PolicyCheckBody.parse({ model: "gpt-4o", provider: "openai", estimate: { inputTokens: 1_000_000 } }), undefined, new Date(at))).estimatedCostUsd;
    // the same minute, the override's side first: the answer kept for it must not serve the catalog's side
    expect(await estimateAt("2026-12-01T10:15:50Z")).toBe("1.000000000");
    expect(await estimateAt("2026-12-01T10:15:10Z")).toBe("2.500000000");
    expect(await estimateAt("2026-12-01T10:15:40Z")).toBe("1.000000000");
  });

  it("counts an unpriced model's settled estimates as spend until re-pricing replaces them with the real cost", async () => {
    const { org, key } = await setup();
    const budget = await makeBudget(org.id, { limitUsd: "10" });
    const unpriced = { ...call, provider: "acme", model: "acme-llm-7" };
    const usage = { inputTokens: 2000, outputTokens: 500 };
    const settled: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { body } = await check(key, { ...unpriced, estimatedCostUsd: "4", reserve: true });
      expect(body.decision).toBe("allow");
      settled.push(body.reservationId);
      const event = makeUsageEvent({ ...unpriced, team: "search", timestamp: new Date().toISOString(), usage, reservationId: body.reservationId });
      expect(await ingest(key, [event])).toMatchObject({ accepted: 1 });
    }
    // the events cost an unknown amount, not nothing: their estimates stay counted
    expect(await ledger(budget.id)).toEqual({ spent: "8.000000000", reserved: "0.000000000" });
    expect((await check(key, { ...unpriced, estimatedCostUsd: "4", reserve: true })).body.decision).toBe("deny");
    // 2000 × $1 + 500 × $2 per million = $0.003 an event
    const price = CreatePriceOverrideBody.parse({ provider: "acme", model: "acme-llm-7", effectiveFrom: "2026-01-01T00:00:00Z", inputPerMTok: "1", outputPerMTok: "2" });
    expect(await createPriceOverride({ ...price, orgId: org.id, actorUserId: null })).toMatchObject({ repricingComplete: true });
    expect(await ledger(budget.id)).toEqual({ spent: "0.006000000", reserved: "0.000000000" });
    const { rows } = await pool().query("SELECT status, actual_usd::text AS actual FROM reservations WHERE id = ANY($1) ORDER BY id", [settled]);
    expect(rows).toEqual([{ status: "settled", actual: "0.003000000" }, { status: "settled", actual: "0.003000000" }]);
  });

  it("answers bad input with a 4xx naming the field", async () => {
    const { key } = await setup();
    expect((await check(key, { team: "search" })).body.error.details[0].path).toBe("model");
    const both = await check(key, { ...call, estimate: { inputTokens: 1 }, estimatedCostUsd: "1" });
    expect(both.status).toBe(422);
    // a misspelt bucket would otherwise be dropped, and the call held at $0
    const misspelt = await check(key, { ...call, estimate: { input_tokens: 9_000_000 }, reserve: true });
    expect(misspelt.status).toBe(422);
    expect(misspelt.body.error.details[0].path).toBe("estimate");
    // PostgreSQL cannot store U+0000: refused naming the field, not a 500
    const nul = await check(key, { ...call, estimatedCostUsd: "1", traceId: "a\u0000b", reserve: true });
    expect(nul.status).toBe(422);
    expect(nul.body.error.details[0]).toMatchObject({ path: "traceId", message: "must not contain the character U+0000" });
    const { org } = await makeOrg();
    const ingestOnly = await createApiKey({ orgId: org.id, name: "i", scopes: ["ingest"] });
    expect((await check(ingestOnly.secret, call)).status).toBe(403);
  });
});

describe("budget periods in the organisation's time zone", () => {
  it("ledgers written by ingest use the same period as the policy check", async () => {
    const { org, key } = await setup();
    await pool().query("UPDATE organizations SET time_zone = 'Asia/Kolkata' WHERE id = $1", [org.id]);
    const { invalidateOrgContext } = await import("@/lib/org/org-context");
    invalidateOrgContext(org.id);
    const budget = await makeBudget(org.id, { period: "day", limitUsd: "1" });
    // 20:00 UTC is already the next day in India (UTC+5:30)
    const now = new Date();
    const lateEvening = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 19, 0));
    const inIndiaToday = lateEvening.getTime() <= now.getTime() ? lateEvening : new Date(now.getTime() - 60_000);
    await ingest(key, [makeUsageEvent({ team: "search", timestamp: inIndiaToday.toISOString(), costUsd: "0.75" })]);
    const { rows } = await pool().query("SELECT period_start, period_end FROM budget_ledgers WHERE budget_id = $1", [budget.id]);
    const { periodBounds } = await import("./period");
    const bounds = periodBounds("day", inIndiaToday, "Asia/Kolkata");
    expect(rows[0].period_start.toISOString()).toBe(bounds.start.toISOString());
    expect(rows[0].period_end.toISOString()).toBe(bounds.end.toISOString());
    expect(bounds.start.toISOString()).toMatch(/T18:30:00.000Z$/);
    const current = periodBounds("day", new Date(), "Asia/Kolkata");
    const expected = current.start.getTime() === bounds.start.getTime() ? "deny" : "allow";
    expect((await check(key, { ...call, estimatedCostUsd: "0.5" })).body.decision).toBe(expected);
  });
});

describe("every budget period", () => {
  it.each(["day", "week", "month", "quarter"] as const)("ingest keeps a %s budget's ledger", async (period) => {
    const { org, key } = await setup();
    const budget = await makeBudget(org.id, { period, limitUsd: "10" });
    expect(await ingest(key, [makeUsageEvent({ team: "search", timestamp: new Date().toISOString(), costUsd: "2" })])).toMatchObject({ accepted: 1 });
    const { rows } = await pool().query("SELECT spent_usd::text AS spent, period_end > period_start AS ordered FROM budget_ledgers WHERE budget_id = $1", [budget.id]);
    expect(rows[0]).toEqual({ spent: "2.000000000", ordered: true });
  });
});
