import type { AuditChange } from "@/lib/schemas/audit";

/** The fields an entry changed, before → after. */
export function AuditChanges({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return <span className="muted">no field changed</span>;
  return (
    <dl className="audit-changes">
      {changes.map((c) => (
        <div key={c.field}>
          <dt>{c.field}</dt>
          <dd>
            {c.before !== null && <del>{c.before}</del>}
            {c.before !== null && c.after !== null && <span aria-hidden="true"> → </span>}
            {c.before !== null && c.after !== null && <span className="sr-only"> changed to </span>}
            {c.after !== null && <ins>{c.after}</ins>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
