import { REBUILD_LEDGER_SQL } from "@/lib/policy/ledger-upsert-sql";
import { type BudgetPeriodOf, currentPeriodOf, type Tx } from "./budget-writes";

/**
 * Sets the current period's ledger of a budget to what its scope already
 * spent in that period (a new budget, or one whose scope or period changed).
 * Events stored while this transaction is open are added by ingest once it
 * commits; the sum is taken last to keep that window short.
 */
export async function rebuildCurrentLedger(tx: Tx, orgId: string, budget: BudgetPeriodOf, now = new Date()): Promise<void> {
  const { start, end } = await currentPeriodOf(tx, orgId, budget, now);
  await tx.$executeRawUnsafe(REBUILD_LEDGER_SQL, orgId, budget.id, start, end);
}
