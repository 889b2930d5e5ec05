import { budgetAlertCtes } from "@/lib/alerts/detect-budget-alerts";
import { readsCte } from "@/lib/sql-reads-cte";
import { type BudgetPeriodOf, currentPeriodOf, type Tx } from "./budget-writes";

/**
 * The budget's current ledger, for the alert CTEs (detect-budget-alerts.ts).
 * $1 organisation, $2 budget, $3 period start.
 */
const RAISE_REACHED_ALERTS_SQL = `
WITH ledgers AS (
  SELECT org_id, budget_id, period_start, spent_usd FROM budget_ledgers WHERE org_id = $1 AND budget_id = $2 AND period_start = $3
),
${budgetAlertCtes("ledgers")}
SELECT 1 AS raised FROM (VALUES (1)) AS one ${readsCte("alerts_notified")}`;

/**
 * Raises the alerts a budget has already reached this period, in the
 * transaction that creates or changes it: spend is otherwise only looked at
 * when more arrives, so a budget created past a threshold, or whose limit is
 * lowered below its spend, would stay silent until the next event. Each
 * alert still fires once per budget, threshold and period.
 */
export async function raiseReachedAlerts(tx: Tx, orgId: string, budget: BudgetPeriodOf, now = new Date()): Promise<void> {
  const { start } = await currentPeriodOf(tx, orgId, budget, now);
  await tx.$queryRawUnsafe(RAISE_REACHED_ALERTS_SQL, orgId, budget.id, start);
}
