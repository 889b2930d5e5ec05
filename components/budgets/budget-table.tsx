"use client";

import { useState } from "react";
import { ActionsHeader } from "@/components/ui/actions-header";
import { LoadingBlock, QueryError } from "@/components/ui/query-error";
import { useArchiveBudget, useBudgets } from "@/lib/queries/budgets";
import type { BudgetWithStateDto } from "@/lib/schemas/budget-reads";
import type { BudgetOptions } from "./budget-options";
import { BudgetRow } from "./budget-row";

type Props = { options: BudgetOptions; onEdit: (budget: BudgetWithStateDto) => void };

function emptyText(options: BudgetOptions): string {
  if (options.canWrite && options.scopeTypes.includes("org")) {
    return "No budgets yet: nothing caps spend. Create one for the organisation, a team, a feature, a model or an API key.";
  }
  if (options.canWrite) return "No budgets yet for your teams: create one to cap a team's spend.";
  return "No budgets yet for your teams: a team lead or finance sets them.";
}

/** The active budgets with their current period; archived ones are not listed. */
export function BudgetTable({ options, onEdit }: Props) {
  const budgets = useBudgets();
  const archive = useArchiveBudget();
  const [expanded, setExpanded] = useState<string | null>(null);

  if (budgets.isPending) return <LoadingBlock what="budgets" />;
  if (!budgets.data) return <QueryError what="the budgets" error={budgets.error} onRetry={() => budgets.refetch()} />;
  const rows = budgets.data.budgets.filter((b) => !b.archived);
  if (rows.length === 0) return <p className="empty">{emptyText(options)}</p>;

  function confirmArchive(budget: BudgetWithStateDto) {
    if (window.confirm(`Archive “${budget.name}”? It stops applying at once; its history stays.`)) archive.mutate(budget.id);
  }

  return (
    <>
      {budgets.isRefetchError && <QueryError what="the latest budgets (older figures shown)" error={budgets.error} onRetry={() => budgets.refetch()} />}
      {archive.error && (
        <p className="error-text" role="alert">
          Could not archive: {archive.error.message}
        </p>
      )}
      <div className="table-scroll">
        <table className="table budgets-table" data-testid="budgets">
          <caption className="sr-only">Budgets, current period</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scope</th>
              <th scope="col">Period</th>
              <th scope="col" className="num">Limit</th>
              <th scope="col" className="num">Spent</th>
              <th scope="col" className="num">Reserved</th>
              <th scope="col" className="num">Remaining</th>
              <th scope="col" className="num" title="Linear run rate: spend so far ÷ time elapsed × period length">
                Period-end forecast
              </th>
              <th scope="col">Status</th>
              <th scope="col">Mode · action</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {rows.map((budget) => (
              <BudgetRow
                key={budget.id}
                budget={budget}
                options={options}
                expanded={expanded === budget.id}
                onToggle={() => setExpanded((id) => (id === budget.id ? null : budget.id))}
                onEdit={() => onEdit(budget)}
                onArchive={() => confirmArchive(budget)}
                archiving={archive.isPending && archive.variables === budget.id}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
