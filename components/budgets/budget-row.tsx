"use client";

import Link from "next/link";
import { Fragment } from "react";
import { entityHref, isEntityDimension } from "@/components/entity/entity-href";
import { formatMoney } from "@/lib/format";
import { parseUsd } from "@/lib/money";
import { useBudgetBurn } from "@/lib/queries/budgets";
import type { BudgetWithStateDto } from "@/lib/schemas/budget-reads";
import { BudgetBurnPanel } from "./budget-burn-panel";
import { type BudgetOptions, PERIOD_LABELS, scopeText } from "./budget-options";
import { BudgetStatusBadge } from "./budget-status";

const BUDGET_COLUMNS = 11;

type Props = {
  budget: BudgetWithStateDto;
  options: BudgetOptions;
  expanded: boolean;
  onToggle: () => void;
  onEdit: () => void;
  onArchive: () => void;
  archiving: boolean;
};

/** The forecast comes with the burn-down (the same query the expanded row draws). */
function ForecastCell({ budgetId, limitUsd }: { budgetId: string; limitUsd: string }) {
  const burn = useBudgetBurn(budgetId);
  if (burn.isPending) return <span className="skeleton skeleton-inline" role="status" aria-label="Loading the forecast" />;
  if (!burn.data) return <span className="muted" title={burn.error.message}>unavailable</span>;
  const forecast = burn.data.burn.forecastUsd;
  if (forecast === null) return <span className="muted" title="Shown once an hour of the period has passed">too early</span>;
  if (parseUsd(forecast) <= parseUsd(limitUsd)) return <>{formatMoney(forecast)}</>;
  return (
    <span className="over-limit">
      {formatMoney(forecast)}
      <span className="sr-only"> (over the limit)</span>
    </span>
  );
}

export function BudgetRow({ budget, options, expanded, onToggle, onEdit, onArchive, archiving }: Props) {
  const panelId = `burn-${budget.id}`;
  const { current } = budget;
  return (
    <Fragment>
      <tr>
        <th scope="row">{budget.name}</th>
        <td>
          {budget.scope.value && isEntityDimension(budget.scope.type) ? (
            <Link href={entityHref(budget.scope.type, budget.scope.value)}>{scopeText(budget.scope, options.apiKeys)}</Link>
          ) : (
            scopeText(budget.scope, options.apiKeys)
          )}
        </td>
        <td>{PERIOD_LABELS[budget.period]}</td>
        <td className="num">{formatMoney(budget.limitUsd)}</td>
        <td className="num">{formatMoney(current.spentUsd)}</td>
        <td className="num">{formatMoney(current.reservedUsd)}</td>
        <td className="num">{formatMoney(current.remainingUsd)}</td>
        <td className="num">
          <ForecastCell budgetId={budget.id} limitUsd={budget.limitUsd} />
        </td>
        <td>
          <BudgetStatusBadge status={current.status} />
        </td>
        <td>
          {budget.mode} · {budget.action}
          {budget.downgradeTo ? ` → ${budget.downgradeTo}` : ""}
        </td>
        <td className="row-actions">
          <button className="btn" type="button" aria-expanded={expanded} aria-controls={expanded ? panelId : undefined} onClick={onToggle}>
            Burn-down<span className="sr-only"> of {budget.name}</span>
          </button>
          {options.canWrite && (
            <>
              <button className="btn" type="button" onClick={onEdit}>
                Edit<span className="sr-only"> {budget.name}</span>
              </button>
              <button className="btn btn-danger" type="button" disabled={archiving} onClick={onArchive}>
                Archive<span className="sr-only"> {budget.name}</span>
              </button>
            </>
          )}
        </td>
      </tr>
      {expanded && (
        <tr className="burn-row">
          <td id={panelId} colSpan={BUDGET_COLUMNS}>
            <BudgetBurnPanel budget={budget} timeZone={options.timeZone} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
