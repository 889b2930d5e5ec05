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

/** `callOn(model)`: the same call made on another model (a downgrade's), for the budgets it matches. */
export type ReserveRequest = { orgId: string; timeZone: string; call: CallScope; callOn: (model: string) => CallScope; input: PolicyInput; traceId: string | null; ttlSeconds: number };
export type ReserveResult = { outcome: PolicyOutcome<CurrentBudget>; budgets: CurrentBudget[]; reservationId: string | null };

type Period = { start: Date; end: Date };

/**
 * One request of the batch: the budgets it matches, with their periods; the
 * budgets it would match on each model a downgrade can lead to; every budget
 * consulted, with its period (the ledgers to lock or to have read); and the
 * reservation it may get.
 */
export type Plan = {
  request: ReserveRequest;
  id: string;
  budgets: BudgetRow[];
  periods: Period[];
  downgrades: Map<string, BudgetRow[]>;
  consulted: { budget: BudgetRow; period: Period }[];
  estimate: bigint;
};

/** A reservation's hold: its amount and the ledgers it is on. */
export type Hold = { plan: Plan; amount: bigint; on: { id: string; periodStart: Date }[] };

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

/** The budgets the call matches on every model its budgets' downgrades lead to, following downgrades of those too. */
function downgradeBudgets(all: BudgetRow[], request: ReserveRequest, budgets: BudgetRow[]): Map<string, BudgetRow[]> {
  const byModel = new Map<string, BudgetRow[]>();
  let pending = budgets;
  while (pending.length > 0) {
    const next: BudgetRow[] = [];
    for (const { downgradeTo: model } of pending) {
      if (model === null || model === request.call.model || byModel.has(model)) continue;
      const call = request.callOn(model);
      const on = all.filter((b) => budgetMatches(b, call));
      byModel.set(model, on);
      next.push(...on);
    }
    pending = next;
  }
  return byModel;
}

/** Each request with the budgets it matches (and would on a downgrade), their periods and a new reservation id. */
export function plan(budgetsByOrg: Map<string, BudgetRow[]>, requests: ReserveRequest[]): Plan[] {
  const random = randomBytes(16 * requests.length);
  return requests.map((request, i) => {
    const all = budgetsByOrg.get(request.orgId)!;
    const budgets = all.filter((b) => budgetMatches(b, request.call));
    const periodOf = (b: BudgetRow) => periodBounds(b.period, request.input.now, request.timeZone);
    const periods = budgets.map(periodOf);
    const downgrades = downgradeBudgets(all, request, budgets);
    const consulted = budgets.map((budget, j) => ({ budget, period: periods[j] }));
    const seen = new Set(budgets.map((b) => b.id));
    for (const budget of [...downgrades.values()].flat()) {
      if (seen.has(budget.id)) continue;
      seen.add(budget.id);
      consulted.push({ budget, period: periodOf(budget) });
    }
    return { request, id: `rsv_${random.subarray(16 * i, 16 * (i + 1)).toString("base64url")}`, budgets, periods, downgrades, consulted, estimate: request.input.estimate ?? 0n };
  });
}

/** The ledgers of the budgets a plan holds on before it is decided: those of the call as sent. */
export const heldAsSent = (p: Plan): Hold["on"] => p.budgets.map((b, i) => ({ id: b.id, periodStart: p.periods[i].start }));

/** `reamounted`: reservations whose amount or ledgers (a downgraded call's) are not those held as sent. */
export type Settlement = { denied: Plan[]; reamounted: Hold[]; added: Map<string, { orgId: string; budgetId: string; periodStart: Date; amount: bigint }> };

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
    const current = (rows: BudgetRow[]) => rows.map((b) => guarded(b, perOrg, request.input.now, request.timeZone));
    const budgets = current(p.budgets);
    const traceKey = request.traceId ? `${request.orgId}\u0000${request.traceId}` : null;
    if (traceKey && p.consulted.some((c) => c.budget.agentGuard) && !traces.has(traceKey)) traces.set(traceKey, await traceUsage(client, request.orgId, request.traceId!, batchIds));
    const outcome = evaluatePolicy({ ...request.input, trace: traceKey ? (traces.get(traceKey) ?? null) : null }, budgets, (model) => current(p.downgrades.get(model)!));
    if (outcome.decision === "deny") {
      settlement.denied.push(p);
      results.push({ outcome, budgets, reservationId: null });
      continue;
    }
    // a downgraded call holds on the budgets it matches on its new model, every one of them locked (or read) and judged
    const downgraded = outcome.budgets !== budgets;
    if (outcome.hold !== p.estimate || downgraded) settlement.reamounted.push({ plan: p, amount: outcome.hold, on: outcome.budgets });
    for (const b of outcome.budgets) {
      perOrg.get(b.id)!.reserved += outcome.hold;
      b.reserved += outcome.hold;
      const key = `${keyOf({ orgId: request.orgId, budgetId: b.id })}\u0000${b.periodStart.getTime()}`;
      const added = settlement.added.get(key) ?? { orgId: request.orgId, budgetId: b.id, periodStart: b.periodStart, amount: 0n };
      added.amount += outcome.hold;
      settlement.added.set(key, added);
    }
    const trace = traceKey ? traces.get(traceKey) : undefined;
    if (trace) traces.set(traceKey!, { steps: trace.steps + 1, cost: trace.cost + outcome.hold });
    results.push({ outcome, budgets: downgraded ? current(p.budgets) : budgets, reservationId: p.id });
  }
  return { results, settlement };
}

/** The ledgers of holds, as array literals: budget ids, and period starts as ISO strings (pg's own formatting of a Date costs more). */
export function holdLedgerValues(holds: Hold[]): [string[], string[]] {
  return [holds.map((h) => pgArray(h.on.map((b) => b.id))), holds.map((h) => pgArray(h.on.map((b) => b.periodStart.toISOString())))];
}

/** The values of HOLD_SQL (reserve-sql.ts) for reservations held at `amount` on the ledgers `on`. */
export function reservationValues(holds: Hold[]): unknown[] {
  const r = holds.map((h) => h.plan.request);
  return [
    r.map((x) => x.orgId), holds.map((h) => h.plan.id), holds.map((h) => formatUsd(h.amount)), r.map((x) => x.traceId), r.map((x) => x.call.apiKeyId), r.map((x) => x.ttlSeconds),
    ...holdLedgerValues(holds),
  ];
}
