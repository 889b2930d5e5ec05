import { planGrains } from "@/lib/analytics/plan-grains";
import { pool, prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { formatUsd, parseUsd } from "@/lib/money";
import { periodBounds } from "@/lib/policy/period";
import type { BudgetBurnDto } from "@/lib/schemas/budget-reads";
import { type BurnRow, burnSql, scopeNeedsRawEvents } from "./burn-sql";
import { forecastPeriodEnd } from "./forecast-period-end";

/** Local midnights of the period [start, end), the way the ledger's date_trunc cuts days. */
function dayStarts(start: Date, end: Date, timeZone: string): Date[] {
  const days: Date[] = [];
  for (let day = start; day < end; day = periodBounds("day", day, timeZone).end) days.push(day);
  return days;
}

/**
 * One budget's current period, day by day in the organisation's time zone:
 * the spend in its scope (exact decimal strings, zero-filled), read from the
 * coarsest grain that fits, and the forecast at period end (linear run rate,
 * forecast-period-end.ts). Callers limited to some teams (`teamIds`) reach
 * only budgets of those teams, as in the list; any other id is 404.
 */
export async function getBudgetBurn(input: { orgId: string; teamIds: string[] | null; budgetId: string; now?: Date }): Promise<BudgetBurnDto> {
  const now = input.now ?? new Date();
  const budget = await prisma().budget.findUnique({
    where: { orgId_id: { orgId: input.orgId, id: input.budgetId } },
    select: { id: true, scopeType: true, scopeValue: true, period: true, limitUsd: true, org: { select: { timeZone: true } } },
  });
  const visible = budget && (input.teamIds === null || (budget.scopeType === "team" && input.teamIds.includes(budget.scopeValue ?? "")));
  if (!budget || !visible) throw new AppError("not_found", "No budget with this id.");

  const { timeZone } = budget.org;
  const { start, end } = periodBounds(budget.period, now, timeZone);
  const days = dayStarts(start, end, timeZone);
  const scope = { type: budget.scopeType, value: budget.scopeValue };
  const plan = planGrains({ from: start, to: end, bucketStarts: days, rawOnly: scopeNeedsRawEvents(scope) });
  const sql = burnSql({ orgId: input.orgId, plan, timeZone, scope });
  const rows = sql ? (await pool().query<BurnRow>(sql.text, sql.values)).rows : [];

  const spent = days.map(() => 0n);
  for (const row of rows) {
    const index = days.findLastIndex((d) => d.getTime() <= row.day.getTime());
    spent[Math.max(index, 0)] += parseUsd(row.cost);
  }
  const total = spent.reduce((a, b) => a + b, 0n);
  const forecast = forecastPeriodEnd({ spentNanos: total, periodStart: start, periodEnd: end, now });
  const localDate = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return {
    budgetId: budget.id,
    timeZone,
    periodStart: start.toISOString(),
    periodEnd: end.toISOString(),
    asOf: now.toISOString(),
    limitUsd: budget.limitUsd.toFixed(9),
    spentUsd: formatUsd(total),
    forecastUsd: forecast === null ? null : formatUsd(forecast),
    forecastMethod: "linear_run_rate",
    days: days.map((d, i) => ({ date: localDate.format(d), start: d.toISOString(), spentUsd: formatUsd(spent[i]) })),
  };
}
