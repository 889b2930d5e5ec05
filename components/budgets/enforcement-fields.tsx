"use client";

import type { BudgetDraft, DraftErrors } from "./budget-draft";
import { FormField } from "./form-field";

type Props = { draft: BudgetDraft; errors: DraftErrors; onChange: (patch: Partial<BudgetDraft>) => void };

/** How the policy check enforces the budget: mode, action, fail mode, alerts and the agent guard. */
export function EnforcementFields({ draft, errors, onChange }: Props) {
  return (
    <>
      <div className="form-row">
        <FormField id="budget-mode" label="Mode" hint="Hard: over the limit, the action applies. Soft: over the limit, calls are warned (or downgraded)." error={errors.mode}>
          <select value={draft.mode} onChange={(e) => onChange({ mode: e.target.value as BudgetDraft["mode"] })}>
            <option value="hard">Hard</option>
            <option value="soft">Soft</option>
          </select>
        </FormField>
        <FormField id="budget-action" label="Action" hint="What the policy check answers when a call would pass the limit." error={errors.action}>
          <select value={draft.action} onChange={(e) => onChange({ action: e.target.value as BudgetDraft["action"] })}>
            <option value="deny">Deny</option>
            <option value="downgrade">Downgrade to a cheaper model</option>
            <option value="warn">Warn</option>
          </select>
        </FormField>
        {draft.action === "downgrade" && (
          <FormField id="budget-downgrade-to" label="Downgrade to" hint="The cheaper model callers are told to use, e.g. gpt-4o-mini." error={errors.downgradeTo}>
            <input type="text" autoComplete="off" value={draft.downgradeTo} onChange={(e) => onChange({ downgradeTo: e.target.value })} />
          </FormField>
        )}
      </div>
      <div className="form-row">
        <FormField id="budget-thresholds" label="Alert thresholds (%)" hint="Percentages of the limit, comma-separated; each warns once per period." error={errors.alertThresholds}>
          <input type="text" inputMode="decimal" autoComplete="off" value={draft.alertThresholds} onChange={(e) => onChange({ alertThresholds: e.target.value })} />
        </FormField>
        <FormField id="budget-fail-mode" label="Fail mode" hint="When the budget state cannot be read, or a model has no price." error={errors.failMode}>
          <select value={draft.failMode} onChange={(e) => onChange({ failMode: e.target.value as BudgetDraft["failMode"] })}>
            <option value="open">Open: allow (with a warning)</option>
            <option value="closed">Closed: deny</option>
          </select>
        </FormField>
      </div>
      <fieldset className="form-row">
        <legend>Agent guard (optional): per run, by trace id</legend>
        <FormField id="budget-max-steps" label="Max steps" hint="Calls per trace before the next is denied." error={errors.maxSteps}>
          <input type="text" inputMode="numeric" autoComplete="off" value={draft.maxSteps} onChange={(e) => onChange({ maxSteps: e.target.value })} />
        </FormField>
        <FormField id="budget-max-cost" label="Max cost per run (USD)" hint="Spend per trace before the next call is denied." error={errors.maxCostUsd}>
          <input type="text" inputMode="decimal" autoComplete="off" value={draft.maxCostUsd} onChange={(e) => onChange({ maxCostUsd: e.target.value })} />
        </FormField>
      </fieldset>
    </>
  );
}
