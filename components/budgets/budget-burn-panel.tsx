"use client";

import { BurnDownChart } from "@/components/charts/burn-down-chart";
import { QueryError } from "@/components/ui/query-error";
import { prepareBurnDown } from "@/lib/charts/prepare-burn-down";
import { formatDateTime, formatMoney } from "@/lib/format";
import { useBudgetBurn } from "@/lib/queries/budgets";
import type { BudgetWithStateDto } from "@/lib/schemas/budget-reads";

const FORECAST_METHOD_TEXT = "Forecast: spend so far ÷ time elapsed in the period × the period's length (linear run rate).";

/** The burn-down of one budget's current period, with how its forecast is made. */
export function BudgetBurnPanel({ budget, timeZone }: { budget: BudgetWithStateDto; timeZone: string }) {
  const burn = useBudgetBurn(budget.id);
  if (burn.isPending) return <div className="skeleton" style={{ height: "16rem" }} role="status" aria-label={`Loading the burn-down of ${budget.name}`} />;
  if (!burn.data) return <QueryError what={`the burn-down of ${budget.name}`} error={burn.error} onRetry={() => burn.refetch()} />;

  const data = burn.data.burn;
  const chart = prepareBurnDown(data);
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium" });
  const period = `${day.format(new Date(data.periodStart))} – ${day.format(new Date(data.days.at(-1)?.start ?? data.periodStart))}`;
  const ledgerDiffers = data.spentUsd !== budget.current.spentUsd;
  return (
    <div className="burn-panel">
      <BurnDownChart
        chart={chart}
        title={`Burn-down of ${budget.name}`}
        description={`Cumulative spend per day (${timeZone}), ${period}. Spent ${formatMoney(data.spentUsd)} of ${formatMoney(data.limitUsd)}; forecast at period end ${data.forecastUsd === null ? "not available yet" : formatMoney(data.forecastUsd)}.`}
      />
      <p className="field-hint">
        {FORECAST_METHOD_TEXT} {data.forecastUsd === null && "It is shown once an hour of the period has passed."}
      </p>
      {ledgerDiffers && (
        <p className="field-hint" role="note">
          The policy check counts {formatMoney(budget.current.spentUsd)} this period: spend recorded while the budget existed (created{" "}
          {formatDateTime(budget.createdAt, timeZone)}). The chart shows all spend in its scope this period: {formatMoney(data.spentUsd)}.
        </p>
      )}
    </div>
  );
}
