// Reserving checks, group-committed (DESIGN.md 8 and 12): concurrent
// requests are decided in one short transaction that locks every ledger they
// touch in a fixed order, decides them one after another against the locked
// totals, and holds each allowed estimate. Under any concurrency and across
// app instances, allowed estimates plus spend never pass a hard cap.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { pool } from "@/lib/db";
import { withTransaction } from "@/lib/ingest/with-transaction";
import { formatUsd, parseUsd } from "@/lib/money";
import { NOTIFY_BUDGET_CHANGE } from "./budget-notify";
import { type BudgetRow, budgetMatches, type CallScope, type CurrentBudget, guarded, type Ledger, loadBudgets } from "./budget-rows";
import { invalidateBudgetState } from "./budget-state";
import { evaluatePolicy, type PolicyInput, type PolicyOutcome } from "./evaluate-policy";
import { traceUsage } from "./trace-usage";

export type ReserveRequest = { orgId: string; timeZone: string; call: CallScope; input: PolicyInput; traceId: string | null; ttlSeconds: number };
export type ReserveResult = { outcome: PolicyOutcome; budgets: CurrentBudget[]; reservationId: string | null };

type Key = { orgId: string; budgetId: string; periodStart: Date; periodEnd: Date };
const keyOf = (k: { orgId: string; budgetId: string }) => `${k.orgId}\u0000${k.budgetId}`;

async function lockLedgers(client: pg.PoolClient, keys: Key[]): Promise<Map<string, Ledger>> {
  const cols = [keys.map((k) => k.orgId), keys.map((k) => k.budgetId), keys.map((k) => k.periodStart), keys.map((k) => k.periodEnd)];
  await client.query(
    `INSERT INTO budget_ledgers (org_id, budget_id, period_start, period_end)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[]) ORDER BY 1, 2
     ON CONFLICT (org_id, budget_id, period_start) DO NOTHING`,
    cols,
  );
  const { rows } = await client.query(
    `SELECT l.org_id, l.budget_id, l.period_start, l.spent_usd::text AS spent,
            (l.reserved_usd - coalesce((SELECT sum(h.amount_usd) FROM reservation_holds h JOIN reservations r ON r.org_id = h.org_id AND r.id = h.reservation_id
                                         WHERE h.org_id = l.org_id AND h.budget_id = l.budget_id AND h.period_start = l.period_start
                                           AND r.status = 'held' AND r.expires_at <= now()), 0))::text AS reserved
       FROM budget_ledgers l JOIN unnest($1::text[], $2::text[], $3::timestamptz[]) AS k(org_id, budget_id, period_start)
         ON l.org_id = k.org_id AND l.budget_id = k.budget_id AND l.period_start = k.period_start
      ORDER BY l.org_id, l.budget_id FOR UPDATE OF l`,
    cols.slice(0, 3),
  );
  // expired holds are not counted; the sweeper removes them from the ledger
  return new Map(rows.map((r) => [keyOf({ orgId: r.org_id, budgetId: r.budget_id }), { periodStart: (r.period_start as Date).getTime(), spent: parseUsd(r.spent), reserved: parseUsd(r.reserved) }]));
}

