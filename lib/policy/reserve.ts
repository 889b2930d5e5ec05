// Reserving checks, group-committed (DESIGN.md 8 and 12). A batch is first
// tried optimistically (reserve-optimistic.ts: decided on ledgers read
// without a lock, applied by one statement that fails if a hard cap would
// be passed); when that cannot apply, it goes through one short transaction
// that locks every ledger it touches in a fixed order, decides the requests
// one after another against the locked totals, and holds each allowed
// estimate. Under any concurrency and across app instances, allowed
// estimates plus spend never pass a hard cap. The reservations are written
// before the locks are taken (reserve-sql.ts), so locked batches wait on
// each other only for the lock, the decision and the commit.
import type pg from "pg";
import { pipelinedPool } from "@/lib/db";
import { sentTogether, withTransactionEndingIn } from "@/lib/ingest/with-transaction";
import { formatUsd, parseUsd } from "@/lib/money";
import type { BudgetRow, Ledger } from "./budget-rows";
import { invalidateBudgetState } from "./budget-state";
import { decide, heldAsSent, holdLedgerValues, type Key, keyOf, loadBatchBudgets, plan, type Plan, type Reserved, reservationValues, type ReserveRequest, type ReserveResult, type Settlement } from "./reserve-decide";
import { reserveOptimistically } from "./reserve-optimistic";
import { EXPIRED_HOLDS_SQL, HOLD_SQL, LOCK_LEDGERS_SQL, SETTLE_SQL } from "./reserve-sql";

/** Inserts every reservation of the batch, held at its estimate (settle() drops or re-amounts it). */
async function holdAll(client: pg.PoolClient, plans: Plan[]): Promise<void> {
  await client.query({ name: "policy-hold", text: HOLD_SQL, values: reservationValues(plans.map((p) => ({ plan: p, amount: p.estimate, on: heldAsSent(p) }))) });
}

/** The locked ledgers by organisation, then budget. */
async function lockLedgers(client: pg.PoolClient, plans: Plan[]): Promise<Map<string, Map<string, Ledger>>> {
  const keys = new Map<string, Key>();
  for (const { request, consulted } of plans) {
    for (const { budget, period } of consulted) keys.set(keyOf({ orgId: request.orgId, budgetId: budget.id }), { orgId: request.orgId, budgetId: budget.id, periodStart: period.start, periodEnd: period.end });
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

/** Sends the settle statement (not async: a failure to build it throws before anything is sent). */
function settle(client: pg.PoolClient, { denied, reamounted, added }: Settlement): Promise<pg.QueryResult> {
  const a = [...added.values()];
  return client.query({ name: "policy-settle", text: SETTLE_SQL, values: [
    denied.map((p) => p.request.orgId), denied.map((p) => p.id),
    reamounted.map((r) => r.plan.request.orgId), reamounted.map((r) => r.plan.id), reamounted.map((r) => formatUsd(r.amount)),
    a.map((x) => x.orgId), a.map((x) => x.budgetId), a.map((x) => x.periodStart.toISOString()), a.map((x) => formatUsd(x.amount)),
    ...holdLedgerValues(reamounted),
  ] });
}

/**
 * The locked path: one transaction that decides against locked ledgers, on
 * `budgetsByOrg` when the optimistic path has just read them. Pipelined:
 * BEGIN goes with the first statements (the budgets' read, or the inserts
 * and the lock), the inserts with the lock, the settlement with the COMMIT.
 */
async function reserveLocked(requests: ReserveRequest[], budgetsByOrg: Map<string, BudgetRow[]> | null): Promise<Reserved> {
  return withTransactionEndingIn(pipelinedPool(), async (client) => {
    const plans = plan(budgetsByOrg ?? (await loadBatchBudgets(client, requests)), requests);
    const [, ledgers] = await sentTogether(client, () => Promise.all([holdAll(client, plans), lockLedgers(client, plans)]));
    const { results, settlement } = await decide(client, plans, ledgers);
    return [{ results, held: new Set([...settlement.added.values()].map((a) => a.orgId)) }, () => settle(client, settlement)];
  });
}

export async function reserveBatch(requests: ReserveRequest[]): Promise<ReserveResult[]> {
  const optimistic = await reserveOptimistically(requests);
  const { results, held } = optimistic.reserved ?? (await reserveLocked(requests, optimistic.budgetsByOrg));
  // only holds change ledgers: a batch that denied everything leaves the state in memory current
  for (const orgId of held) invalidateBudgetState(orgId);
  return results;
}
