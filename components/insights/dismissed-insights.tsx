"use client";

import { ActionsHeader } from "@/components/ui/actions-header";
import { formatDateTime } from "@/lib/format";
import { useRestoreInsight } from "@/lib/queries/insights";
import type { DismissalDto } from "@/lib/schemas/insights";
import { KIND_LABELS } from "./insight-kinds";

/** Collapsed by default: what was dismissed, why, by whom and when, with "Restore". */
export function DismissedInsights({
  dismissed,
  canRestore,
  timeZone,
  onRestored,
}: {
  dismissed: DismissalDto[];
  canRestore: boolean;
  timeZone: string;
  onRestored: (title: string) => void;
}) {
  const restore = useRestoreInsight((insightId) => onRestored(dismissed.find((d) => d.insightId === insightId)?.title ?? insightId));
  return (
    <details className="card insights-dismissed" data-testid="dismissed-insights">
      <summary>
        <h2>Dismissed ({dismissed.length})</h2>
      </summary>
      {restore.error && (
        <p className="error-text" role="alert">
          Could not restore: {restore.error.message}
        </p>
      )}
      {dismissed.length === 0 ? (
        <p className="muted">Nothing is dismissed for these teams.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="sr-only">Dismissed insights, most recent first</caption>
            <thead>
              <tr>
                <th scope="col">Insight</th>
                <th scope="col">Reason</th>
                <th scope="col">Dismissed by</th>
                <th scope="col">When ({timeZone})</th>
                {canRestore && <ActionsHeader />}
              </tr>
            </thead>
            <tbody>
              {dismissed.map((d) => (
                <tr key={d.insightId}>
                  <th scope="row">
                    <span className="tag">{KIND_LABELS[d.kind]}</span> {d.title}
                    {d.team && <span className="muted"> · {d.team}</span>}
                  </th>
                  <td>{d.reason}</td>
                  <td>{d.dismissedBy ?? "an API key"}</td>
                  <td>{formatDateTime(d.dismissedAt, timeZone)}</td>
                  {canRestore && (
                    <td>
                      <div className="row-actions">
                        <button
                          className="btn"
                          type="button"
                          aria-label={`Restore ${d.title}`}
                          disabled={restore.isPending && restore.variables === d.insightId}
                          onClick={() => restore.mutate(d.insightId)}
                        >
                          Restore
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
