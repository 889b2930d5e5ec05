// The optimistic path of a reserving batch (DESIGN.md 8): the budgets and
// ledgers are read without a lock, the requests decided on them in this
// process, and the outcome applied by one statement (APPLY_OPTIMISTIC_SQL)
// that undoes itself when, under the row locks it takes, a hard cap would be
// passed or a ledger is missing. The ledgers are then locked only while that
// statement runs and commits, not across a round trip to this process, so
// concurrent batches of an organisation no longer queue behind each other's
// decisions. A denial decided on a read is as current as a read-only check
// (DESIGN.md 8). Whatever this path cannot settle on its own (a ledger not
// created yet, an expired hold still counted, agent guards on a trace, a
// conflict) goes through the locked path (reserve.ts).
import type pg from "pg";
import { isStorageUnavailable } from "@/lib/db-errors";
import { pipelinedPool } from "@/lib/db";
import { sentTogether } from "@/lib/ingest/with-transaction";
import { formatUsd } from "@/lib/money";
import { type BudgetRow, type Ledger, loadLedgers } from "./budget-rows";
import { decide, loadBatchBudgets, plan, type Plan, type Reserved, reservationValues, type ReserveRequest } from "./reserve-decide";
import { APPLY_OPTIMISTIC_SQL } from "./reserve-sql";

const SERIALIZATION_FAILURE = "40001";

type Read = { budgetsByOrg: Map<string, BudgetRow[]>; ledgersByOrg: Map<string, Map<string, Ledger>>; expiredHolds: boolean };

/** Budgets and current ledgers of every organisation in the batch, in one write and one round trip. */
async function read(client: pg.PoolClient, requests: ReserveRequest[], now: number): Promise<Read> {
  const orgIds = [...new Set(requests.map((r) => r.orgId))];
  const [budgetsByOrg, ledgers] = await Promise.all(
    sentTogether(client, () => [loadBatchBudgets(client, requests), Promise.all(orgIds.map((orgId) => loadLedgers(client, orgId)))] as const),
  );
  return {
    budgetsByOrg,
    ledgersByOrg: new Map(orgIds.map((orgId, i) => [orgId, ledgers[i].ledgers])),
    expiredHolds: ledgers.some((l) => l.holdsExpireAt !== null && l.holdsExpireAt <= now),
  };
}

/** Every ledger the batch would consult (and so may hold on) exists, for the request's period, and no request needs its trace read under a lock. */
function decidable(plans: Plan[], ledgersByOrg: Map<string, Map<string, Ledger>>): boolean {
  return plans.every(({ request, consulted }) =>
    consulted.every(({ budget, period }) => ledgersByOrg.get(request.orgId)?.get(budget.id)?.periodStart === period.start.getTime() && !(budget.agentGuard && request.traceId)),
  );
}

/**
 * The batch decided and applied optimistically, or what the locked path
 * needs: the budgets just read when the batch could not be decided here
 * (they are as current as a read inside its transaction), none after a
 * conflict (the budgets may be what changed: read them again).
 */
export type Optimistic = { reserved: Reserved } | { reserved: null; budgetsByOrg: Map<string, BudgetRow[]> | null };

export async function reserveOptimistically(requests: ReserveRequest[]): Promise<Optimistic> {
  const client = await pipelinedPool().connect();
  let failure: Error | undefined;
  try {
    const { budgetsByOrg, ledgersByOrg, expiredHolds } = await read(client, requests, Date.now());
    const plans = plan(budgetsByOrg, requests);
    if (expiredHolds || !decidable(plans, ledgersByOrg)) return { reserved: null, budgetsByOrg };
    const { results, settlement } = await decide(client, plans, ledgersByOrg);
    const holds = plans.flatMap((p, i) => (results[i].reservationId ? [{ plan: p, amount: results[i].outcome.hold, on: results[i].outcome.budgets }] : []));
    const added = [...settlement.added.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, x]) => x);
    try {
      await client.query({ name: "policy-apply-optimistic", text: APPLY_OPTIMISTIC_SQL, values: [
        ...reservationValues(holds),
        added.map((x) => x.orgId), added.map((x) => x.budgetId), added.map((x) => x.periodStart.toISOString()), added.map((x) => formatUsd(x.amount)), added.length,
      ] });
    } catch (err) {
      if ((err as { code?: string }).code === SERIALIZATION_FAILURE) return { reserved: null, budgetsByOrg: null };
      throw err;
    }
    return { reserved: { results, held: new Set(added.map((a) => a.orgId)) } };
  } catch (err) {
    // a connection PostgreSQL dropped is not given back to the pool
    if (isStorageUnavailable(err)) failure = err as Error;
    throw err;
  } finally {
    client.release(failure);
  }
}
