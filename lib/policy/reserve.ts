// Reserving checks, group-committed (DESIGN.md 8 and 12): concurrent
// requests are decided in one short transaction that locks every ledger they
// touch in a fixed order, decides them one after another against the locked
// totals, and holds each allowed estimate. Under any concurrency and across
// app instances, allowed estimates plus spend never pass a hard cap. The
// reservations are written before the locks are taken (reserve-sql.ts), so
// batches wait on each other only for the lock, the decision and the commit.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { pipelinedPool } from "@/lib/db";
import { sentTogether, withTransactionEndingIn } from "@/lib/ingest/with-transaction";
import { formatUsd, parseUsd } from "@/lib/money";
import { pgArray } from "@/lib/pg-array";
import { type BudgetRow, budgetMatches, type CallScope, type CurrentBudget, guarded, type Ledger, loadBudgets } from "./budget-rows";
import { invalidateBudgetState } from "./budget-state";
import { evaluatePolicy, type PolicyInput, type PolicyOutcome } from "./evaluate-policy";
import { periodBounds } from "./period";
import { EXPIRED_HOLDS_SQL, HOLD_SQL, LOCK_LEDGERS_SQL, SETTLE_SQL } from "./reserve-sql";
import { traceUsage } from "./trace-usage";

export type ReserveRequest = { orgId: string; timeZone: string; call: CallScope; input: PolicyInput; traceId: string | null; ttlSeconds: number };
export type ReserveResult = { outcome: PolicyOutcome; budgets: CurrentBudget[]; reservationId: string | null };

/** One request of the batch: the budgets it matches, with their periods, and the reservation it may get. */
type Plan = { request: ReserveRequest; id: string; budgets: BudgetRow[]; periods: { start: Date; end: Date }[]; estimate: bigint };

type Key = { orgId: string; budgetId: string; periodStart: Date; periodEnd: Date };
const keyOf = (k: { orgId: string; budgetId: string }) => `${k.orgId}\u0000${k.budgetId}`;

async function plan(client: pg.PoolClient, requests: ReserveRequest[]): Promise<Plan[]> {
  const budgetsByOrg = new Map<string, BudgetRow[]>();
  for (const orgId of new Set(requests.map((r) => r.orgId))) budgetsByOrg.set(orgId, await loadBudgets(client, orgId));
  const random = randomBytes(16 * requests.length);
  return requests.map((request, i) => {
    const budgets = budgetsByOrg.get(request.orgId)!.filter((b) => budgetMatches(b, request.call));
    return {
      request,
      id: `rsv_${random.subarray(16 * i, 16 * (i + 1)).toString("base64url")}`,
      budgets,
      periods: budgets.map((b) => periodBounds(b.period, request.input.now, request.timeZone)),
      estimate: request.input.estimate ?? 0n,
    };
  });
}

/** Inserts every reservation of the batch, held at its estimate (settle() drops or re-amounts it). Instants go as ISO strings (pg's own formatting of a Date costs more). */
async function holdAll(client: pg.PoolClient, plans: Plan[]): Promise<void> {
  const r = plans.map((p) => p.request);
  await client.query({ name: "policy-hold", text: HOLD_SQL, values: [
    r.map((x) => x.orgId), plans.map((p) => p.id), plans.map((p) => formatUsd(p.estimate)), r.map((x) => x.traceId), r.map((x) => x.call.apiKeyId), r.map((x) => x.ttlSeconds),
    plans.map((p) => pgArray(p.budgets.map((b) => b.id))), plans.map((p) => pgArray(p.periods.map((x) => x.start.toISOString()))),
  ] });
}

