// The decisions of a batch of reserving checks (DESIGN.md 8), shared by the
// locked path (reserve.ts) and the optimistic one (reserve-optimistic.ts):
// each request's matching budgets and periods, then the requests decided one
// after another against the ledger totals, each allowed hold added to them.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { formatUsd } from "@/lib/money";
import { pgArray } from "@/lib/pg-array";
import { type BudgetRow, budgetMatches, type CallScope, type CurrentBudget, guarded, type Ledger, loadBudgets } from "./budget-rows";
import { evaluatePolicy, type PolicyInput, type PolicyOutcome } from "./evaluate-policy";
import { periodBounds } from "./period";
import { traceUsage } from "./trace-usage";

export type ReserveRequest = { orgId: string; timeZone: string; call: CallScope; input: PolicyInput; traceId: string | null; ttlSeconds: number };
export type ReserveResult = { outcome: PolicyOutcome; budgets: CurrentBudget[]; reservationId: string | null };

/** One request of the batch: the budgets it matches, with their periods, and the reservation it may get. */
export type Plan = { request: ReserveRequest; id: string; budgets: BudgetRow[]; periods: { start: Date; end: Date }[]; estimate: bigint };

export type Key = { orgId: string; budgetId: string; periodStart: Date; periodEnd: Date };
export const keyOf = (k: { orgId: string; budgetId: string }) => `${k.orgId}\u0000${k.budgetId}`;

/** A batch decided and held: its results, and the organisations whose ledgers it changed. */
export type Reserved = { results: ReserveResult[]; held: Set<string> };

/** The budgets of every organisation in the batch, by organisation; the reads are all sent at once (on a pipelined connection, in one write). */
export async function loadBatchBudgets(client: pg.PoolClient, requests: ReserveRequest[]): Promise<Map<string, BudgetRow[]>> {
  const orgIds = [...new Set(requests.map((r) => r.orgId))];
  const budgets = await Promise.all(orgIds.map((orgId) => loadBudgets(client, orgId)));
  return new Map(orgIds.map((orgId, i) => [orgId, budgets[i]]));
}

/** Each request with the budgets it matches, their periods and a new reservation id. */
export function plan(budgetsByOrg: Map<string, BudgetRow[]>, requests: ReserveRequest[]): Plan[] {
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

export type Settlement = { denied: Plan[]; reamounted: { plan: Plan; amount: bigint }[]; added: Map<string, { orgId: string; budgetId: string; periodStart: Date; amount: bigint }> };

/**
 * Decides the requests one after another against the ledger totals (locked,
 * or as read for an optimistic batch), adding each allowed hold to them.
 */
export async function decide(client: pg.PoolClient, plans: Plan[], ledgers: Map<string, Map<string, Ledger>>): Promise<{ results: ReserveResult[]; settlement: Settlement }> {
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

/**
 * The values of HOLD_SQL (reserve-sql.ts) for reservations held at
 * `amount`. Instants go as ISO strings (pg's own formatting of a Date costs more).
 */
export function reservationValues(holds: { plan: Plan; amount: bigint }[]): unknown[] {
  const r = holds.map((h) => h.plan.request);
  return [
    r.map((x) => x.orgId), holds.map((h) => h.plan.id), holds.map((h) => formatUsd(h.amount)), r.map((x) => x.traceId), r.map((x) => x.call.apiKeyId), r.map((x) => x.ttlSeconds),
    holds.map((h) => pgArray(h.plan.budgets.map((b) => b.id))), holds.map((h) => pgArray(h.plan.periods.map((x) => x.start.toISOString()))),
  ];
}
