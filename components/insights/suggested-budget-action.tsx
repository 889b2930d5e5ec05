"use client";

import { useEffect, useId, useRef, useState } from "react";
import { formatCount, formatMoney } from "@/lib/format";
import { useCreateSuggestedBudget } from "@/lib/queries/insights";
import type { CreateBudgetInput } from "@/lib/schemas/budgets";

const PERIODS: Record<string, string> = { day: "Daily", week: "Weekly", month: "Monthly", quarter: "Quarterly" };

function enforcement(budget: CreateBudgetInput): string {
  const action = budget.action === "downgrade" && budget.downgradeTo ? `downgrade → ${budget.downgradeTo}` : (budget.action ?? "deny");
  return `${budget.mode ?? "hard"} · ${action}`;
}

/** The suggested budget's terms, then "Create budget": nothing is written before the confirm step. */
export function SuggestedBudgetAction({ label, budget, onCreated }: { label: string; budget: CreateBudgetInput; onCreated: (name: string) => void }) {
  const [open, setOpen] = useState(false);
  const create = useCreateSuggestedBudget((res) => onCreated(res.budget.name));
  const headingId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) confirmRef.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    create.reset();
    requestAnimationFrame(() => openerRef.current?.focus());
  };

  if (!open) {
    return (
      <button ref={openerRef} className="btn btn-primary" type="button" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  const guard = budget.agentGuard;
  const terms: [string, string][] = [
    ["Name", budget.name],
    ["Scope", budget.scope.type === "org" ? "organisation" : `${budget.scope.type}: ${budget.scope.value ?? ""}`],
    ["Limit", formatMoney(String(budget.limitUsd))],
    ["Period", PERIODS[budget.period] ?? budget.period],
    ["Enforcement", enforcement(budget)],
  ];
  if (guard) {
    const parts = [guard.maxSteps !== undefined ? `${formatCount(guard.maxSteps)} steps` : null, guard.maxCostUsd !== undefined ? formatMoney(String(guard.maxCostUsd)) : null];
    terms.push(["Agent guard", `at most ${parts.filter(Boolean).join(" or ")} per trace`]);
  }
  return (
    <section className="insight-confirm" aria-labelledby={headingId}>
      <h4 id={headingId}>Create this budget?</h4>
      <dl className="insight-facts">
        {terms.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {create.error && (
        <p className="error-text" role="alert">
          Could not create the budget: {create.error.message}
        </p>
      )}
      <div className="form-actions">
        <button
          ref={confirmRef}
          className="btn btn-primary"
          type="button"
          disabled={create.isPending}
          onClick={() => create.mutate(budget)}
        >
          {create.isPending ? "Creating…" : "Create budget"}
        </button>
        <button className="btn" type="button" onClick={close} disabled={create.isPending}>
          Cancel
        </button>
      </div>
    </section>
  );
}
