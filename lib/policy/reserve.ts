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
import { periodBounds } from "./period";
import { traceUsage } from "./trace-usage";

export type ReserveRequest = { orgId: string; timeZone: string; call: CallScope; input: PolicyInput; traceId: string | null; ttlSeconds: number };
export type ReserveResult = { outcome: PolicyOutcome; budgets: CurrentBudget[]; reservationId: string | null };

type Key = { orgId: string; budgetId: string; periodStart: Date; periodEnd: Date };
const keyOf = (k: { orgId: string; budgetId: string }) => `${k.orgId}\u0000${k.budgetId}`;

// One statement: creates missing ledgers and locks every ledger in key order
// (ON CONFLICT DO UPDATE locks existing rows, and waits for and then sees
// rows another transaction is creating), and reads their totals without
// expired holds. Expired holds are found from the reservations index (few
// rows) rather than from every hold of the ledger.
const LOCK_LEDGERS_SQL = `
WITH locked AS (
  INSERT INTO budget_ledgers AS l (org_id, budget_id, period_start, period_end)
  SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[]) ORDER BY 1, 2
  ON CONFLICT (org_id, budget_id, period_start) DO UPDATE SET period_end = l.period_end
  RETURNING l.org_id, l.budget_id, l.period_start, l.spent_usd, l.reserved_usd
),
expired AS MATERIALIZED (
  SELECT r.org_id, r.id FROM reservations r
   WHERE r.org_id = ANY($1::text[]) AND r.status = 'held' AND r.expires_at <= now()
),
expired_holds AS (
  SELECT h.org_id, h.budget_id, h.period_start, sum(h.amount_usd) AS amount
    FROM expired e JOIN reservation_holds h ON h.org_id = e.org_id AND h.reservation_id = e.id
   GROUP BY 1, 2, 3
)
SELECT k.org_id, k.budget_id, k.period_start, k.spent_usd::text AS spent, (k.reserved_usd - coalesce(x.amount, 0))::text AS reserved
  FROM locked k LEFT JOIN expired_holds x ON x.org_id = k.org_id AND x.budget_id = k.budget_id AND x.period_start = k.period_start`;

/** The locked ledgers by organisation, then budget. */
async function lockLedgers(client: pg.PoolClient, keys: Key[]): Promise<Map<string, Map<string, Ledger>>> {
  const { rows } = await client.query(LOCK_LEDGERS_SQL, [keys.map((k) => k.orgId), keys.map((k) => k.budgetId), keys.map((k) => k.periodStart), keys.map((k) => k.periodEnd)]);
  const byOrg = new Map<string, Map<string, Ledger>>();
  for (const r of rows) {
    if (!byOrg.has(r.org_id)) byOrg.set(r.org_id, new Map());
    // expired holds are not counted; the sweeper removes them from the ledger
    byOrg.get(r.org_id)!.set(r.budget_id, { periodStart: (r.period_start as Date).getTime(), spent: parseUsd(r.spent), reserved: parseUsd(r.reserved) });
  }
  return byOrg;
}

async function decide(client: pg.PoolClient, requests: ReserveRequest[]): Promise<{ results: ReserveResult[]; writes: { holds: [string, string, string, Date, bigint][]; reservations: ReserveRequest[]; ids: string[]; amounts: bigint[] } }> {
  const budgetsByOrg = new Map<string, BudgetRow[]>();
  for (const orgId of new Set(requests.map((r) => r.orgId))) budgetsByOrg.set(orgId, await loadBudgets(client, orgId));
  const matched = requests.map((r) => budgetsByOrg.get(r.orgId)!.filter((b) => budgetMatches(b, r.call)));
  const keys = new Map<string, Key>();
  matched.forEach((list, i) => {
    const { orgId, input, timeZone } = requests[i];
    for (const b of list) {
      const { start, end } = periodBounds(b.period, input.now, timeZone);
      keys.set(keyOf({ orgId, budgetId: b.id }), { orgId, budgetId: b.id, periodStart: start, periodEnd: end });
    }
  });
  const sorted = [...keys.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  const ledgers = sorted.length ? await lockLedgers(client, sorted) : new Map<string, Map<string, Ledger>>();
  const traces = new Map<string, { steps: number; cost: bigint }>();
  const writes = { holds: [] as [string, string, string, Date, bigint][], reservations: [] as ReserveRequest[], ids: [] as string[], amounts: [] as bigint[] };
  const results: ReserveResult[] = [];
  for (const [i, request] of requests.entries()) {
    const perOrg = ledgers.get(request.orgId) ?? new Map<string, Ledger>();
    const budgets = matched[i].map((b) => guarded(b, perOrg, request.input.now, request.timeZone));
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

// One statement: the reservations, their holds, the ledgers' reserved totals
// and the notification (the holds reference reservations inserted by the
// same statement; foreign keys are checked at its end).
const WRITE_SQL = `
WITH reserved AS (
  INSERT INTO reservations (org_id, id, estimate_usd, status, trace_id, api_key_id, expires_at)
  SELECT o, i, e, 'held', t, k, now() + make_interval(secs => s)
    FROM unnest($1::text[], $2::text[], $3::numeric[], $4::text[], $5::text[], $6::int[]) AS x(o, i, e, t, k, s)
),
holds AS (
  INSERT INTO reservation_holds (org_id, reservation_id, budget_id, period_start, amount_usd)
  SELECT * FROM unnest($7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::numeric[])
  RETURNING org_id, budget_id, period_start, amount_usd
),
held AS (
  UPDATE budget_ledgers l SET reserved_usd = l.reserved_usd + h.total, updated_at = now()
    FROM (SELECT org_id, budget_id, period_start, sum(amount_usd) AS total FROM holds GROUP BY 1, 2, 3) h
   WHERE l.org_id = h.org_id AND l.budget_id = h.budget_id AND l.period_start = h.period_start
  RETURNING l.org_id
)
${NOTIFY_BUDGET_CHANGE("held")}`;

async function write(client: pg.PoolClient, writes: Awaited<ReturnType<typeof decide>>["writes"]): Promise<void> {
  if (writes.ids.length === 0) return;
  const r = writes.reservations;
  const h = writes.holds;
  await client.query(WRITE_SQL, [
    r.map((x) => x.orgId), writes.ids, writes.amounts.map(formatUsd), r.map((x) => x.traceId), r.map((x) => x.call.apiKeyId), r.map((x) => x.ttlSeconds),
    h.map((x) => x[0]), h.map((x) => x[1]), h.map((x) => x[2]), h.map((x) => x[3]), h.map((x) => formatUsd(x[4])),
  ]);
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
