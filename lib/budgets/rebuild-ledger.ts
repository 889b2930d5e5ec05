import { REBUILD_LEDGER_SQL } from "@/lib/policy/ledger-upsert-sql";
import { type BudgetPeriodOf, currentPeriodOf, type Tx } from "./budget-writes";

/**
 * Sets the current period's ledger of a budget to what its scope already
 * spent in that period (a new budget, or one whose scope or period changed).
 * Ingest matches events to budgets as of its own snapshot, so an ingest
 * statement running beside this transaction would add its events by the old
 * definition (or miss a new budget) after the sum was taken. The table lock
 * (which reads do not wait for) closes that window: it waits for every
 * transaction that is writing ledgers to commit, so the sum, taken after it,
 * holds their events, and writers that come later wait for this commit and
 * then see the budget as changed (a statement locks its tables before it
 * takes its snapshot). Budget writes are rare and short.
 */
export async function rebuildCurrentLedger(tx: Tx, orgId: string, budget: BudgetPeriodOf, now = new Date()): Promise<void> {
  const { start, end } = await currentPeriodOf(tx, orgId, budget, now);
  await tx.$executeRawUnsafe("LOCK TABLE budget_ledgers IN SHARE ROW EXCLUSIVE MODE");
  await tx.$executeRawUnsafe(REBUILD_LEDGER_SQL, orgId, budget.id, start, end);
}
