"use client";

import { LoadingBlock, QueryError } from "@/components/ui/query-error";
import { formatDateTime } from "@/lib/format";
import { useAuditLog } from "@/lib/queries/audit";
import { AuditChanges } from "./audit-changes";

export function AuditLogView({ timeZone }: { timeZone: string }) {
  const log = useAuditLog();
  if (log.isPending) return <LoadingBlock what="the audit log" />;
  // a failed "load older" keeps the pages already shown (reported below the table)
  if (!log.data) return <QueryError what="the audit log" error={log.error} onRetry={() => log.refetch()} />;
  const entries = log.data.pages.flatMap((p) => p.entries);
  if (entries.length === 0) return <p className="empty">No changes recorded yet: budgets, API keys and prices set here will appear, newest first.</p>;

  return (
    <>
      <table className="table" data-testid="audit-log">
        <caption className="sr-only">Audit log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Entity</th>
            <th scope="col">Before → after</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at, timeZone)}</td>
              <td>
                {e.actor.label}
                {e.actor.type === "apiKey" && <span className="muted"> (API key)</span>}
              </td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.entityName ?? <code>{e.entityId}</code>}
                <div className="muted">{e.entityType}</div>
              </td>
              <td>
                <AuditChanges changes={e.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.isFetchNextPageError && (
        <p className="error-text" role="alert">
          Could not load older entries: {log.error?.message}
        </p>
      )}
      {log.hasNextPage && (
        <button className="btn" type="button" disabled={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
          {log.isFetchingNextPage ? "Loading…" : "Load older entries"}
        </button>
      )}
    </>
  );
}