async function decide(client: pg.PoolClient, requests: ReserveRequest[]): Promise<{ results: ReserveResult[]; writes: { holds: [string, string, string, Date, bigint][]; reservations: ReserveRequest[]; ids: string[]; amounts: bigint[] } }> {
  const budgetsByOrg = new Map<string, BudgetRow[]>();
  for (const orgId of new Set(requests.map((r) => r.orgId))) budgetsByOrg.set(orgId, await loadBudgets(client, orgId));
  const matched = requests.map((r) => budgetsByOrg.get(r.orgId)!.filter((b) => budgetMatches(b, r.call)).map((b) => guarded(b, new Map(), r.input.now, r.timeZone)));
  const keys = new Map<string, Key>();
  matched.forEach((list, i) => list.forEach((b) => keys.set(keyOf({ orgId: requests[i].orgId, budgetId: b.id }), { orgId: requests[i].orgId, budgetId: b.id, periodStart: b.periodStart, periodEnd: b.periodEnd })));
  const sorted = [...keys.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  const ledgers = sorted.length ? await lockLedgers(client, sorted) : new Map<string, Ledger>();
  const traces = new Map<string, { steps: number; cost: bigint }>();
  const writes = { holds: [] as [string, string, string, Date, bigint][], reservations: [] as ReserveRequest[], ids: [] as string[], amounts: [] as bigint[] };
  const results: ReserveResult[] = [];
  for (const [i, request] of requests.entries()) {
    const perOrg = new Map([...ledgers].filter(([k]) => k.startsWith(`${request.orgId}\u0000`)).map(([k, v]) => [k.split("\u0000")[1], v]));
    const budgets = matched[i].map((b) => guarded(b.row, perOrg, request.input.now, request.timeZone));
    const traceKey = request.traceId ? `${request.orgId}\u0000${request.traceId}` : null;
    if (traceKey && budgets.some((b) => b.agentGuard) && !traces.has(traceKey)) traces.set(traceKey, await traceUsage(client, request.orgId, request.traceId!));
    const outcome = evaluatePolicy({ ...request.input, trace: traceKey ? (traces.get(traceKey) ?? null) : null }, budgets);
    let reservationId: string | null = null;
    if (outcome.decision !== "deny") {
      reservationId = `rsv_${randomBytes(16).toString("base64url")}`;
      for (const b of budgets) {
        perOrg.get(b.id)!.reserved += outcome.hold;
        b.reserved += outcome.hold;
        writes.holds.push([request.orgId, reservationId, b.id, b.periodStart, outcome.hold]);
      }
      writes.reservations.push(request);
      writes.ids.push(reservationId);
      writes.amounts.push(outcome.hold);
      const trace = traceKey ? traces.get(traceKey) : undefined;
      if (trace) traces.set(traceKey!, { steps: trace.steps + 1, cost: trace.cost + outcome.hold });
    }
    results.push({ outcome, budgets, reservationId });
  }
  return { results, writes };
}

async function write(client: pg.PoolClient, writes: Awaited<ReturnType<typeof decide>>["writes"]): Promise<void> {
  if (writes.ids.length === 0) return;
  const r = writes.reservations;
  await client.query(
    `INSERT INTO reservations (org_id, id, estimate_usd, status, trace_id, api_key_id, expires_at)
     SELECT o, i, e, 'held', t, k, now() + make_interval(secs => s)
       FROM unnest($1::text[], $2::text[], $3::numeric[], $4::text[], $5::text[], $6::int[]) AS x(o, i, e, t, k, s)`,
    [r.map((x) => x.orgId), writes.ids, writes.amounts.map(formatUsd), r.map((x) => x.traceId), r.map((x) => x.call.apiKeyId), r.map((x) => x.ttlSeconds)],
  );
  const h = writes.holds;
  await client.query(
    `WITH holds AS (
       INSERT INTO reservation_holds (org_id, reservation_id, budget_id, period_start, amount_usd)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::numeric[])
       RETURNING org_id, budget_id, period_start, amount_usd
     ),
     held AS (
       UPDATE budget_ledgers l SET reserved_usd = l.reserved_usd + h.total, updated_at = now()
         FROM (SELECT org_id, budget_id, period_start, sum(amount_usd) AS total FROM holds GROUP BY 1, 2, 3) h
        WHERE l.org_id = h.org_id AND l.budget_id = h.budget_id AND l.period_start = h.period_start
       RETURNING l.org_id
     )
     ${NOTIFY_BUDGET_CHANGE("held")}`,
    [h.map((x) => x[0]), h.map((x) => x[1]), h.map((x) => x[2]), h.map((x) => x[3]), h.map((x) => formatUsd(x[4]))],
  );
}

export async function reserveBatch(requests: ReserveRequest[]): Promise<ReserveResult[]> {
  const results = await withTransaction(pool(), async (client) => {
    const { results, writes } = await decide(client, requests);
    await write(client, writes);
    return results;
  });
  for (const orgId of new Set(requests.map((r) => r.orgId))) invalidateBudgetState(orgId);
  return results;
}