/** The locked ledgers by organisation, then budget. */
async function lockLedgers(client: pg.PoolClient, plans: Plan[]): Promise<Map<string, Map<string, Ledger>>> {
  const keys = new Map<string, Key>();
  for (const { request, budgets, periods } of plans) {
    budgets.forEach((b, i) => keys.set(keyOf({ orgId: request.orgId, budgetId: b.id }), { orgId: request.orgId, budgetId: b.id, periodStart: periods[i].start, periodEnd: periods[i].end }));
  }
  const byOrg = new Map<string, Map<string, Ledger>>();
  if (keys.size === 0) return byOrg;
  const sorted = [...keys.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  const orgs = [...new Set(sorted.map((k) => k.orgId))];
  const values = [sorted.map((k) => k.orgId), sorted.map((k) => k.budgetId), sorted.map((k) => k.periodStart.toISOString()), sorted.map((k) => k.periodEnd.toISOString()), orgs];
  const { rows } = await client.query({ name: "policy-lock-ledgers", text: LOCK_LEDGERS_SQL, values });
  const expired = rows.some((r) => r.any_expired)
    ? (await client.query<{ org_id: string; budget_id: string; period_start: Date; amount: string }>({
        name: "policy-expired-holds",
        text: EXPIRED_HOLDS_SQL,
        values: [orgs, plans.map((p) => p.id)],
      })).rows
    : [];
  const expiredAmount = new Map(expired.map((e) => [`${e.org_id}\u0000${e.budget_id}\u0000${e.period_start.getTime()}`, parseUsd(e.amount)]));
  for (const r of rows) {
    if (!byOrg.has(r.org_id)) byOrg.set(r.org_id, new Map());
    const periodStart = (r.period_start as Date).getTime();
    // expired holds are not counted; the sweeper removes them from the ledger
    const gone = expiredAmount.get(`${r.org_id}\u0000${r.budget_id}\u0000${periodStart}`) ?? 0n;
    byOrg.get(r.org_id)!.set(r.budget_id, { periodStart, spent: parseUsd(r.spent), reserved: parseUsd(r.reserved) - gone });
  }
  return byOrg;
}

type Settlement = { denied: Plan[]; reamounted: { plan: Plan; amount: bigint }[]; added: Map<string, { orgId: string; budgetId: string; periodStart: Date; amount: bigint }> };

/** Decides the requests one after another against the locked totals. */
async function decide(client: pg.PoolClient, plans: Plan[], ledgers: Map<string, Map<string, Ledger>>): Promise<{ results: ReserveResult[]; settlement: Settlement }> {
  const batchIds = plans.map((p) => p.id);
  const traces = new Map<string, { steps: number; cost: bigint }>();
  const settlement: Settlement = { denied: [], reamounted: [], added: new Map() };
  const results: ReserveResult[] = [];
  for (const p of plans) {
    const { request } = p;
    const perOrg = ledgers.get(request.orgId) ?? new Map<string, Ledger>();
    const budgets = p.budgets.map((b) => guarded(b, perOrg, request.input.now, request.timeZone));
    const traceKey = request.traceId ? `${request.orgId}\u0000${request.traceId}` : null;
    if (traceKey && budgets.some((b) => b.agentGuard) && !traces.has(traceKey)) traces.set(traceKey, await traceUsage(client, request.orgId, request.traceId!, batchIds));
    const outcome = evaluatePolicy({ ...request.input, trace: traceKey ? (traces.get(traceKey) ?? null) : null }, budgets);
    if (outcome.decision === "deny") {
      settlement.denied.push(p);
      results.push({ outcome, budgets, reservationId: null });
      continue;
    }
    if (outcome.hold !== p.estimate) settlement.reamounted.push({ plan: p, amount: outcome.hold });
    for (const b of budgets) {
      perOrg.get(b.id)!.reserved += outcome.hold;
      b.reserved += outcome.hold;
      const key = `${keyOf({ orgId: request.orgId, budgetId: b.id })}\u0000${b.periodStart.getTime()}`;
      const added = settlement.added.get(key) ?? { orgId: request.orgId, budgetId: b.id, periodStart: b.periodStart, amount: 0n };
      added.amount += outcome.hold;
      settlement.added.set(key, added);
    }
    const trace = traceKey ? traces.get(traceKey) : undefined;
    if (trace) traces.set(traceKey!, { steps: trace.steps + 1, cost: trace.cost + outcome.hold });
    results.push({ outcome, budgets, reservationId: p.id });
  }
  return { results, settlement };
}

/** Sends the settle statement (not async: a failure to build it throws before anything is sent). */
function settle(client: pg.PoolClient, { denied, reamounted, added }: Settlement): Promise<pg.QueryResult> {
  const a = [...added.values()];
  return client.query({ name: "policy-settle", text: SETTLE_SQL, values: [
    denied.map((p) => p.request.orgId), denied.map((p) => p.id),
    reamounted.map((r) => r.plan.request.orgId), reamounted.map((r) => r.plan.id), reamounted.map((r) => formatUsd(r.amount)),
    a.map((x) => x.orgId), a.map((x) => x.budgetId), a.map((x) => x.periodStart.toISOString()), a.map((x) => formatUsd(x.amount)),
  ] });
}

export async function reserveBatch(requests: ReserveRequest[]): Promise<ReserveResult[]> {
  // pipelined: BEGIN goes with the budgets' read, the inserts with the lock, the settlement with the COMMIT
  const { results, held } = await withTransactionEndingIn(pipelinedPool(), async (client) => {
    const plans = await plan(client, requests);
    const [, ledgers] = await sentTogether(client, () => Promise.all([holdAll(client, plans), lockLedgers(client, plans)]));
    const { results, settlement } = await decide(client, plans, ledgers);
    return [{ results, held: new Set([...settlement.added.values()].map((a) => a.orgId)) }, () => settle(client, settlement)];
  });
  // only holds change ledgers: a batch that denied everything leaves the state in memory current
  for (const orgId of held) invalidateBudgetState(orgId);
  return results;
}
