"use client";

import { type FormEvent, useId, useState } from "react";
import { OutcomeKindWriteError, useCreateOutcomeKind, useUpdateOutcomeKind } from "@/lib/queries/roi";
import { CreateOutcomeKindBody, type OutcomeKindDto } from "@/lib/schemas/roi";

type Field = "kind" | "name" | "defaultValueUsd" | "description";
export type KindDraft = Partial<Record<Field, string>>;

const LABELS: Record<Field, string> = { kind: "Kind", name: "Name", defaultValueUsd: "Default value per outcome (USD)", description: "Description" };
const HINTS: Record<Field, string> = {
  kind: "The kind services send, e.g. ticket_resolved: letters, digits, '.', '_' or '-'.",
  name: "What finance calls it.",
  defaultValueUsd: "Optional. Outcomes of this kind sent without valueUsd are stored with this value × their count. Applies to outcomes received from now on.",
  description: "Optional: how the outcome is counted.",
};

function trimDecimal(value: string | null): string {
  return value === null ? "" : value.replace(/\.?0+$/, "");
}

export function draftOf(kind: OutcomeKindDto): KindDraft {
  return { kind: kind.kind, name: kind.name, defaultValueUsd: trimDecimal(kind.defaultValueUsd), description: kind.description ?? "" };
}

type Props = {
  /** The kind being edited; absent for a new kind. */
  editing?: string;
  initial: KindDraft;
  onDone: (kind: OutcomeKindDto) => void;
  onCancel?: () => void;
  /** Focus the name on mount (the form was just opened from a row). */
  focusName?: boolean;
};

/** Names a kind or edits one (the kind itself is fixed once named). Errors name the field. */
export function OutcomeKindForm({ editing, initial, onDone, onCancel, focusName = false }: Props) {
  const create = useCreateOutcomeKind();
  const update = useUpdateOutcomeKind();
  const pending = create.isPending || update.isPending;
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const base = useId();
  const fields: Field[] = ["kind", "name", "defaultValueUsd", "description"];

  function fail(err: Error) {
    if (err instanceof OutcomeKindWriteError && err.details.length > 0) {
      setErrors(Object.fromEntries(err.details.map((d) => [d.path ?? "", d.message])));
    }
    setFailure(err.message);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (f: Field) => String(data.get(f) ?? "").trim();
    const input = { kind: editing ?? value("kind"), name: value("name"), defaultValueUsd: value("defaultValueUsd"), description: value("description") };
    const parsed = CreateOutcomeKindBody.safeParse(input);
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0] ?? "") as Field] ??= issue.message;
      setErrors(found);
      setFailure(null);
      return;
    }
    setErrors({});
    setFailure(null);
    const done = ({ kind }: { kind: OutcomeKindDto }) => onDone(kind);
    if (editing) {
      update.mutate({ kind: editing, body: { name: input.name, defaultValueUsd: input.defaultValueUsd, description: input.description || null } }, { onSuccess: done, onError: fail });
    } else {
      create.mutate({ kind: input.kind, name: input.name, defaultValueUsd: input.defaultValueUsd || undefined, description: input.description || undefined }, { onSuccess: done, onError: fail });
    }
  }

  return (
    <form onSubmit={submit} aria-label={editing ? `Edit outcome kind ${editing}` : "Name an outcome kind"} noValidate>
      <div className="form-row">
        {fields.map((field) => {
          const id = `${base}-${field}`;
          const error = errors[field];
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>{LABELS[field]}</label>
              <input
                id={id}
                name={field}
                type="text"
                autoComplete="off"
                inputMode={field === "defaultValueUsd" ? "decimal" : undefined}
                required={field === "kind" || field === "name"}
                readOnly={field === "kind" && editing !== undefined}
                defaultValue={initial[field] ?? ""}
                autoFocus={focusName && field === "name"}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
              />
              <span className="field-hint" id={`${id}-hint`}>
                {HINTS[field]}
              </span>
              {error && (
                <span className="error-text" id={`${id}-error`}>
                  {LABELS[field]} {error}
                </span>
              )}
            </div>
          );
        })}
      </div>
      {failure && (
        <p className="error-text" role="alert">
          {failure}
        </p>
      )}
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : editing ? "Save kind" : "Add kind"}
        </button>
        {onCancel && (
          <button className="btn" type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
