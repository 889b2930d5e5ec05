"use client";

import { ActionsHeader } from "@/components/ui/actions-header";
import { formatDateTime, formatMoney } from "@/lib/format";
import { useDeleteOutcomeKind } from "@/lib/queries/roi";
import type { OutcomeKindDto } from "@/lib/schemas/roi";

/** The named kinds with their default value per outcome; edit and delete per row. */
export function OutcomeKindsTable({ kinds, timeZone, onEdit }: { kinds: OutcomeKindDto[]; timeZone: string; onEdit: (kind: OutcomeKindDto) => void }) {
  const remove = useDeleteOutcomeKind();
  if (kinds.length === 0) return <p className="empty">No outcome kinds are named yet. Name the kinds your services send, with a default value if they send none.</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="outcome-kinds">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">
              Default value
            </th>
            <th scope="col">Description</th>
            <th scope="col">Updated</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={k.kind}>
              <th scope="row">{k.name}</th>
              <td>
                <code>{k.kind}</code>
              </td>
              <td className="num">{k.defaultValueUsd === null ? <span className="muted">none: services send valueUsd</span> : formatMoney(k.defaultValueUsd)}</td>
              <td>{k.description ?? ""}</td>
              <td>{formatDateTime(k.updatedAt, timeZone)}</td>
              <td>
                <div className="row-actions">
                  <button className="btn" type="button" onClick={() => onEdit(k)} aria-label={`Edit ${k.name}`}>
                    Edit
                  </button>
                  <button
                    className="btn btn-danger"
                    type="button"
                    disabled={remove.isPending}
                    aria-label={`Delete ${k.name}`}
                    onClick={() => {
                      if (window.confirm(`Delete the outcome kind “${k.name}”? Stored outcomes keep their value; new ones must carry valueUsd.`)) remove.mutate(k.kind);
                    }}
                  >
                    Delete
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {remove.error && (
        <p className="error-text" role="alert">
          {remove.error.message}
        </p>
      )}
    </div>
  );
}
