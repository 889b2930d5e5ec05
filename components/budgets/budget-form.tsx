"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { type BudgetWriteError, useCreateBudget, useUpdateBudget } from "@/lib/queries/budgets";
import type { BudgetDto } from "@/lib/schemas/budgets";
import { type BudgetDraft, type DraftErrors, draftFromBudget, draftToBody, emptyDraft, errorsFromDetails, toCreateBody } from "./budget-draft";
import { type BudgetOptions, defaultScopeValue, PERIOD_LABELS } from "./budget-options";
import { EnforcementFields } from "./enforcement-fields";
import { FormField } from "./form-field";
import { ScopeFields } from "./scope-fields";

type Props = {
  /** The budget to edit; a new one when absent. */
  budget?: BudgetDto;
  options: BudgetOptions;
  onDone: (budget: BudgetDto) => void;
  onCancel: () => void;
};

export function BudgetForm({ budget, options, onDone, onCancel }: Props) {
  const create = useCreateBudget();
  const update = useUpdateBudget(budget?.id ?? "");
  const pending = create.isPending || update.isPending;
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<BudgetDraft>(() => {
    if (budget) return draftFromBudget(budget);
    const type = options.scopeTypes[0];
    return emptyDraft(type, defaultScopeValue(type, options));
  });
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const change = (patch: Partial<BudgetDraft>) => setDraft((d) => ({ ...d, ...patch }));

  // after errors are shown, focus moves to the first invalid field (its error is read with it)
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  function show(fields: DraftErrors, message: string | null) {
    setErrors(fields);
    setFormError(message);
  }

  function refused(error: BudgetWriteError) {
    const { fields, other } = errorsFromDetails(error.details);
    show(fields, Object.keys(fields).length === 0 || other.length > 0 ? [error.message, ...other].join(" ") : null);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { body, errors: local } = draftToBody(draft);
    if (Object.keys(local).length > 0) return show(local, null);
    show({}, null);
    const done = { onSuccess: (result: { budget: BudgetDto }) => onDone(result.budget), onError: refused };
    if (budget) update.mutate(body, done);
    else create.mutate(toCreateBody(body), done);
  }

  const title = budget ? `Edit budget “${budget.name}”` : "New budget";
  return (
    <form ref={formRef} onSubmit={submit} aria-label={title} noValidate>
      <h2>{title}</h2>
      <div className="form-row">
        <FormField id="budget-name" label="Name" error={errors.name}>
          <input type="text" autoComplete="off" maxLength={120} value={draft.name} onChange={(e) => change({ name: e.target.value })} autoFocus />
        </FormField>
        <FormField id="budget-period" label="Period" hint={`Periods start at midnight in ${options.timeZone}.`} error={errors.period}>
          <select value={draft.period} onChange={(e) => change({ period: e.target.value as BudgetDraft["period"] })}>
            {Object.entries(PERIOD_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="budget-limit" label="Limit (USD)" hint="Per period, e.g. 5000 or 12.50." error={errors.limitUsd}>
          <input type="text" inputMode="decimal" autoComplete="off" value={draft.limitUsd} onChange={(e) => change({ limitUsd: e.target.value })} />
        </FormField>
      </div>
      <ScopeFields draft={draft} errors={errors} options={options} onChange={change} />
      <EnforcementFields draft={draft} errors={errors} onChange={change} />
      {formError && (
        <p className="error-text" role="alert">
          {formError}
        </p>
      )}
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : budget ? "Save changes" : "Create budget"}
        </button>
        <button className="btn" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
