"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { useUpdateTimeZone } from "@/lib/queries/organization";

type Props = { current: string; zones: string[] };

/** Admins choose the organisation's time zone; budget periods, days on charts and month to date follow it. */
export function TimeZoneForm({ current, zones }: Props) {
  const router = useRouter();
  const update = useUpdateTimeZone();
  const [value, setValue] = useState(current);
  const [saved, setSaved] = useState<string | null>(null);
  const id = useId();
  const options = zones.includes(current) ? zones : [current, ...zones];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    update.mutate(value, {
      onSuccess: ({ organization }) => {
        setSaved(organization.timeZone);
        router.refresh();
      },
    });
  }

  return (
    <form onSubmit={submit} aria-label="Organisation time zone">
      <div className="field">
        <label htmlFor={id}>Time zone</label>
        <select id={id} name="timeZone" value={value} onChange={(e) => setValue(e.target.value)} aria-describedby={`${id}-hint`}>
          {options.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <span className="field-hint" id={`${id}-hint`}>
          Budget periods, days and months on charts, and month to date follow this zone. Changing it rebuilds each budget&apos;s current period.
        </span>
      </div>
      {update.error && (
        <p className="error-text" role="alert">
          {update.error.message}
        </p>
      )}
      {saved && (
        <p role="status">
          Saved: the organisation now uses {saved}.
        </p>
      )}
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={update.isPending || value === current}>
          {update.isPending ? "Saving…" : "Save time zone"}
        </button>
      </div>
    </form>
  );
}
