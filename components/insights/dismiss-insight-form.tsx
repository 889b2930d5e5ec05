"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useDismissInsight } from "@/lib/queries/insights";

const MIN_REASON = 3;

/** Asks why, then hides the insight (the server keeps who and why; it can be restored). */
export function DismissInsightForm({
  insightId,
  title,
  range,
  onDismissed,
  onCancel,
}: {
  insightId: string;
  title: string;
  range: { from: string; to: string };
  onDismissed: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const dismiss = useDismissInsight(onDismissed);

  useEffect(() => inputRef.current?.focus(), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = reason.trim();
    if (text.length < MIN_REASON) {
      setInvalid(`Say why, in at least ${MIN_REASON} characters.`);
      inputRef.current?.focus();
      return;
    }
    setInvalid(null);
    dismiss.mutate({ insightId, reason: text, ...range });
  };

  const error = invalid ?? (dismiss.error ? `Could not dismiss: ${dismiss.error.message}` : null);
  return (
    <form className="insight-dismiss" aria-label={`Dismiss ${title}`} onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Why dismiss this insight?</label>
        <input
          ref={inputRef}
          id={`${id}-reason`}
          type="text"
          value={reason}
          maxLength={500}
          required
          minLength={MIN_REASON}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") onCancel();
          }}
        />
        <span id={`${id}-hint`} className="field-hint">
          Required, at least {MIN_REASON} characters; shown with the dismissal. It can be restored later.
        </span>
        {error && (
          <p id={`${id}-error`} className="error-text" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button className="btn btn-danger" type="submit" disabled={dismiss.isPending}>
          {dismiss.isPending ? "Dismissing…" : "Dismiss insight"}
        </button>
        <button className="btn" type="button" onClick={onCancel} disabled={dismiss.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
