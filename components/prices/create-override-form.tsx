"use client";

import { type FormEvent, useState } from "react";
import { useCreatePriceOverride } from "@/lib/queries/prices";
import { CreatePriceOverrideBody, type CreatePriceOverrideInput, type CreatePriceOverrideResponse } from "@/lib/schemas/prices";

export type OverrideField = keyof CreatePriceOverrideInput;
export type OverrideDraft = Partial<Record<OverrideField, string>>;

type Field = { name: OverrideField; label: string; hint: string; required?: boolean; placeholder?: string };

const NAME_FIELDS: Field[] = [
  { name: "provider", label: "Provider", hint: "As your events name it: openai, anthropic, self-hosted…", required: true },
  { name: "model", label: "Model", hint: "As your events name it; dated snapshots of it use this price too.", required: true },
  {
    name: "effectiveFrom",
    label: "Effective from (UTC)",
    hint: "ISO-8601 date-time. Events from this instant on use this price.",
    required: true,
    placeholder: "2026-12-01T00:00:00Z",
  },
];

const PRICE_FIELDS: Field[] = [
  { name: "inputPerMTok", label: "Input price", hint: "Uncached input tokens.", required: true },
  { name: "outputPerMTok", label: "Output price", hint: "Output tokens, reasoning included unless priced below.", required: true },
  { name: "cachedInputPerMTok", label: "Cached input price", hint: "Optional. Empty: cache reads are charged at the input price." },
  { name: "cacheWritePerMTok", label: "Cache write price", hint: "Optional. Empty: cache writes are charged at the input price." },
  { name: "reasoningPerMTok", label: "Reasoning price", hint: "Optional. Empty: reasoning is charged at the output price." },
];

const FIELDS = [...NAME_FIELDS, ...PRICE_FIELDS];

const GRID = { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(14rem, 1fr))", columnGap: "1rem" } as const;

type Props = {
  initial: OverrideDraft;
  /** Focus the first empty field on mount (the form was just pre-filled). */
  focusFirstEmpty: boolean;
  onCreated: (result: CreatePriceOverrideResponse) => void;
};

export function CreateOverrideForm({ initial, focusFirstEmpty, onCreated }: Props) {
  const create = useCreatePriceOverride();
  const [errors, setErrors] = useState<Partial<Record<OverrideField, string>>>({});
  const autoFocus = focusFirstEmpty ? FIELDS.find((f) => !initial[f.name])?.name : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = Object.fromEntries(FIELDS.map((f) => [f.name, String(data.get(f.name) ?? "")])) as Record<OverrideField, string>;
    const parsed = CreatePriceOverrideBody.safeParse(input);
    if (!parsed.success) {
      const found: Partial<Record<OverrideField, string>> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0] ?? "") as OverrideField] ??= issue.message;
      setErrors(found);
      const first = FIELDS.find((f) => found[f.name]);
      if (first) form.querySelector<HTMLInputElement>(`[name="${first.name}"]`)?.focus();
      return;
    }
    setErrors({});
    create.mutate(input, { onSuccess: onCreated });
  }

  function renderField(field: Field) {
    const id = `override-${field.name}`;
    const error = errors[field.name];
    return (
      <div className="field" key={field.name}>
        <label htmlFor={id}>{field.label}</label>
        <input
          id={id}
          name={field.name}
          type="text"
          inputMode={PRICE_FIELDS.includes(field) ? "decimal" : undefined}
          autoComplete="off"
          required={field.required}
          placeholder={field.placeholder}
          defaultValue={initial[field.name] ?? ""}
          autoFocus={field.name === autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        />
        <span className="field-hint" id={`${id}-hint`}>
          {field.hint}
        </span>
        {error && (
          <span className="error-text" id={`${id}-error`}>
            {field.label} {error}
          </span>
        )}
      </div>
    );
  }

  return (
    <form onSubmit={submit} aria-label="Add a price override" noValidate>
      <div style={GRID}>{NAME_FIELDS.map(renderField)}</div>
      <fieldset>
        <legend>Prices in US dollars per million tokens (at most 9 decimal places)</legend>
        <div style={GRID}>{PRICE_FIELDS.map(renderField)}</div>
      </fieldset>
      {create.error && (
        <p className="error-text" role="alert">
          {create.error.message}
        </p>
      )}
      <button className="btn btn-primary" type="submit" disabled={create.isPending}>
        {create.isPending ? "Saving and re-pricing…" : "Add override"}
      </button>
    </form>
  );
}
