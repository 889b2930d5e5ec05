"use client";

import type { BudgetDraft, DraftErrors, ScopeType } from "./budget-draft";
import { type BudgetOptions, defaultScopeValue, SCOPE_LABELS } from "./budget-options";
import { FormField } from "./form-field";

type Props = {
  draft: BudgetDraft;
  errors: DraftErrors;
  options: BudgetOptions;
  onChange: (patch: Partial<BudgetDraft>) => void;
};

const HINTS: Record<ScopeType, string> = {
  org: "Every call of the organisation counts.",
  team: "Calls of this team count.",
  feature: "Calls naming this feature (slug, e.g. answer) count, whatever their team.",
  model: "Calls of this model count, as sent or as priced (a dated snapshot counts for its model).",
  apiKey: "Calls sent with this API key count.",
};

export function ScopeFields({ draft, errors, options, onChange }: Props) {
  const valueField = () => {
    switch (draft.scopeType) {
      case "org":
        return null;
      case "team":
        return (
          <select value={draft.scopeValue} onChange={(e) => onChange({ scopeValue: e.target.value })}>
            {options.teams.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        );
      case "apiKey": {
        const keys = options.apiKeys.filter((k) => !k.revoked || k.id === draft.scopeValue);
        return (
          <select value={draft.scopeValue} onChange={(e) => onChange({ scopeValue: e.target.value })}>
            {keys.length === 0 && <option value="">No active API keys</option>}
            {keys.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
                {k.revoked ? " (revoked)" : ""}
              </option>
            ))}
          </select>
        );
      }
      default:
        return <input type="text" autoComplete="off" value={draft.scopeValue} onChange={(e) => onChange({ scopeValue: e.target.value })} />;
    }
  };
  const value = valueField();
  return (
    <div className="form-row">
      <FormField id="budget-scope-type" label="Scope" hint={HINTS[draft.scopeType]} error={errors.scopeType}>
        <select value={draft.scopeType} onChange={(e) => onChange({ scopeType: e.target.value as ScopeType, scopeValue: defaultScopeValue(e.target.value as ScopeType, options) })}>
          {options.scopeTypes.map((type) => (
            <option key={type} value={type}>
              {SCOPE_LABELS[type]}
            </option>
          ))}
        </select>
      </FormField>
      {value && (
        <FormField id="budget-scope-value" label={SCOPE_LABELS[draft.scopeType]} error={errors.scopeValue}>
          {value}
        </FormField>
      )}
    </div>
  );
}
